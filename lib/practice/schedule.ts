/**
 * The FSRS-6 memory state of one practice item for one student, as plain data the server can
 * store, and the one function that moves it on after an answer. ts-fsrs does the mathematics;
 * this file pins its settings so that the same (card, rating, now, retention) always gives the
 * same next card, on every machine and every day.
 */
import { createEmptyCard, date_diff, forgetting_curve, fsrs, generatorParameters, State, type Card, type FSRS, type Grade } from 'ts-fsrs';

export type CardStateName = 'New' | 'Learning' | 'Review' | 'Relearning';

/** ts-fsrs's Card with the state spelled out and last_review null instead of absent. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  /** Days between the last two reviews (deprecated in ts-fsrs 6, kept for round trips). */
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  last_review: Date | null;
}

/** The range a student may choose for desired retention (the User.desiredRetention setting). */
export const MIN_DESIRED_RETENTION = 0.8;
export const MAX_DESIRED_RETENTION = 0.97;

/**
 * Scheduler settings, pinned rather than inherited from ts-fsrs defaults so an upgrade cannot
 * silently reschedule everyone. No fuzz: scheduling is a pure function of its inputs. Short-term
 * steps are ts-fsrs's (Anki's) defaults: a new or forgotten card is due again within minutes,
 * so it is due at the next daily quiz.
 */
export const SCHEDULER_SETTINGS = {
  maximum_interval: 36500,
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ['1m', '10m'],
  relearning_steps: ['10m'],
} as const;

const NAMES: Record<State, CardStateName> = {
  [State.New]: 'New',
  [State.Learning]: 'Learning',
  [State.Review]: 'Review',
  [State.Relearning]: 'Relearning',
};

/** Whether `value` is a retention a student may choose: MIN_ to MAX_DESIRED_RETENTION inclusive. */
export function isValidDesiredRetention(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_DESIRED_RETENTION && value <= MAX_DESIRED_RETENTION;
}

function schedulerFor(desiredRetention: number): FSRS {
  if (!isValidDesiredRetention(desiredRetention)) {
    throw new RangeError(
      `desiredRetention must be between ${MIN_DESIRED_RETENTION} and ${MAX_DESIRED_RETENTION}, got ${String(desiredRetention)}`,
    );
  }
  return fsrs(generatorParameters({ ...SCHEDULER_SETTINGS, request_retention: desiredRetention }));
}

/** Retrievability depends on the card and FSRS weights only; any valid retention will do. */
const curveScheduler = schedulerFor(0.9);

function checkDate(d: Date, name: string): Date {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime())) throw new RangeError(`${name} must be a valid Date`);
  return d;
}

/** The ts-fsrs Card for a stored state (fresh Date objects, so neither side aliases the other). */
export function toFsrsCard(card: CardState): Card {
  if (!Object.values(NAMES).includes(card.state)) throw new RangeError(`unknown card state ${JSON.stringify(card.state)}`);
  const out: Card = {
    due: new Date(checkDate(card.due, 'due')),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: State[card.state],
  };
  if (card.last_review) out.last_review = new Date(checkDate(card.last_review, 'last_review'));
  return out;
}

/** The plain-data state for a ts-fsrs Card. */
export function fromFsrsCard(card: Card): CardState {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: NAMES[card.state],
    last_review: card.last_review ? new Date(card.last_review) : null,
  };
}

/** A card never reviewed, due at `now` (ts-fsrs's createEmptyCard). */
export function newCardState(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(checkDate(now, 'now')));
}

/**
 * The card after answering with `rating` at `now`: FSRS-6 (ts-fsrs `next`, no fuzz) aiming at
 * `desiredRetention`. `card` null means the item's first review. Refuses a `now` before the
 * card's last review, which would mean a clock gone backwards or a stale card.
 */
export function nextCardState(card: CardState | null, rating: Grade, now: Date, desiredRetention: number): CardState {
  checkDate(now, 'now');
  if (!Number.isInteger(rating) || rating < 1 || rating > 4) throw new RangeError(`rating must be 1–4, got ${String(rating)}`);
  const scheduler = schedulerFor(desiredRetention);
  const current = card ? toFsrsCard(card) : createEmptyCard(now);
  if (current.last_review && now.getTime() < current.last_review.getTime()) {
    throw new RangeError('now is before the card was last reviewed');
  }
  return fromFsrsCard(scheduler.next(current, now, rating).card);
}

const KNOWN_STATES: ReadonlySet<string> = new Set(Object.values(NAMES));

/**
 * The probability (0–1) of recalling the card at `now`: FSRS-6's forgetting curve at the whole
 * days elapsed since the last review. A card never reviewed is 0. It does not depend on desired
 * retention, only on the card. This is ts-fsrs get_retrievability's own arithmetic (date_diff in
 * days, stability to 8 decimals, forgetting_curve with the scheduler's weights) called without
 * copying the card into a ts-fsrs Card first, which the dashboard does for thousands of cards;
 * a property test checks that both always agree.
 */
export function retrievability(card: CardState | null, now: Date): number {
  checkDate(now, 'now');
  if (!card || card.state === 'New' || !card.last_review) return 0;
  if (!KNOWN_STATES.has(card.state)) throw new RangeError(`unknown card state ${JSON.stringify(card.state)}`);
  const days = Math.max(date_diff(now, checkDate(card.last_review, 'last_review'), 'days'), 0);
  const r = forgetting_curve(curveScheduler.parameters.w, days, +card.stability.toFixed(8));
  return Math.min(1, Math.max(0, r));
}
