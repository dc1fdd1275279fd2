/**
 * Structural checks on a lesson body beyond its front matter: the required sections, the
 * internal links, the widgets. Pure; returns the problems found (empty when the lesson is fine).
 */
import { z } from 'zod';
import type { ParsedLesson } from './parse-lesson';
import { lessonHeadings } from './lesson-text';

export const ZWidgetSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cidr-calculator'), cidr: z.string().optional() }).strict(),
  z.object({ type: z.literal('cross-zone'), targetsPerZone: z.array(z.number().int().min(0)).optional(), crossZone: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('nacl-playground'), rules: z.array(z.unknown()).optional(), packet: z.unknown().optional() }).strict(),
]);
export type TWidgetSpec = z.infer<typeof ZWidgetSpec>;


export function checkLessonBody(lesson: ParsedLesson, knownSlugs: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const hs = lessonHeadings(lesson.body).map((h) => h.text);
  if (!hs.some((h) => /^introduction$/i.test(h))) problems.push('missing "## Introduction" section');
  if (!hs.some((h) => /^worked example/i.test(h))) problems.push('missing a "## Worked example: …" section');
  if (!hs.some((h) => /^exam traps$/i.test(h))) problems.push('missing "## Exam traps" section');
  if (!hs.some((h) => /^recap$/i.test(h))) problems.push('missing "## Recap" section');

  for (const m of lesson.body.matchAll(/\]\((\/lessons\/([^)#\s]+))(#[^)\s]*)?\)/g)) {
    const slug = m[2] ?? '';
    if (!knownSlugs.has(slug)) problems.push(`link to unknown lesson "${m[1]}"`);
  }
  for (const slug of lesson.meta.related) {
    if (!knownSlugs.has(slug)) problems.push(`related lists unknown lesson "${slug}"`);
  }
  for (const m of lesson.body.matchAll(/```widget\n([\s\S]*?)```/g)) {
    let json: unknown;
    try {
      json = JSON.parse(m[1] ?? '');
    } catch {
      problems.push('a widget block is not valid JSON');
      continue;
    }
    const r = ZWidgetSpec.safeParse(json);
    if (!r.success) problems.push(`a widget block is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  for (const m of lesson.body.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)) {
    if ((m[1] ?? '').trim().length < 10) problems.push(`image ${m[2]} needs a text alternative of at least 10 characters`);
    if (!(m[2] ?? '').startsWith('/diagrams/')) problems.push(`image ${m[2]} must be one of our diagrams under /diagrams/`);
  }
  return problems;
}
