import { Rating } from 'ts-fsrs';
import { EASY_WHEN_FASTER_THAN, HARD_WHEN_SLOWER_THAN, ratingFor } from '../rating';

// A question a prepared student answers in 20 s: Hard beyond 30 s, Easy under 10 s.
const expectedSeconds = 20;
const right = (timeTakenMs: number) => ratingFor({ correct: true, timeTakenMs, expectedSeconds });

describe('rating an answer for the scheduler', () => {
  it('uses 1.5× and 0.5× the expected time as the Hard and Easy thresholds', () => {
    expect(HARD_WHEN_SLOWER_THAN).toBe(1.5);
    expect(EASY_WHEN_FASTER_THAN).toBe(0.5);
  });
  it('rates a wrong answer Again, however fast or slow', () => {
    for (const timeTakenMs of [0, 5_000, 20_000, 120_000]) {
      expect(ratingFor({ correct: false, timeTakenMs, expectedSeconds })).toBe(Rating.Again);
    }
  });
  it('rates a right answer in the expected time Good', () => {
    expect(right(20_000)).toBe(Rating.Good);
  });
  it('rates a right answer Good at exactly 1.5× the expected time, Hard a millisecond later', () => {
    expect(right(30_000)).toBe(Rating.Good);
    expect(right(30_001)).toBe(Rating.Hard);
  });
  it('rates a right answer Good at exactly 0.5× the expected time, Easy a millisecond sooner', () => {
    expect(right(10_000)).toBe(Rating.Good);
    expect(right(9_999)).toBe(Rating.Easy);
    expect(right(0)).toBe(Rating.Easy);
  });
  it('refuses a time it cannot trust instead of guessing', () => {
    expect(() => right(-1)).toThrow(RangeError);
    expect(() => right(Number.NaN)).toThrow(RangeError);
    expect(() => ratingFor({ correct: true, timeTakenMs: 1_000, expectedSeconds: 0 })).toThrow(RangeError);
  });
});
