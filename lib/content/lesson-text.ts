/**
 * Derived views of a lesson body: its table of contents (ids as rehype-slug makes them) and its
 * plain text for search. Pure.
 */
import GithubSlugger from 'github-slugger';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** Markdown inline syntax removed: links keep their text, code/emphasis markers go. */
export function stripInline(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\$([^$]+)\$/g, '$1')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .trim();
}

function withoutFences(body: string): string {
  return body.replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, '');
}

export function lessonHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  const out: Heading[] = [];
  // Every heading level goes through the slugger, in order, as rehype-slug does.
  for (const m of withoutFences(body).matchAll(/^(#{1,6})\s+(.+?)\s*#*\s*$/gm)) {
    const depth = (m[1] ?? '').length;
    const text = stripInline(m[2] ?? '');
    const id = slugger.slug(text);
    if (depth === 2 || depth === 3) out.push({ depth, text, id });
  }
  return out;
}

export function lessonPlainText(body: string): string {
  return stripInline(
    withoutFences(body)
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/^\s*[-*+]\s+/gm, '')
      .replace(/^\s*\d+\.\s+/gm, '')
      .replace(/\|/g, ' ')
      .replace(/^[\s:-]+$/gm, '')
      .replace(/\$\$[\s\S]*?\$\$/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n');
}
