/**
 * Question engine throughput: one call = generate a question from a fresh seed and grade its key
 * (what the practice endpoint does per answer, minus I/O). Run: npm run bench
 */
import { listGenerators, score } from '../lib/questions';
import { baseline, measureSteady, runBench, type Case } from './harness';

let seed = 1;
const cases: Case[] = listGenerators().map((g) => ({
  name: `${g.id}: generate + grade`,
  fn: () => {
    const q = g.generate(seed++);
    return score(q, q.answer);
  },
}));

const all = listGenerators();
const mixed: Case = {
  name: 'batch: 1,000 mixed questions generated + graded',
  calls: 1000,
  fn: () => {
    let last: unknown;
    for (let i = 0; i < 1000; i++) {
      const g = all[i % all.length];
      if (!g) continue;
      const q = g.generate(seed++);
      last = score(q, q.answer);
    }
    return last;
  },
};
cases.push(mixed);

// One generator at a time: each call makes 1,000 questions of one generator, the next call the
// next generator (a server whose requests come in runs of one topic sees this mix).
let next = 0;
const runs: Case = {
  name: 'runs: 1,000 questions of one generator, then the next generator',
  calls: 1000,
  fn: () => {
    const g = all[next++ % all.length];
    let last: unknown;
    if (!g) return last;
    for (let i = 0; i < 1000; i++) {
      const q = g.generate(seed++);
      last = score(q, q.answer);
    }
    return last;
  },
};
cases.push(runs);

// --steady skips the per-generator table (for quick before/after comparisons of the headline).
if (!process.argv.includes('--steady')) runBench('lib/questions (one call = generate one question and grade it)', cases);

// The headline figures: the mixed batch and the runs again, each warmed up for 10 s and timed
// over 7 rounds of 0.5 s, with the baseline loop measured the same way in the same run. The
// warm-up is long because V8 takes 6–8 s on this 2-core machine to finish optimising the
// hundreds of functions a mixed batch touches: after 2 s the rate is still about half its
// steady value (the table's 0.2 s figures are lower still).
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const steadyBase = measureSteady(baseline, { warmupMs: 2000 });
console.log(`\nSteady figures (median of 7 rounds of 0.5 s after 10 s of warm-up; baseline loop ${fmt(steadyBase.median)}/s; goal ≥ 100,000/s on one core):`);
for (const [label, c] of [
  ['mixed, generators interleaved question by question', mixed],
  ['runs of 1,000 questions per generator', runs],
] as const) {
  const steady = measureSteady(c, { warmupMs: 10_000 });
  console.log(
    `  ${label}: ${fmt(steady.median)} questions generated and graded/s ` +
      `(rounds ${fmt(steady.min)}–${fmt(steady.max)}; ${(steady.median / steadyBase.median).toFixed(5)} × the baseline loop)`,
  );
}
