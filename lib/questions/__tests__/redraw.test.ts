import { defineGenerator, REDRAWS } from '../define';
import type { Rng } from '../rng';
import { score } from '../score';

// A generator that cannot build a question when its first draw is 0, 1 or 2 (three draws in ten):
// what a generator bug looks like from outside.
function fragile(failWhen: (first: number) => boolean) {
  return defineGenerator<{ n: number }>({
    id: 'test-fragile',
    version: 1,
    topic: 'vpc-cidr',
    title: 'fragile',
    kinds: ['number'],
    build(rng: Rng) {
      const first = rng.int(0, 9);
      if (failWhen(first)) throw new Error(`cannot use ${first}`);
      const n = rng.int(1, 1000);
      return {
        difficulty: 1,
        kind: 'number',
        prompt: `What is ${n} + ${first}?`,
        params: { n, first },
        answer: n + first,
        explanation: { summary: `${n} + ${first} = ${n + first}`, steps: [] },
        mistakes: [],
        expectedSeconds: 10,
      };
    },
    solve: ({ n }) => n,
  });
}

describe('generate draws again when a generator cannot build a question from a seed', () => {
  const g = fragile((first) => first < 3);
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);
  const failing = seeds.filter((s) => {
    try {
      g.generateExact(s);
      return false;
    } catch {
      return true;
    }
  });

  it('leaves seeds that build alone: generate and generateExact give the same question', () => {
    const fine = seeds.filter((s) => !failing.includes(s));
    expect(fine.length).toBeGreaterThan(150);
    for (const s of fine) expect(JSON.stringify(g.generate(s))).toBe(JSON.stringify(g.generateExact(s)));
  });

  it('gives a failing seed a question that carries that seed, the same one every time, with a key that grades', () => {
    expect(failing.length).toBeGreaterThan(50);
    for (const s of failing) {
      expect(() => g.generateExact(s)).toThrow(/cannot use [012]/);
      const q = g.generate(s);
      expect(q.seed).toBe(s);
      expect(q.generatorId).toBe('test-fragile');
      expect(q.version).toBe(1);
      expect((q.params as { first: number }).first).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(g.generate(s))).toBe(JSON.stringify(q));
      expect(score(q, q.answer)).toMatchObject({ status: 'scored', correct: true });
    }
  });

  it('draws differently for different failing seeds', () => {
    const prompts = new Set(failing.map((s) => g.generate(s).prompt));
    expect(prompts.size).toBeGreaterThan(failing.length / 2);
  });

  it(`gives up after ${REDRAWS} more draws with an error naming the generator, the seed and the first error`, () => {
    const hopeless = fragile(() => true);
    expect(() => hopeless.generate(42)).toThrow(`test-fragile could not build a question from seed 42 in ${REDRAWS + 1} draws (first error: cannot use`);
  });
});
