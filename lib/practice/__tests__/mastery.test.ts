import { Rating } from 'ts-fsrs';
import { EXAM_DOMAINS, TOPICS } from '../../topics';
import { ACCURACY_WEIGHT, masteryByTopic, MEMORY_WEIGHT, readiness, topicMastery } from '../mastery';
import { nextCardState, retrievability } from '../schedule';

const NOW = new Date('2025-03-09T12:00:00Z');
const DAY = 86_400_000;
/** A card reviewed at NOW: retrievability 1 today, fading afterwards. */
const fresh = nextCardState(null, Rating.Easy, NOW, 0.9);
const none = { correct: 0, total: 0 };

describe('topic mastery', () => {
  it('blends 60% remembered (FSRS retrievability) with 40% recent accuracy', () => {
    expect(MEMORY_WEIGHT).toBe(0.6);
    expect(ACCURACY_WEIGHT).toBe(0.4);
    expect(topicMastery([fresh], { correct: 5, total: 10 }, NOW)).toBe(80); // 100 × (0.6 × 1 + 0.4 × 0.5)
  });
  it('uses accuracy alone when no item of the topic has a card yet', () => {
    expect(topicMastery([], { correct: 8, total: 10 }, NOW)).toBe(80);
  });
  it('uses memory alone when there are no recent answers', () => {
    expect(topicMastery([fresh], none, NOW)).toBe(100);
    const later = new Date(NOW.getTime() + 60 * DAY);
    expect(topicMastery([fresh], none, later)).toBe(Math.round(100 * retrievability(fresh, later)));
  });
  it('is 0 with no evidence at all', () => {
    expect(topicMastery([], none, NOW)).toBe(0);
  });
  it('fades as time passes without review', () => {
    const recent = { correct: 9, total: 10 };
    const today = topicMastery([fresh], recent, NOW);
    const inAMonth = topicMastery([fresh], recent, new Date(NOW.getTime() + 30 * DAY));
    const inAYear = topicMastery([fresh], recent, new Date(NOW.getTime() + 365 * DAY));
    expect(today).toBeGreaterThan(inAMonth);
    expect(inAMonth).toBeGreaterThan(inAYear);
  });
  it('averages retrievability over the topic cards', () => {
    const old = nextCardState(null, Rating.Hard, new Date(NOW.getTime() - 40 * DAY), 0.9);
    const mean = (retrievability(fresh, NOW) + retrievability(old, NOW)) / 2;
    expect(topicMastery([fresh, old], none, NOW)).toBe(Math.round(100 * mean));
  });
  it('refuses impossible accuracy counts', () => {
    expect(() => topicMastery([], { correct: 3, total: 2 }, NOW)).toThrow(RangeError);
    expect(() => topicMastery([], { correct: -1, total: 2 }, NOW)).toThrow(RangeError);
    expect(() => topicMastery([], { correct: 1.5, total: 2 }, NOW)).toThrow(RangeError);
  });
});

describe('mastery of every topic', () => {
  it('lists all course topics, 0 where there is no evidence', () => {
    const m = masteryByTopic([{ topic: 'nacls', cards: [], recent: { correct: 3, total: 4 } }], NOW);
    expect(Object.keys(m).sort()).toEqual(TOPICS.map((t) => t.id).sort());
    expect(m.nacls).toBe(75);
    expect(m['vpc-cidr']).toBe(0);
  });
  it('refuses two pieces of evidence for one topic', () => {
    const e = { topic: 'nacls' as const, cards: [], recent: none };
    expect(() => masteryByTopic([e, e], NOW)).toThrow(RangeError);
  });
});

describe('exam readiness', () => {
  const all = (value: number) => Object.fromEntries(TOPICS.map((t) => [t.id, value]));

  it('is the plain mean of the domain topics, a missing topic counting 0', () => {
    // Network design has six topics: vpc-cidr, ipv6, routing, placement-mtu, peering, elb.
    const r = readiness({ 'vpc-cidr': 60 });
    expect(r.domains.find((d) => d.id === 'network-design')?.readiness).toBe(10);
    expect(r.domains.find((d) => d.id === 'network-security')?.readiness).toBe(0);
  });
  it('weights domains by their share of the exam for overall readiness', () => {
    expect(EXAM_DOMAINS.map((d) => d.weight)).toEqual([30, 26, 20, 24]);
    const designOnly = Object.fromEntries(TOPICS.filter((t) => t.domain === 'network-design').map((t) => [t.id, 100]));
    expect(readiness(designOnly).overall).toBe(30);
    const securityOnly = Object.fromEntries(TOPICS.filter((t) => t.domain === 'network-security').map((t) => [t.id, 100]));
    expect(readiness(securityOnly).overall).toBe(24);
  });
  it('is 100 everywhere when every topic is mastered, 0 when none is', () => {
    expect(readiness(all(100))).toMatchObject({ overall: 100 });
    expect(readiness(all(100)).domains.every((d) => d.readiness === 100)).toBe(true);
    expect(readiness({}).overall).toBe(0);
  });
  it('lists the four domains in exam order with titles and weights', () => {
    expect(readiness({}).domains.map((d) => [d.id, d.weight])).toEqual(EXAM_DOMAINS.map((d) => [d.id, d.weight]));
  });
  it('refuses mastery outside 0–100', () => {
    expect(() => readiness({ nacls: 101 })).toThrow(RangeError);
  });
});
