import 'server-only';
/**
 * Today's quiz for a user: composed once per local day (lib/practice/compose, pure) from what is
 * due, what is new in lessons they read and their weakest topics, then stored, so a reload or
 * another device resumes it, and answered position by position.
 */
import { z } from 'zod';
import { db, instantFromSql, rawParams, rawSql } from './db';
import { buildQuestion, itemIndex, rebuildQuestion } from './practice-pool';
import { saveAnswer, type SavedAnswer } from './save-answer';
import { userSeed, type UserSettings } from './user-settings';
import { composeDailyQuiz, type ComposeInput, type QuizItem } from '@/lib/practice/compose';
import { addDays, dayStart, localDay, type LocalDay } from '@/lib/practice/day';
import { streakSummary, type StreakSummary } from '@/lib/practice/streak';
import { score, toPublic, type PublicQuestion, type Response, type ScoreResult } from '@/lib/questions';
import { TOPICS, TOPIC_IDS, type TopicId } from '@/lib/topics';

/** How far back "recent accuracy" looks when choosing weak topics. */
export const WEAK_WINDOW_DAYS = 30;
/** Accuracy assumed for a topic never practised: behind any topic practised at better than half. */
const UNPRACTISED_ACCURACY = 0.5;

const ZStoredItems = z.array(
  z.object({ itemId: z.string().min(1), seed: z.number().int(), reason: z.enum(['due', 'new', 'weak']) }),
);

export interface DailyQuizRow {
  id: string;
  day: LocalDay;
  items: QuizItem[];
  finishedAt: Date | null;
}

function parseRow(row: { id: string; day: string; items: string; finishedAt: Date | null }): DailyQuizRow {
  return { id: row.id, day: row.day, items: ZStoredItems.parse(JSON.parse(row.items)), finishedAt: row.finishedAt };
}

const topicOf = (itemId: string): TopicId | null => itemIndex().topicOf.get(itemId) ?? null;

interface ComposeRows {
  /** The first `take` cards due before the end of the day, in composition order. */
  due: { itemId: string; due: Date }[];
  /** Lessons the user has read (lesson slugs are topic ids). */
  read: TopicId[];
  /** Items the user has cards for in the topics of those lessons. */
  carded: Set<string>;
  /** Attempts and right answers per topic over the weak-topic window. */
  tally: Map<string, { right: number; total: number }>;
}

/**
 * Everything composition reads, in one round trip of four small subqueries, each answered from an
 * index: the `take` most overdue cards (the (userId, due) index, with a limit — never every card),
 * the lessons read, the user's cards in those lessons' topics (the (userId, topic, itemId) index)
 * and the TopicDay rollup of the window. Each comes back as one aggregated string rather than a
 * row per card: with thousands of cards, materialising rows costs several times the query, and so
 * does each extra round trip through the ORM. Ids never contain , | or ; (lesson slugs, generator
 * ids and bank ids are lowercase words and hyphens; topics are topic ids).
 */
async function readComposeRows(userId: string, endOfDay: Date, take: number, fromDay: LocalDay, toDay: LocalDay): Promise<ComposeRows> {
  const { mark: p, values } = rawParams();
  const me = () => p(1, userId);
  const dueRow = rawSql.concat(['d."itemId"', rawSql.instant('d."due"')], '|');
  const tallyRow = rawSql.concat(['t."topic"', 't."attempts"', 't."correct"'], '|');
  const sql = `SELECT
    (SELECT ${rawSql.joined(dueRow, ';')} FROM (SELECT "itemId", "due" FROM "Card" WHERE "userId" = ${me()} AND "due" < ${p(2, rawSql.instantParam(endOfDay))}
       ORDER BY "due", "itemId" LIMIT ${p(3, take)}) d) AS due,
    (SELECT ${rawSql.joined('lp."lessonSlug"', ',')} FROM "LessonProgress" lp WHERE lp."userId" = ${me()}) AS lessons,
    (SELECT ${rawSql.joined('c."itemId"', ',')} FROM "Card" c WHERE c."userId" = ${me()}
       AND c."topic" IN (SELECT lp2."lessonSlug" FROM "LessonProgress" lp2 WHERE lp2."userId" = ${me()})) AS carded,
    (SELECT ${rawSql.joined(tallyRow, ';')} FROM (SELECT "topic", SUM("attempts") AS "attempts", SUM("correct") AS "correct" FROM "TopicDay"
       WHERE "userId" = ${me()} AND "day" >= ${p(4, fromDay)} AND "day" <= ${p(5, toDay)} GROUP BY "topic") t) AS tally`;
  const rows = await db.$queryRawUnsafe<{ due: string | null; lessons: string | null; carded: string | null; tally: string | null }[]>(sql, ...values());
  const row = rows[0];
  const split = (v: string | null | undefined, sep: string) => (v ? v.split(sep) : []);
  const due = split(row?.due, ';').map((entry) => {
    const [itemId = '', at = ''] = entry.split('|');
    return { itemId, due: instantFromSql(at) };
  });
  // The aggregate's order is not guaranteed: liveDueCards puts the due cards back in order.
  return {
    due,
    read: split(row?.lessons, ',').filter((s): s is TopicId => (TOPIC_IDS as readonly string[]).includes(s)),
    carded: new Set(split(row?.carded, ',')),
    tally: new Map(
      split(row?.tally, ';').map((entry) => {
        const [topic = '', total = '0', right = '0'] = entry.split('|');
        return [topic, { right: Number(right), total: Number(total) }];
      }),
    ),
  };
}

