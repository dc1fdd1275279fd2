import fc from 'fast-check';
import { fsrs, generatorParameters, Rating } from 'ts-fsrs';
import {
  fromFsrsCard,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  newCardState,
  nextCardState,
  retrievability,
  SCHEDULER_SETTINGS,
  toFsrsCard,
  type CardState,
} from '../schedule';

const NOW = new Date('2025-03-09T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** A card that graduated on its first review (Easy) and is reviewed again on its due date. */
const graduated = (): CardState => nextCardState(null, Rating.Easy, NOW, 0.9);

describe('the first review of an item', () => {
  it('puts Again, Hard and Good into learning, due again within minutes', () => {
    const again = nextCardState(null, Rating.Again, NOW, 0.9);
    const hard = nextCardState(null, Rating.Hard, NOW, 0.9);
    const good = nextCardState(null, Rating.Good, NOW, 0.9);
    expect([again.state, hard.state, good.state]).toEqual(['Learning', 'Learning', 'Learning']);
    expect(again.due).toEqual(at(1 * MINUTE));
    expect(hard.due).toEqual(at(6 * MINUTE));
    expect(good.due).toEqual(at(10 * MINUTE));
  });
  it('sends a learning card rated Again back to the first step', () => {
    const learning = nextCardState(null, Rating.Good, NOW, 0.9);
    const again = nextCardState(learning, Rating.Again, learning.due, 0.9);
    expect(again.state).toBe('Learning');
    expect(again.learning_steps).toBe(0);
    expect(again.due).toEqual(new Date(learning.due.getTime() + MINUTE));
  });
  it('graduates Easy straight to review, days away', () => {
    const easy = graduated();
    expect(easy.state).toBe('Review');
    expect(easy.scheduled_days).toBeGreaterThanOrEqual(1);
    expect(easy.due).toEqual(at(easy.scheduled_days * DAY));
  });
  it('records the review: one rep, last_review = now', () => {
    const card = nextCardState(null, Rating.Good, NOW, 0.9);
    expect(card.reps).toBe(1);
    expect(card.lapses).toBe(0);
    expect(card.last_review).toEqual(NOW);
  });
  it('treats null like a new card created now', () => {
    expect(nextCardState(null, Rating.Good, NOW, 0.9)).toEqual(nextCardState(newCardState(NOW), Rating.Good, NOW, 0.9));
  });
});

describe('a review of a graduated card', () => {
  const card = graduated();
  const reviewAt = card.due;
  const after = (rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy) => nextCardState(card, rating, reviewAt, 0.9);

  it('schedules Good later than Hard, and Easy later than Good', () => {
    expect(after(Rating.Good).due.getTime()).toBeGreaterThan(after(Rating.Hard).due.getTime());
    expect(after(Rating.Easy).due.getTime()).toBeGreaterThan(after(Rating.Good).due.getTime());
    expect(after(Rating.Hard).due.getTime()).toBeGreaterThan(reviewAt.getTime() + DAY - 1);
  });
  it('sends a lapse (Again) back to relearning, due within minutes, and counts it', () => {
    const lapsed = after(Rating.Again);
    expect(lapsed.state).toBe('Relearning');
    expect(lapsed.lapses).toBe(card.lapses + 1);
    expect(lapsed.due).toEqual(new Date(reviewAt.getTime() + 10 * MINUTE));
    expect(lapsed.stability).toBeLessThan(card.stability);
  });
  it('gives shorter intervals for a higher desired retention', () => {
    const interval = (r: number) => nextCardState(card, Rating.Good, reviewAt, r).scheduled_days;
    expect(interval(0.8)).toBeGreaterThan(interval(0.9));
    expect(interval(0.9)).toBeGreaterThan(interval(0.97));
  });
  it('leaves the card it was given untouched', () => {
    const before = structuredClone(card);
    after(Rating.Good);
    expect(card).toEqual(before);
  });
});

describe('scheduling is a pure function of its inputs', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the same next card for the same card, rating, time and retention', () => {
    const card = graduated();
    expect(nextCardState(card, Rating.Good, card.due, 0.9)).toEqual(nextCardState(card, Rating.Good, card.due, 0.9));
  });
  it('ignores the system clock (no fuzz, no Date.now)', () => {
    const card = graduated();
    const expected = nextCardState(card, Rating.Hard, card.due, 0.85);
    jest.useFakeTimers({ now: new Date('2099-01-01T00:00:00Z') });
    expect(nextCardState(card, Rating.Hard, card.due, 0.85)).toEqual(expected);
    expect(retrievability(card, NOW)).toBe(1);
  });
  it('refuses a review time before the last review', () => {
    const card = graduated();
    expect(() => nextCardState(card, Rating.Good, at(-1), 0.9)).toThrow(RangeError);
  });
});

