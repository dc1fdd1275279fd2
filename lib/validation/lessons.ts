import { z } from 'zod';

/** A lesson slug as it may appear in a URL (existence is checked against the content). */
export const ZLessonSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a lesson address.').max(80);
