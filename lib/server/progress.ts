import 'server-only';
/**
 * The progress dashboard's data for one user, in one round trip of five narrow subqueries and
 * never from the attempts themselves: five columns of each card, the per-topic rollup (TopicDay,
 * written with every answer) summed over all days and over the last 30 local days, finished quiz
 * days, and a year of daily activity. lib/practice/progress shapes them.
 */
import { db, instantFromSql, rawParams, rawSql } from './db';
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

interface ProgressRow {
  cards: string | null;
  allTime: string | null;
  recent: string | null;
  finished: string | null;
  activity: string | null;
}

/**
 * Everything the dashboard reads, each subquery's rows as one aggregated string: with thousands
 * of cards, materialising rows costs several times the query, and each query through the ORM
 * costs more than these reads themselves. Cards are `topic|due|stability|state|lastReview`;
 * tallies `topic|attempts|correct[|lastDay]`; activity `day|attempts|correct`. Topics, states and
 * days never contain | or ;.
 */
async function progressRow(userId: string, today: string, recentFrom: string, activityFrom: string): Promise<ProgressRow | undefined> {
  const { mark, values } = rawParams();
  const me = () => mark(1, userId);
  const card = rawSql.concat(['c."topic"', rawSql.instant('c."due"'), 'c."stability"', 'c."state"', `coalesce(${rawSql.instant('c."lastReview"')}, '')`], '|');
  const sql = `SELECT
    (SELECT ${rawSql.joined(card, ';')} FROM "Card" c WHERE c."userId" = ${me()}) AS "cards",
    (SELECT ${rawSql.joined(rawSql.concat(['a."topic"', 'a."attempts"', 'a."correct"', 'a."lastDay"'], '|'), ';')}
       FROM (SELECT "topic", SUM("attempts") AS "attempts", SUM("correct") AS "correct", MAX("day") AS "lastDay"
             FROM "TopicDay" WHERE "userId" = ${me()} GROUP BY "topic") a) AS "allTime",
    (SELECT ${rawSql.joined(rawSql.concat(['r."topic"', 'r."attempts"', 'r."correct"'], '|'), ';')}
       FROM (SELECT "topic", SUM("attempts") AS "attempts", SUM("correct") AS "correct"
             FROM "TopicDay" WHERE "userId" = ${me()} AND "day" >= ${mark(2, recentFrom)} AND "day" <= ${mark(3, today)} GROUP BY "topic") r) AS "recent",
    (SELECT ${rawSql.joined('q."day"', ';')} FROM "DailyQuiz" q WHERE q."userId" = ${me()} AND q."finishedAt" IS NOT NULL) AS "finished",
    (SELECT ${rawSql.joined(rawSql.concat(['d."day"', 'd."attempts"', 'd."correct"'], '|'), ';')}
       FROM "DailyActivity" d WHERE d."userId" = ${me()} AND d."day" >= ${mark(4, activityFrom)} AND d."day" <= ${mark(3, today)}) AS "activity"`;
  const rows = await db.$queryRawUnsafe<ProgressRow[]>(sql, ...values());
  return rows[0];
}

/** The entries of an aggregated string, each split into its fields. */
function entries(text: string | null | undefined): string[][] {
  return text ? text.split(';').map((entry) => entry.split('|')) : [];
}

export async function progressFor(user: Pick<UserSettings, 'id' | 'timeZone'>, now: Date): Promise<Progress> {
  const { today, recentFrom, activityFrom } = progressWindows(now, user.timeZone);
  const row = await progressRow(user.id, today, recentFrom, activityFrom);
  return shapeProgress({
    now,
    timeZone: user.timeZone,
    cards: entries(row?.cards).map(([topic = '', due = '', stability = '', state = '', lastReview = '']) => ({
      topic,
      card: memoryCard({ due: instantFromSql(due), stability: Number(stability), state, lastReview: lastReview ? instantFromSql(lastReview) : null }),
    })),
    allTime: entries(row?.allTime).map(([topic = '', attempts, correct, lastDay]) => ({ topic, attempts: Number(attempts), correct: Number(correct), lastDay: lastDay || null })),
    recent: entries(row?.recent).map(([topic = '', attempts, correct]) => ({ topic, attempts: Number(attempts), correct: Number(correct) })),
    finishedDays: row?.finished ? row.finished.split(';') : [],
    activity: entries(row?.activity).map(([day = '', attempts, correct]) => ({ day, attempts: Number(attempts), correct: Number(correct) })),
  });
}
