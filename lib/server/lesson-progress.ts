import 'server-only';
import { db } from './db';

/** Slugs of the lessons a user has marked read. */
export async function getReadLessons(userId: string): Promise<string[]> {
  const rows = await db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true } });
  return rows.map((r) => r.lessonSlug);
}

/** Mark a lesson read (idempotent: marking twice keeps the first date). */
export async function markLessonRead(userId: string, lessonSlug: string): Promise<void> {
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug } },
    create: { userId, lessonSlug },
    update: {},
  });
}

export async function unmarkLessonRead(userId: string, lessonSlug: string): Promise<void> {
  await db.lessonProgress.deleteMany({ where: { userId, lessonSlug } });
}

/** Topics in which the user has answered at least one question. */
export async function getPractisedTopics(userId: string): Promise<string[]> {
  const rows = await db.attempt.groupBy({ by: ['topic'], where: { userId } });
  return rows.map((r) => r.topic);
}
