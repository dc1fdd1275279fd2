import fc from 'fast-check';
import type { TopicId } from '../../topics';
import { composeDailyQuiz, MAX_QUIZ_SIZE, MIN_QUIZ_SIZE, questionSeed, type ComposeInput, type DueCard } from '../compose';

const DAY = '2025-03-09';
const due = (itemId: string, iso: string, topic: TopicId = 'vpc-cidr'): DueCard => ({ itemId, topic, due: new Date(iso) });

const base: ComposeInput = {
  userSeed: 42,
  day: DAY,
  size: 10,
  dueCards: [
    due('gen:nacl-eval', '2025-03-08T09:00:00Z', 'nacls'),
    due('gen:subnet-size', '2025-03-01T09:00:00Z'),
    due('bank:r53-1', '2025-03-09T02:00:00Z', 'route53'),
  ],
  newItems: [
    { itemId: 'gen:nat-cost', topic: 'nat' },
    { itemId: 'bank:nat-2', topic: 'nat' },
  ],
  weakTopics: [
    { topic: 'ipv6', accuracy: 0.7 },
    { topic: 'peering', accuracy: 0.4 },
  ],
  topicItems: {
    ipv6: ['gen:ipv6-a', 'gen:ipv6-b', 'gen:ipv6-c'],
    peering: ['gen:peer-a', 'gen:peer-b', 'gen:peer-c'],
  },
};

const ids = (input: ComposeInput) => composeDailyQuiz(input).map((q) => q.itemId);

describe('composing the daily quiz', () => {
  it('puts due cards first, most overdue first, then new items, then weak-topic practice', () => {
    const quiz = composeDailyQuiz(base);
    expect(quiz.map((q) => q.reason)).toEqual(['due', 'due', 'due', 'new', 'new', 'weak', 'weak', 'weak', 'weak', 'weak']);
    expect(quiz.slice(0, 3).map((q) => q.itemId)).toEqual(['gen:subnet-size', 'gen:nacl-eval', 'bank:r53-1']);
    expect(new Set(quiz.slice(3, 5).map((q) => q.itemId))).toEqual(new Set(['gen:nat-cost', 'bank:nat-2']));
  });
  it('takes weak topics in turn, weakest first, so the weakest gets the spare slot', () => {
    const weak = composeDailyQuiz(base).filter((q) => q.reason === 'weak').map((q) => q.itemId);
    expect(weak.map((id) => id.slice(0, 8))).toEqual(['gen:peer', 'gen:ipv6', 'gen:peer', 'gen:ipv6', 'gen:peer']);
  });
  it('breaks ties in due time by item id', () => {
    const same = '2025-03-05T00:00:00Z';
    const quiz = ids({ ...base, dueCards: [due('b', same), due('a', same), due('c', same)], newItems: [], weakTopics: [] });
    expect(quiz).toEqual(['a', 'b', 'c']);
  });
  it('keeps the most overdue cards when more are due than fit', () => {
    const many = Array.from({ length: 8 }, (_, i) => due(`card-${i}`, `2025-03-0${8 - i}T00:00:00Z`));
    expect(ids({ ...base, size: 5, dueCards: many })).toEqual(['card-7', 'card-6', 'card-5', 'card-4', 'card-3']);
  });
  it('is shorter than asked when fewer items are available', () => {
    const quiz = composeDailyQuiz({ ...base, size: 50 });
    expect(quiz).toHaveLength(3 + 2 + 6);
    expect(composeDailyQuiz({ ...base, dueCards: [], newItems: [], weakTopics: [] })).toEqual([]);
  });
  it('never repeats an item, even when it is due, new and in a weak topic at once', () => {
    const quiz = composeDailyQuiz({
      ...base,
      newItems: [{ itemId: 'gen:subnet-size', topic: 'vpc-cidr' }, { itemId: 'gen:ipv6-a', topic: 'ipv6' }],
      topicItems: { ipv6: ['gen:ipv6-a', 'gen:subnet-size'], peering: ['gen:peer-a', 'gen:peer-a'] },
    });
    const itemIds = quiz.map((q) => q.itemId);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    expect(quiz.find((q) => q.itemId === 'gen:subnet-size')?.reason).toBe('due');
    expect(quiz.find((q) => q.itemId === 'gen:ipv6-a')?.reason).toBe('new');
  });
});

