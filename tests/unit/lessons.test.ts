import { loadLessons } from '@/lib/content/load-lessons';
import { checkLessonBody } from '@/lib/content/check-lesson';
import { parseLesson } from '@/lib/content/parse-lesson';
import { lessonHeadings } from '@/lib/content/lesson-text';
import { TOPICS } from '@/lib/topics';

const lessons = loadLessons();
const slugs = new Set(lessons.map((l) => l.meta.slug));

describe('the lessons in content/lessons', () => {
  it('cover every one of the 16 topics of the notes, one lesson each', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(16);
    for (const t of TOPICS) expect(lessons.filter((l) => l.meta.topic === t.id).map((l) => l.meta.slug)).toContain(t.id);
  });

  it('have unique order numbers', () => {
    const orders = lessons.map((l) => l.meta.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each(lessons.map((l) => [l.file, l] as const))('%s: valid front matter, required sections, links that resolve, valid widgets', (_file, lesson) => {
    expect(checkLessonBody(lesson, slugs)).toEqual([]);
  });

  it.each(lessons.map((l) => [l.file, l] as const))('%s: has at least one worked example and an exam-traps section with items', (_file, lesson) => {
    const headings = lessonHeadings(lesson.body).map((h) => h.text);
    expect(headings.some((h) => /^Worked example/i.test(h))).toBe(true);
    const traps = lesson.body.split(/^## Exam traps\s*$/m)[1]?.split(/^## /m)[0] ?? '';
    expect(traps.match(/^\s*[-*]\s+\S/gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('draw diagrams only from our own files, each with a text alternative', () => {
    const images = lessons.flatMap((l) => [...l.body.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)]);
    expect(images.length).toBeGreaterThanOrEqual(lessons.length);
    for (const m of images) {
      expect(m[2]).toMatch(/^\/diagrams\/[a-z0-9-]+\.svg$/);
      expect((m[1] ?? '').length).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('a malformed lesson file', () => {
  it('fails naming the file and the field at fault', () => {
    const text = '---\ntitle: Broken\nslug: Not A Slug\norder: 1\n---\n\nBody';
    expect(() => parseLesson('99-broken.md', text)).toThrow(/^99-broken\.md: .*slug: slug must be lowercase words/);
  });
  it('fails on YAML that cannot be parsed', () => {
    expect(() => parseLesson('98-bad-yaml.md', '---\ntitle: [unclosed\n---\n')).toThrow(/^98-bad-yaml\.md: front matter is not valid YAML/);
  });
  it('fails when a required field is missing', () => {
    expect(() => parseLesson('97-missing.md', '---\ntitle: A lesson\n---\n')).toThrow(/97-missing\.md: .*slug/);
  });
});
