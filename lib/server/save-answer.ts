import 'server-only';
/**
 * Storing one graded answer of a signed-in user: the attempt, the FSRS card it moves on, the day's
 * activity counts (per day, and per day and topic), all in one transaction. The next card state is computed purely (lib/practice)
 * from the card as read; the write names the card's revision, so if another answer moved the card
 * in between, the transaction is refused and redone from the fresh card. Nothing is half written.
 */
import { db } from './db';
import type { Question, Response, ScoreResult } from '@/lib/questions';
import { ratingFor } from '@/lib/practice/rating';
import { nextCardState, type CardState, type CardStateName } from '@/lib/practice/schedule';
import { localDay } from '@/lib/practice/day';

type Scored = Extract<ScoreResult, { status: 'scored' }>;
export type AttemptSource = 'practice' | 'daily' | 'mistakes' | 'exam';

export interface CardRow {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: string;
  lastReview: Date | null;
}

export function toCardState(row: CardRow): CardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateName,
    last_review: row.lastReview,
  };
}

export function toCardRow(card: CardState): CardRow {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review,
  };
}

/** The user settings grading needs. */
export interface GradingUser {
  id: string;
  timeZone: string;
  desiredRetention: number;
}

export interface SavedAnswer {
  attemptId: string;
  /** The verdict that stands: a repeated submission gets the first one's. */
  correct: boolean;
  /** true when this question had already been answered: the first answer stands, nothing changed. */
  duplicate: boolean;
  /** The card after this answer (after the first answer, for a duplicate). */
  card: { due: Date; state: string; reps: number } | null;
}

/** Another answer moved the card (or created it) after we read it: redo from the fresh state. */
class StaleCard extends Error {}
/** The attempt exists already (same user, generator, version and seed). */
class AlreadyAnswered extends Error {}
/** The card kept changing under us: the caller answers 409 and the client may resend. */
export class BusyCardError extends Error {
  constructor() {
    super('This item was being updated by another answer. Send your answer again.');
  }
}

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === 'P2002';
const MAX_TRIES = 8;

export async function saveAnswer(input: {
  user: GradingUser;
  question: Question;
  response: Response;
  result: Scored;
  timeTakenMs: number;
  source: AttemptSource;
  quiz?: { id: string; position: number };
  now: Date;
}): Promise<SavedAnswer> {
  const { user, question: q, result, timeTakenMs } = input;
  const itemId = q.generatorId;
  const cardKey = { userId_itemId: { userId: user.id, itemId } };
  const attemptKey = { userId: user.id, generatorId: q.generatorId, version: q.version, seed: q.seed };
  const rating = ratingFor({ correct: result.correct, timeTakenMs, expectedSeconds: q.expectedSeconds });
  const day = localDay(input.now, user.timeZone);

  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const current = await db.card.findUnique({ where: cardKey });
    const before = current ? toCardState(current) : null;
    // Another server's clock may be a little behind the last review: never schedule backwards.
    const now = before?.last_review && before.last_review > input.now ? before.last_review : input.now;
    const next = nextCardState(before, rating, now, user.desiredRetention);
    try {
      const attemptId = await db.$transaction(async (tx) => {
        let created: { id: string };
        try {
          created = await tx.attempt.create({
            data: {
              ...attemptKey,
              topic: q.topic,
              kind: q.kind,
              response: JSON.stringify(input.response),
              correct: result.correct,
              mistake: result.mistake?.name ?? null,
              timeTakenMs,
              source: input.source,
              quizId: input.quiz?.id ?? null,
              position: input.quiz?.position ?? null,
              rating,
              createdAt: input.now,
            },
            select: { id: true },
          });
        } catch (e) {
          throw isUniqueViolation(e) ? new AlreadyAnswered() : e;
        }
        if (current) {
          const moved = await tx.card.updateMany({
            where: { userId: user.id, itemId, revision: current.revision },
            data: { ...toCardRow(next), revision: { increment: 1 } },
          });
          if (moved.count !== 1) throw new StaleCard();
        } else {
          try {
            await tx.card.create({ data: { userId: user.id, itemId, topic: q.topic, ...toCardRow(next) } });
          } catch (e) {
            throw isUniqueViolation(e) ? new StaleCard() : e;
          }
        }
        const right = result.correct ? 1 : 0;
        try {
          await tx.dailyActivity.upsert({
            where: { userId_day: { userId: user.id, day } },
            create: { userId: user.id, day, attempts: 1, correct: right },
            update: { attempts: { increment: 1 }, correct: { increment: right } },
          });
          await tx.topicDay.upsert({
            where: { userId_day_topic: { userId: user.id, day, topic: q.topic } },
            create: { userId: user.id, day, topic: q.topic, attempts: 1, correct: right },
            update: { attempts: { increment: 1 }, correct: { increment: right } },
          });
        } catch (e) {
          throw isUniqueViolation(e) ? new StaleCard() : e;
        }
        return created.id;
      });
      return { attemptId, correct: result.correct, duplicate: false, card: { due: next.due, state: next.state, reps: next.reps } };
    } catch (e) {
      if (e instanceof AlreadyAnswered) return firstAnswer(user.id, itemId, attemptKey);
      if (e instanceof StaleCard || isWriteConflict(e)) continue;
      throw e;
    }
  }
  throw new BusyCardError();
}

/** SQLite "database is locked" / PostgreSQL serialization failures surface as Prisma P2034 or driver errors. */
function isWriteConflict(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  const message = e instanceof Error ? e.message : '';
  return code === 'P2034' || /SQLITE_BUSY|database is locked|could not serialize|deadlock detected/i.test(message);
}

async function firstAnswer(
  userId: string,
  itemId: string,
  key: { userId: string; generatorId: string; version: number; seed: number },
): Promise<SavedAnswer> {
  const first = await db.attempt.findUniqueOrThrow({ where: { userId_generatorId_version_seed: key }, select: { id: true, correct: true } });
  const card = await db.card.findUnique({ where: { userId_itemId: { userId, itemId } }, select: { due: true, state: true, reps: true } });
  return { attemptId: first.id, correct: first.correct, duplicate: true, card };
}
