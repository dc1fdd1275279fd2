/**
 * Parse one lesson file's text: split the YAML front matter from the Markdown body and
 * validate the front matter. Pure: the caller reads the file.
 */
import matter from 'gray-matter';
import { ZLessonFrontMatter, type TLessonFrontMatter } from './schema';
import { formatZodIssues } from './format-issues';

export interface ParsedLesson {
  meta: TLessonFrontMatter;
  body: string;
}

export class ContentError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ContentError';
  }
}

export function parseLesson(file: string, text: string): ParsedLesson {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch (e) {
    throw new ContentError(file, `front matter is not valid YAML (${(e as Error).message})`);
  }
  const result = ZLessonFrontMatter.safeParse(parsed.data);
  if (!result.success) throw new ContentError(file, formatZodIssues(result.error.issues));
  return { meta: result.data, body: parsed.content };
}
