import 'server-only';
import { db } from './db';
import type { Question, Response, ScoreResult } from '@/lib/questions';

export interface RecordedAttempt {
  attemptId: string;
  correct: boolean;
  /** true when this question had already been answered: the first answer stands. */
  duplicate: boolean;
}

type Scored = Extract<ScoreResult, { status: 'scored' }>;

/**
 * Store one graded answer. Idempotent per (user, generator, version, seed): submitting the same
 * question again returns the first attempt instead of adding another.
 */
export async function recordAttempt(input: {
  userId: string;
  question: Question;
  response: Response;
  result: Scored;
  timeTakenMs: number;
  source?: 'practice' | 'daily' | 'exam';
}): Promise<RecordedAttempt> {
  const { userId, question: q } = input;
  const key = { userId, generatorId: q.generatorId, version: q.version, seed: q.seed };
  try {
    const created = await db.attempt.create({
      data: {
        ...key,
        topic: q.topic,
        kind: q.kind,
        response: JSON.stringify(input.response),
        correct: input.result.correct,
        mistake: input.result.mistake?.name ?? null,
        timeTakenMs: input.timeTakenMs,
        source: input.source ?? 'practice',
      },
      select: { id: true },
    });
    return { attemptId: created.id, correct: input.result.correct, duplicate: false };
  } catch (e) {
    // Already answered (a resubmission, or two racing): the unique index keeps the first; answer from it.
    if ((e as { code?: string }).code !== 'P2002') throw e;
    const first = await db.attempt.findUniqueOrThrow({ where: { userId_generatorId_version_seed: key }, select: { id: true, correct: true } });
    return { attemptId: first.id, correct: first.correct, duplicate: true };
  }
}
