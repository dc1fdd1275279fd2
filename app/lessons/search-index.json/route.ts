// GET /lessons/search-index.json — the lessons' text for the outline's search box; anyone.
// Generated once at build time.
import { NextResponse } from 'next/server';
import { loadLessons } from '@/lib/content/load-lessons';
import { lessonHeadings, lessonPlainText } from '@/lib/content/lesson-text';

export const dynamic = 'force-static';

export function GET() {
  const docs = loadLessons().map((l) => ({
    id: l.meta.slug,
    title: l.meta.title,
    summary: l.meta.summary,
    headings: lessonHeadings(l.body).map((h) => h.text).join(' '),
    text: lessonPlainText(l.body),
  }));
  return NextResponse.json(docs);
}
