/**
 * Which questions make up a student's daily quiz: a pure function of what is due, what is new and
 * what is weak, and of (userSeed, day) for every random choice, so the server can rebuild the same
 * quiz for the same day without storing it, and tests can replay it.
 */
import { createRng, type Rng } from '../questions/rng';
import type { TopicId } from '../topics';
import { daysBetween, isLocalDay, type LocalDay } from './day';

export const MIN_QUIZ_SIZE = 5;
export const MAX_QUIZ_SIZE = 50;

/** A carded item whose review is due (the server decides "due", e.g. due before tomorrow starts). */
export interface DueCard {
  itemId: string;
  topic: TopicId;
  due: Date;
}

/** An item from a lesson the student has read, never reviewed (no card yet). */
export interface NewItem {
  itemId: string;
  topic: TopicId;
}

/** Recent accuracy on a topic, 0–1; lower is weaker. */
export interface TopicAccuracy {
  topic: TopicId;
  accuracy: number;
}

export interface ComposeInput {
  /** The student's stored seed (any safe integer). */
  userSeed: number;
  /** The student's local day the quiz is for. */
  day: LocalDay;
  /** Wanted length, MIN_QUIZ_SIZE–MAX_QUIZ_SIZE (the user's dailySize). */
  size: number;
  dueCards: readonly DueCard[];
  newItems: readonly NewItem[];
  weakTopics: readonly TopicAccuracy[];
  /** Every practice item of each topic, for filling with weak-topic practice. */
  topicItems: Partial<Record<TopicId, readonly string[]>>;
}

/** Why an item is in the quiz: a due review, a first review, or extra practice on a weak topic. */
export type QuizReason = 'due' | 'new' | 'weak';

export interface QuizItem {
  itemId: string;
  /** The question seed for this position (see questionSeed). */
  seed: number;
  reason: QuizReason;
}

const EPOCH: LocalDay = '1970-01-01';
const SALT = { seed: 0x5eed, newItems: 0x0e11, weak: 0x3ea4 } as const;