describe('desired retention', () => {
  it('accepts 0.80 to 0.97 inclusive and nothing outside', () => {
    expect(MIN_DESIRED_RETENTION).toBe(0.8);
    expect(MAX_DESIRED_RETENTION).toBe(0.97);
    expect(() => nextCardState(null, Rating.Good, NOW, 0.8)).not.toThrow();
    expect(() => nextCardState(null, Rating.Good, NOW, 0.97)).not.toThrow();
    for (const bad of [0.79, 0.971, 1, Number.NaN]) {
      expect(() => nextCardState(null, Rating.Good, NOW, bad)).toThrow(RangeError);
    }
  });
});

describe('card state as plain data', () => {
  it('round-trips through ts-fsrs Card', () => {
    for (const card of [newCardState(NOW), graduated(), nextCardState(graduated(), Rating.Again, at(20 * DAY), 0.9)]) {
      expect(fromFsrsCard(toFsrsCard(card))).toEqual(card);
    }
  });
  it('stores a never-reviewed card with last_review null and state New', () => {
    expect(newCardState(NOW)).toMatchObject({ state: 'New', last_review: null, reps: 0, due: NOW });
  });
  it('refuses an unknown state', () => {
    expect(() => toFsrsCard({ ...newCardState(NOW), state: 'Suspended' as CardState['state'] })).toThrow(RangeError);
  });
  it('survives JSON storage of its numbers (dates restored by the caller)', () => {
    const card = graduated();
    type Stored = Omit<CardState, 'due' | 'last_review'> & { due: string; last_review: string };
    const parsed = JSON.parse(JSON.stringify(card)) as Stored;
    const restored: CardState = { ...parsed, due: new Date(parsed.due), last_review: new Date(parsed.last_review) };
    expect(nextCardState(restored, Rating.Good, card.due, 0.9)).toEqual(nextCardState(card, Rating.Good, card.due, 0.9));
  });
});

describe('retrievability', () => {
  const card = graduated();
  it('is 0 for a card never reviewed', () => {
    expect(retrievability(null, NOW)).toBe(0);
    expect(retrievability(newCardState(NOW), NOW)).toBe(0);
  });
  it('is 1 on the day of the review and falls as days pass', () => {
    expect(retrievability(card, NOW)).toBe(1);
    const r1 = retrievability(card, at(DAY));
    const r30 = retrievability(card, at(30 * DAY));
    expect(r1).toBeLessThan(1);
    expect(r30).toBeLessThan(r1);
    expect(r30).toBeGreaterThan(0);
  });
  it('is close to the desired retention when the card falls due', () => {
    expect(retrievability(card, card.due)).toBeCloseTo(0.9, 1);
  });
  it('equals ts-fsrs get_retrievability for any reviewed card and instant', () => {
    const reference = fsrs(generatorParameters({ ...SCHEDULER_SETTINGS, request_retention: 0.9 }));
    const states = ['Learning', 'Review', 'Relearning'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.double({ min: 0.001, max: 36500, noNaN: true }),
        fc.integer({ min: -5 * DAY, max: 3650 * DAY }),
        fc.integer({ min: 0, max: 3650 * DAY }),
        (state, stability, sinceReview, reviewOffset) => {
          const lastReview = at(-reviewOffset);
          const c: CardState = { ...card, state, stability, last_review: lastReview, due: at(DAY) };
          const now = new Date(lastReview.getTime() + sinceReview);
          const expected = Math.min(1, Math.max(0, reference.get_retrievability(toFsrsCard(c), now, false)));
          expect(retrievability(c, now)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('refuses an unknown card state', () => {
    expect(() => retrievability({ ...card, state: 'Lost' as CardState['state'] }, NOW)).toThrow(RangeError);
  });
});