/**
 * The `size` most overdue of the cards read (in composition order: due, then item id) whose items
 * still exist. When cards of retired items crowd the page read, a second read names the items
 * that exist, so composition sees exactly the due cards it would pick from all of them.
 */
async function liveDueCards(rows: ComposeRows['due'], userId: string, endOfDay: Date, size: number, take: number, known: ReadonlyMap<string, unknown>) {
  const first = rows
    .slice()
    .sort((a, b) => a.due.getTime() - b.due.getTime() || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const live = first.filter((c) => known.has(c.itemId));
  if (live.length >= size || first.length < take) return live.slice(0, size);
  return db.card.findMany({
    where: { userId, due: { lt: endOfDay }, itemId: { in: [...known.keys()] } },
    orderBy: [{ due: 'asc' }, { itemId: 'asc' }],
    select: { itemId: true, due: true },
    take: size,
  });
}

/** Everything composeDailyQuiz needs, read from the database for `day`. */
export async function composeInputFor(user: UserSettings, day: LocalDay): Promise<ComposeInput> {
  const { items, topicOf: itemTopic } = itemIndex();
  const topicItems: Partial<Record<TopicId, readonly string[]>> = Object.fromEntries(items);
  const endOfDay = dayStart(addDays(day, 1), user.timeZone);
  const take = user.dailySize + 10;
  const rows = await readComposeRows(user.id, endOfDay, take, addDays(day, -(WEAK_WINDOW_DAYS - 1)), day);
  const due = await liveDueCards(rows.due, user.id, endOfDay, user.dailySize, take, itemTopic);
  const newItems = rows.read
    .flatMap((t) => topicItems[t] ?? [])
    .filter((id) => !rows.carded.has(id))
    .map((itemId) => ({ itemId, topic: itemTopic.get(itemId) as TopicId }));
  return {
    userSeed: userSeed(user.id),
    day,
    size: user.dailySize,
    dueCards: due.map((c) => ({ itemId: c.itemId, topic: itemTopic.get(c.itemId) as TopicId, due: c.due })),
    newItems,
    weakTopics: TOPICS.map((t) => {
      const s = rows.tally.get(t.id);
      return { topic: t.id, accuracy: s && s.total ? s.right / s.total : UNPRACTISED_ACCURACY };
    }),
    topicItems,
  };
}

/** Today's quiz for the user, composed and stored on first call of their local day. */
export async function getOrCreateDailyQuiz(user: UserSettings, now: Date): Promise<DailyQuizRow> {
  const day = localDay(now, user.timeZone);
  const existing = await db.dailyQuiz.findUnique({ where: { userId_day: { userId: user.id, day } } });
  if (existing) return parseRow(existing);
  const items = composeDailyQuiz(await composeInputFor(user, day));
  try {
    return parseRow(await db.dailyQuiz.create({ data: { userId: user.id, day, items: JSON.stringify(items) } }));
  } catch (e) {
    // Two devices opening the day at once: the unique (user, day) keeps one quiz for both.
    if ((e as { code?: string }).code !== 'P2002') throw e;
    return parseRow(await db.dailyQuiz.findUniqueOrThrow({ where: { userId_day: { userId: user.id, day } } }));
  }
}

export interface DailyPosition {
  position: number;
  itemId: string;
  topic: TopicId | null;
  reason: QuizItem['reason'];
  /** null until answered. */
  correct: boolean | null;
}

export interface DailyState {
  quizId: string;
  day: LocalDay;
  total: number;
  positions: DailyPosition[];
  /** The first unanswered position, null when finished. */
  current: number | null;
  question: PublicQuestion | null;
  finished: boolean;
  streak: StreakSummary;
}

async function finishedDays(userId: string): Promise<LocalDay[]> {
  const rows = await db.dailyQuiz.findMany({ where: { userId, finishedAt: { not: null } }, select: { day: true } });
  return rows.map((r) => r.day);
}

/** Mark the quiz finished once every position has an answer (idempotent; safe after races). */
async function finishIfComplete(quiz: DailyQuizRow, answered: number, now: Date): Promise<Date | null> {
  if (quiz.finishedAt) return quiz.finishedAt;
  // An empty quiz (nothing to practise yet) is not a day practised: it never counts for a streak.
  if (quiz.items.length === 0 || answered < quiz.items.length) return null;
  await db.dailyQuiz.updateMany({ where: { id: quiz.id, finishedAt: null }, data: { finishedAt: now } });
  return now;
}

export async function dailyState(user: UserSettings, now: Date): Promise<DailyState> {
  const quiz = await getOrCreateDailyQuiz(user, now);
  const answers = await db.attempt.findMany({ where: { quizId: quiz.id }, select: { position: true, correct: true } });
  const byPosition = new Map(answers.map((a) => [a.position, a.correct]));
  const positions = quiz.items.map((item, position) => ({
    position,
    itemId: item.itemId,
    topic: topicOf(item.itemId),
    reason: item.reason,
    correct: byPosition.get(position) ?? null,
  }));
  const current = positions.find((p) => p.correct === null)?.position ?? null;
  const finishedAt = await finishIfComplete(quiz, byPosition.size, now);
  const item = current === null ? undefined : quiz.items[current];
  const question = item ? buildQuestion(item.itemId, item.seed) : null;
  const days = await finishedDays(user.id);
  return {
    quizId: quiz.id,
    day: quiz.day,
    total: quiz.items.length,
    positions,
    current,
    question: question ? toPublic(question) : null,
    finished: finishedAt !== null,
    streak: streakSummary(days, localDay(now, user.timeZone)),
  };
}

type Scored = Extract<ScoreResult, { status: 'scored' }>;

export type DailyAnswerOutcome =
  | { ok: true; result: Scored; saved: SavedAnswer; state: DailyState }
  | { ok: false; status: 404 | 409 | 422; message: string };

/**
 * Grade the answer to `position` of today's quiz. The question is rebuilt from the stored quiz,
 * never from the client's word: the client only confirms which question it saw.
 */
export async function answerDaily(
  user: UserSettings,
  input: { day: LocalDay; position: number; generatorId: string; version: number; seed: number; response: Response; timeTakenMs: number },
  now: Date,
): Promise<DailyAnswerOutcome> {
  const row = await db.dailyQuiz.findUnique({ where: { userId_day: { userId: user.id, day: input.day } } });
  if (!row) return { ok: false, status: 404, message: 'That daily quiz does not exist. Reload the page to get today’s quiz.' };
  const quiz = parseRow(row);
  const item = quiz.items[input.position];
  if (!item) return { ok: false, status: 404, message: 'That question is not part of the quiz.' };
  if (item.itemId !== input.generatorId || item.seed !== input.seed) {
    return { ok: false, status: 409, message: 'This answer does not match the quiz question. Reload the page to continue.' };
  }
  const rebuilt = rebuildQuestion(item.itemId, input.version, item.seed);
  if (!rebuilt.ok) {
    return rebuilt.reason === 'outdated'
      ? { ok: false, status: 409, message: 'This question has been updated since it was shown. Reload the page to continue.' }
      : { ok: false, status: 404, message: 'This question no longer exists.' };
  }
  const result = score(rebuilt.question, input.response);
  if (result.status === 'invalid') return { ok: false, status: 422, message: result.message };
  const saved = await saveAnswer({
    user,
    question: rebuilt.question,
    response: input.response,
    result,
    timeTakenMs: input.timeTakenMs,
    source: 'daily',
    quiz: { id: quiz.id, position: input.position },
    now,
  });
  const state = await dailyState(user, now);
  return { ok: true, result: { ...result, correct: saved.correct }, saved, state };
}
