/**
 * Read every lesson under content/lessons, validate it, and return them in course order.
 * Runs at build time and in tests (Node only). Throws a ContentError naming the file and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError, parseLesson, type ParsedLesson } from './parse-lesson';

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

export interface LessonFile extends ParsedLesson {
  file: string;
}

let cache: LessonFile[] | undefined;

export function loadLessons(dir: string = LESSONS_DIR): LessonFile[] {
  if (dir === LESSONS_DIR && cache) return cache;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const lessons = files.map((f) => ({ file: f, ...parseLesson(f, fs.readFileSync(path.join(dir, f), 'utf8')) }));
  const seen = new Map<string, string>();
  for (const l of lessons) {
    const other = seen.get(l.meta.slug);
    if (other) throw new ContentError(l.file, `slug "${l.meta.slug}" is already used by ${other}`);
    seen.set(l.meta.slug, l.file);
  }
  lessons.sort((a, b) => a.meta.order - b.meta.order || a.meta.slug.localeCompare(b.meta.slug));
  if (dir === LESSONS_DIR) cache = lessons;
  return lessons;
}

export function getLesson(slug: string): LessonFile | undefined {
  return loadLessons().find((l) => l.meta.slug === slug);
}
