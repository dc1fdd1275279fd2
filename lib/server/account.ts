import 'server-only';
/**
 * A user's own account as a whole: everything netprep holds about them, as one JSON document
 * they can download, and deleting the account with all of it.
 */
import { db } from './db';
import { verifyPassword } from './passwords';

/** Names the document; bump EXPORT_VERSION when its shape changes. */
export const EXPORT_FORMAT = 'netprep-data';
export const EXPORT_VERSION = 1;

export interface UserDataExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  profile: { id: string; email: string; name: string | null; role: string; createdAt: string; updatedAt: string };
  settings: { timeZone: string; dailySize: number; desiredRetention: number };
  lessonProgress: { lessonSlug: string; readAt: string }[];
  attempts: {
    id: string;
    generatorId: string;
    version: number;
    seed: number;
    topic: string;
    kind: string;
    response: unknown;
    correct: boolean;
    mistake: string | null;
    timeTakenMs: number;
    source: string;
    quizId: string | null;
    position: number | null;
    rating: number | null;
    createdAt: string;
  }[];
  cards: {
    itemId: string;
    topic: string;
    due: string;
    stability: number;
    difficulty: number;
    elapsedDays: number;
    scheduledDays: number;
    learningSteps: number;
    reps: number;
    lapses: number;
    state: string;
    lastReview: string | null;
    revision: number;
    updatedAt: string;
  }[];
  dailyQuizzes: { id: string; day: string; items: unknown; finishedAt: string | null; createdAt: string }[];
  dailyActivity: { day: string; attempts: number; correct: number }[];
  topicDays: { day: string; topic: string; attempts: number; correct: number }[];
}

/** A column stored as JSON text, parsed back; text that is not JSON is kept as it is. */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything stored about `userId` as plain JSON (dates as ISO strings), or null when there is no
 * such user. The password hash is never read. All tables are read in one transaction.
 */
export async function exportUserData(userId: string, now: Date = new Date()): Promise<UserDataExport | null> {
  const where = { userId };
  const [user, lessonProgress, attempts, cards, dailyQuizzes, dailyActivity, topicDays] = await db.$transaction([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, role: true, createdAt: true, updatedAt: true, timeZone: true, dailySize: true, desiredRetention: true },
    }),
    db.lessonProgress.findMany({ where, orderBy: { lessonSlug: 'asc' }, select: { lessonSlug: true, readAt: true } }),
    db.attempt.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], omit: { userId: true } }),
    db.card.findMany({ where, orderBy: { itemId: 'asc' }, omit: { userId: true } }),
    db.dailyQuiz.findMany({ where, orderBy: { day: 'asc' }, omit: { userId: true } }),
    db.dailyActivity.findMany({ where, orderBy: { day: 'asc' }, omit: { userId: true } }),
    db.topicDay.findMany({ where, orderBy: [{ day: 'asc' }, { topic: 'asc' }], omit: { userId: true } }),
  ]);
  if (!user) return null;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    profile: { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: iso(user.createdAt), updatedAt: iso(user.updatedAt) },
    settings: { timeZone: user.timeZone, dailySize: user.dailySize, desiredRetention: user.desiredRetention },
    lessonProgress: lessonProgress.map((p) => ({ lessonSlug: p.lessonSlug, readAt: iso(p.readAt) })),
    attempts: attempts.map((a) => ({ ...a, response: parseStored(a.response), createdAt: iso(a.createdAt) })),
    cards: cards.map((c) => ({ ...c, due: iso(c.due), lastReview: isoOrNull(c.lastReview), updatedAt: iso(c.updatedAt) })),
    dailyQuizzes: dailyQuizzes.map((q) => ({ ...q, items: parseStored(q.items), finishedAt: isoOrNull(q.finishedAt), createdAt: iso(q.createdAt) })),
    dailyActivity: dailyActivity.map((d) => ({ day: d.day, attempts: d.attempts, correct: d.correct })),
    topicDays: topicDays.map((d) => ({ day: d.day, topic: d.topic, attempts: d.attempts, correct: d.correct })),
  };
}

export type DeleteAccountResult = { ok: true } | { ok: false; reason: 'not-found' | 'email-mismatch' | 'wrong-password' };

/**
 * Delete the account of `userId` once the user has typed its email (any case, spaces trimmed)
 * and its password. One DELETE removes the user; the schema's cascades remove every row that
 * belongs to them in the same statement, so nothing is left half-done. The delete names the
 * password hash it checked: if the password changed in between, nothing is deleted.
 */
export async function deleteAccount(userId: string, confirmEmail: string, password: string): Promise<DeleteAccountResult> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!row) return { ok: false, reason: 'not-found' };
  if (confirmEmail.trim().toLowerCase() !== row.email.toLowerCase()) return { ok: false, reason: 'email-mismatch' };
  if (!(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  const { count } = await db.user.deleteMany({ where: { id: userId, passwordHash: row.passwordHash } });
  return count === 1 ? { ok: true } : { ok: false, reason: 'not-found' };
}
