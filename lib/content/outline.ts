/** The course outline: lessons grouped by exam domain, in course order. Build time / server only. */
import { EXAM_DOMAINS } from '../topics';
import { loadLessons } from './load-lessons';

export interface OutlineLesson {
  slug: string;
  title: string;
  topic: string;
  summary: string;
  minutes: number;
  order: number;
}

export interface OutlineDomain {
  id: string;
  title: string;
  weight: number;
  lessons: OutlineLesson[];
}

export function courseOutline(): OutlineDomain[] {
  const lessons = loadLessons();
  return EXAM_DOMAINS.map((d) => ({
    id: d.id,
    title: d.title,
    weight: d.weight,
    lessons: lessons
      .filter((l) => l.meta.domain === d.id)
      .map((l) => ({ slug: l.meta.slug, title: l.meta.title, topic: l.meta.topic, summary: l.meta.summary, minutes: l.meta.minutes, order: l.meta.order })),
  })).filter((d) => d.lessons.length > 0);
}
