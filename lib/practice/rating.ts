/**
 * How an answer becomes an FSRS rating. Students do not grade themselves here (as they would in
 * Anki): correctness and time against the question's expectedSeconds decide, so the rating can be
 * recomputed from a stored attempt (correct, timeTakenMs) and the question rebuilt from its seed.
 */
import { Rating, type Grade } from 'ts-fsrs';

/** A right answer slower than this many times the expected time is Hard (1.5× exactly is Good). */
export const HARD_WHEN_SLOWER_THAN = 1.5;

/** A right answer faster than this many times the expected time is Easy (0.5× exactly is Good). */
export const EASY_WHEN_FASTER_THAN = 0.5;

export interface AnswerOutcome {
  correct: boolean;
  /** Time from showing the question to submitting the answer. */
  timeTakenMs: number;
  /** The question's expectedSeconds: how long a prepared student needs. */
  expectedSeconds: number;
}

/**
 * The rating for one answer: wrong → Again, whatever the time; right → Good, but Hard when it
 * took longer than HARD_WHEN_SLOWER_THAN × expected and Easy when it took less than
 * EASY_WHEN_FASTER_THAN × expected (both bounds strict, so the boundaries themselves are Good).
 * A missing or impossible time is a caller's bug, so it throws rather than guessing a rating.
 */
export function ratingFor({ correct, timeTakenMs, expectedSeconds }: AnswerOutcome): Grade {
  if (!Number.isFinite(timeTakenMs) || timeTakenMs < 0) {
    throw new RangeError(`timeTakenMs must be a non-negative number, got ${String(timeTakenMs)}`);
  }
  if (!Number.isFinite(expectedSeconds) || expectedSeconds <= 0) {
    throw new RangeError(`expectedSeconds must be positive, got ${String(expectedSeconds)}`);
  }
  if (!correct) return Rating.Again;
  const expectedMs = expectedSeconds * 1000;
  if (timeTakenMs > HARD_WHEN_SLOWER_THAN * expectedMs) return Rating.Hard;
  if (timeTakenMs < EASY_WHEN_FASTER_THAN * expectedMs) return Rating.Easy;
  return Rating.Good;
}
