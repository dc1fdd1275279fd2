import 'server-only';
/**
 * The progress dashboard's data for one user, from five narrow queries and never from the
 * attempts themselves: five columns of each card, the per-topic rollup (TopicDay, written with
 * every answer) summed over all days and over the last 30 local days, finished quiz days, and a
 * year of daily activity. lib/practice/progress shapes them.
 */
import { db, dbKind, rawSql } from './db';
import type { UserSettings } from './user-settings';
import { progressWindows, shapeProgress, type Progress } from '@/lib/practice/progress';
import type { CardState, CardStateName } from '@/lib/practice/schedule';

export type { Progress } from '@/lib/practice/progress';

interface CardMemoryRow {
  due: Date;
  stability: number;
  state: string;
  lastReview: Date | null;
}

/**
 * The dashboard reads two things of a card: its retrievability (FSRS computes it from state,
 * stability and last review alone: ts-fsrs get_retrievability) and its due date. Only those
 * columns are loaded; the scheduling fields are left at 0 and this state must never be used to
 * schedule. (tests/integration/progress.test.ts checks mastery against full card states.)
 */
function memoryCard(row: CardMemoryRow): CardState {
  return {
    due: row.due,
    stability: row.stability,
    state: row.state as CardStateName,
    last_review: row.lastReview,
    difficulty: 0,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 0,
    lapses: 0,
  };
}

/**
 * The memory columns of every card of the user, as one aggregated string instead of a row per
 * card: with thousands of cards, materialising rows costs several times the query. Each card is
 * `topic|due|stability|state|lastReview` with instants as epoch milliseconds (PostgreSQL) or
 * ISO text (SQLite, as Prisma stores them there); neither topics nor states contain | or ;.
 */
async function memoryRows(userId: string): Promise<{ topic: string; card: CardState }[]> {
  const pg = dbKind === 'postgres';
  const instant = (c: string) => (pg ? `((extract(epoch from ${c}) * 1000)::bigint)::text` : c);
  const line = pg
    ? `concat_ws('|', "topic", ${instant('"due"')}, "stability"::text, "state", coalesce(${instant('"lastReview"')}, ''))`
    : `"topic" || '|' || "due" || '|' || "stability" || '|' || "state" || '|' || coalesce("lastReview", '')`;
  const sql = `SELECT ${rawSql.joined(line, ';')} AS cards FROM "Card" WHERE "userId" = ${rawSql.param(1)}`;
  const rows = await db.$queryRawUnsafe<{ cards: string | null }[]>(sql, userId);
  const text = rows[0]?.cards;
  if (!text) return [];
  const toDate = (v: string) => new Date(pg ? Number(v) : v);
  return text.split(';').map((entry) => {
    const [topic = '', due = '', stability = '', state = '', lastReview = ''] = entry.split('|');
    return { topic, card: memoryCard({ due: toDate(due), stability: Number(stability), state, lastReview: lastReview ? toDate(lastReview) : null }) };
  });
}

export async function progressFor(user: Pick<UserSettings, 'id' | 'timeZone'>, now: Date): Promise<Progress> {
  const userId = user.id;
  const { today, recentFrom, activityFrom } = progressWindows(now, user.timeZone);
  const [cards, allTime, recent, quizzes, activity] = await Promise.all([
    memoryRows(userId),
    db.topicDay.groupBy({ by: ['topic'], where: { userId }, _sum: { attempts: true, correct: true }, _max: { day: true } }),
    db.topicDay.groupBy({ by: ['topic'], where: { userId, day: { gte: recentFrom, lte: today } }, _sum: { attempts: true, correct: true } }),
    db.dailyQuiz.findMany({ where: { userId, finishedAt: { not: null } }, select: { day: true } }),
    db.dailyActivity.findMany({ where: { userId, day: { gte: activityFrom, lte: today } }, select: { day: true, attempts: true, correct: true } }),
  ]);
  return shapeProgress({
    now,
    timeZone: user.timeZone,
    cards,
    allTime: allTime.map((g) => ({ topic: g.topic, attempts: g._sum.attempts ?? 0, correct: g._sum.correct ?? 0, lastDay: g._max.day })),
    recent: recent.map((g) => ({ topic: g.topic, attempts: g._sum.attempts ?? 0, correct: g._sum.correct ?? 0 })),
    finishedDays: quizzes.map((q) => q.day),
    activity,
  });
}