describe('the quiz is determined by (userSeed, day)', () => {
  it('is the same quiz every time for the same inputs', () => {
    expect(composeDailyQuiz(base)).toEqual(composeDailyQuiz(base));
  });
  it('does not depend on the order the rows arrive in', () => {
    const reversed: ComposeInput = {
      ...base,
      dueCards: [...base.dueCards].reverse(),
      newItems: [...base.newItems].reverse(),
      weakTopics: [...base.weakTopics].reverse(),
      topicItems: { peering: [...(base.topicItems.peering ?? [])].reverse(), ipv6: [...(base.topicItems.ipv6 ?? [])].reverse() },
    };
    expect(composeDailyQuiz(reversed)).toEqual(composeDailyQuiz(base));
  });
  it('gives other question seeds on another day or for another user', () => {
    const seeds = (input: ComposeInput) => composeDailyQuiz(input).map((q) => q.seed);
    expect(seeds({ ...base, day: '2025-03-10' })).not.toEqual(seeds(base));
    expect(seeds({ ...base, userSeed: 43 })).not.toEqual(seeds(base));
  });
  it('seeds each position from (userSeed, day, position) alone', () => {
    composeDailyQuiz(base).forEach((q, position) => expect(q.seed).toBe(questionSeed(42, DAY, position)));
    expect(questionSeed(42, DAY, 0)).toBe(questionSeed(42, DAY, 0));
    expect(questionSeed(42, DAY, 0)).not.toBe(questionSeed(42, DAY, 1));
  });
  it('accepts any safe integer as the user seed', () => {
    for (const userSeed of [0, -1, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER]) {
      const seed = questionSeed(userSeed, DAY, 3);
      expect(Number.isInteger(seed) && seed >= 0 && seed <= 0x7fffffff).toBe(true);
    }
    expect(() => questionSeed(1.5, DAY, 0)).toThrow(RangeError);
  });
});

describe('quiz size', () => {
  it('allows 5 to 50 questions and nothing outside', () => {
    expect(MIN_QUIZ_SIZE).toBe(5);
    expect(MAX_QUIZ_SIZE).toBe(50);
    expect(() => composeDailyQuiz({ ...base, size: 5 })).not.toThrow();
    expect(() => composeDailyQuiz({ ...base, size: 50 })).not.toThrow();
    for (const size of [4, 51, 10.5, Number.NaN]) expect(() => composeDailyQuiz({ ...base, size })).toThrow(RangeError);
  });
  it('refuses a malformed day, seed, due date or accuracy', () => {
    expect(() => composeDailyQuiz({ ...base, day: '2025-02-30' })).toThrow(RangeError);
    expect(() => composeDailyQuiz({ ...base, userSeed: Number.NaN })).toThrow(RangeError);
    expect(() => composeDailyQuiz({ ...base, dueCards: [due('x', 'not a date')] })).toThrow(RangeError);
    expect(() => composeDailyQuiz({ ...base, weakTopics: [{ topic: 'ipv6', accuracy: 1.2 }] })).toThrow(RangeError);
  });
});

describe('laws of composition', () => {
  const itemId = fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `item-${i}`));
  const topic = fc.constantFrom<TopicId>('vpc-cidr', 'ipv6', 'nacls', 'routing');
  const input: fc.Arbitrary<ComposeInput> = fc.record({
    userSeed: fc.integer(),
    day: fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
    size: fc.integer({ min: MIN_QUIZ_SIZE, max: MAX_QUIZ_SIZE }),
    dueCards: fc.array(fc.record({ itemId, topic, due: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }) })),
    newItems: fc.array(fc.record({ itemId, topic })),
    weakTopics: fc.array(fc.record({ topic, accuracy: fc.double({ min: 0, max: 1, noNaN: true }) })),
    topicItems: fc.dictionary(topic, fc.array(itemId)),
  });
  const available = (i: ComposeInput) =>
    new Set([
      ...i.dueCards.map((c) => c.itemId),
      ...i.newItems.map((n) => n.itemId),
      ...i.weakTopics.flatMap((w) => i.topicItems[w.topic] ?? []),
    ]);

  it('never repeats an item and never exceeds the size', () => {
    fc.assert(
      fc.property(input, (i) => {
        const quiz = composeDailyQuiz(i);
        const itemIds = quiz.map((q) => q.itemId);
        expect(new Set(itemIds).size).toBe(itemIds.length);
        expect(quiz.length).toBe(Math.min(i.size, available(i).size));
      }),
    );
  });
  it('always lists every due card it includes before any other item', () => {
    fc.assert(
      fc.property(input, (i) => {
        const reasons = composeDailyQuiz(i).map((q) => q.reason).join(',');
        expect(reasons).toMatch(/^(due,?)*(new,?)*(weak,?)*$/);
      }),
    );
  });
  it('gives question seeds in 0 to 2^31 − 1', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const q of composeDailyQuiz(i)) expect(q.seed >= 0 && q.seed <= 0x7fffffff && Number.isInteger(q.seed)).toBe(true);
      }),
    );
  });
});