/** A 32-bit hash of whole numbers (murmur3's finaliser over each 32-bit half), order-sensitive. */
function mix(parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    for (const word of [p >>> 0, Math.floor(p / 0x100000000) >>> 0]) {
      h = Math.imul(h ^ word, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

function checkSeedAndDay(userSeed: number, day: LocalDay): number {
  if (!Number.isSafeInteger(userSeed)) throw new RangeError(`userSeed must be a whole number, got ${String(userSeed)}`);
  if (!isLocalDay(day)) throw new RangeError(`day must be YYYY-MM-DD, got ${JSON.stringify(day)}`);
  return daysBetween(EPOCH, day);
}

function rngFor(userSeed: number, dayNumber: number, salt: number): Rng {
  return createRng(mix([userSeed, dayNumber, salt]));
}

/**
 * The question seed at `position` (0-based) of the quiz for (userSeed, day): a function of those
 * three alone, so one question can be rebuilt without composing the whole quiz. 0 to 2^31 − 1.
 */
export function questionSeed(userSeed: number, day: LocalDay, position: number): number {
  const dayNumber = checkSeedAndDay(userSeed, day);
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`position must be a whole number ≥ 0, got ${String(position)}`);
  return createRng(mix([userSeed, dayNumber, position, SALT.seed])).int(0, 0x7fffffff);
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Distinct ids in code-unit order, so the result never depends on the order rows arrived in.
 * Ids already strictly ascending (the server's item index keeps them so) are returned as they are.
 */
function canonical(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) {
    if (!((ids[i - 1] as string) < (ids[i] as string))) return [...new Set(ids)].sort(byCodeUnit);
  }
  return ids;
}

/**
 * A draw without replacement from `ids` in random order, one id per call (undefined when none is
 * left): Fisher–Yates from the front, carried only as far as ids are drawn, so a topic of hundreds
 * of items costs a few random numbers when the quiz takes a few of them.
 */
function drawer(ids: readonly string[], rng: Rng): () => string | undefined {
  const pool = ids.slice();
  let next = 0;
  return () => {
    if (next >= pool.length) return undefined;
    const j = rng.int(next, pool.length - 1);
    const id = pool[j] as string;
    pool[j] = pool[next] as string;
    pool[next] = id;
    next += 1;
    return id;
  };
}

function checkItemId(id: string): void {
  if (typeof id !== 'string' || id === '') throw new RangeError('itemId must be a non-empty string');
}

/**
 * The daily quiz for (userSeed, day), at most `size` items, no item twice:
 * 1. due cards, most overdue (earliest due) first, ties by itemId;
 * 2. then new items, in an order shuffled by (userSeed, day);
 * 3. then weak-topic practice: topics weakest first (ties by topic id), taking one item from each
 *    in turn (the next one not already in the quiz) drawn at random from its items, so when slots run out
 *    the weakest topics have had the most.
 * With fewer items available than `size`, the quiz is shorter. Each item's seed is
 * questionSeed(userSeed, day, position). Input order never matters, only the sets given.
 */
export function composeDailyQuiz(input: ComposeInput): QuizItem[] {
  const { userSeed, day, size } = input;
  const dayNumber = checkSeedAndDay(userSeed, day);
  if (!Number.isInteger(size) || size < MIN_QUIZ_SIZE || size > MAX_QUIZ_SIZE) {
    throw new RangeError(`size must be a whole number from ${MIN_QUIZ_SIZE} to ${MAX_QUIZ_SIZE}, got ${String(size)}`);
  }

  const picked: { itemId: string; reason: QuizReason }[] = [];
  const used = new Set<string>();
  const take = (itemId: string, reason: QuizReason): void => {
    if (picked.length < size && !used.has(itemId)) {
      used.add(itemId);
      picked.push({ itemId, reason });
    }
  };

  const due = input.dueCards.map((c) => {
    checkItemId(c.itemId);
    const t = c.due instanceof Date ? c.due.getTime() : Number.NaN;
    if (!Number.isFinite(t)) throw new RangeError(`due of ${c.itemId} must be a valid Date`);
    return { itemId: c.itemId, t };
  });
  due.sort((a, b) => a.t - b.t || byCodeUnit(a.itemId, b.itemId));
  for (const c of due) take(c.itemId, 'due');

  input.newItems.forEach((i) => checkItemId(i.itemId));
  const fresh = rngFor(userSeed, dayNumber, SALT.newItems).shuffle(canonical(input.newItems.map((i) => i.itemId)));
  for (const id of fresh) take(id, 'new');

  // Reviews and new items filled the quiz: weak-topic practice cannot change it, so neither
  // shuffle every topic's items nor check inputs that are not used.
  if (picked.length >= size) return picked.map((p, position) => ({ ...p, seed: questionSeed(userSeed, day, position) }));

  const weakest = new Map<TopicId, number>();
  for (const { topic, accuracy } of input.weakTopics) {
    if (!(accuracy >= 0 && accuracy <= 1)) throw new RangeError(`accuracy of ${topic} must be 0–1, got ${String(accuracy)}`);
    weakest.set(topic, Math.min(accuracy, weakest.get(topic) ?? 1));
  }
  const topics = [...weakest].sort((a, b) => a[1] - b[1] || byCodeUnit(a[0], b[0])).map(([t]) => t);
  const rng = rngFor(userSeed, dayNumber, SALT.weak);
  const queues = topics.map((t) => {
    const ids = input.topicItems[t] ?? [];
    ids.forEach(checkItemId);
    return drawer(canonical(ids), rng);
  });
  for (let progress = true; progress && picked.length < size; ) {
    progress = false;
    for (const draw of queues) {
      let id = draw();
      while (id !== undefined && used.has(id)) id = draw();
      if (id !== undefined) {
        take(id, 'weak');
        progress = true;
      }
    }
  }

  return picked.map((p, position) => ({ ...p, seed: questionSeed(userSeed, day, position) }));
}
