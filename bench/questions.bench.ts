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
cases.push({
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
});

// --steady skips the per-generator table (for quick before/after comparisons of the headline).
if (!process.argv.includes('--steady')) runBench('lib/questions (one call = generate one question and grade it)', cases);

// The headline figure: the mixed batch again, warmed up for 2 s and timed over 7 rounds of 0.5 s
// (the table's 0.2 s after a short warm-up moves by 2x with the machine's load), with the
// baseline loop measured the same way in the same run.
const batch = cases.find((c) => c.calls === 1000) as Case;
const steadyBase = measureSteady(baseline);
const steady = measureSteady(batch);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `\nMixed questions generated and graded (steady: median of 7 rounds after 2 s of warm-up): ${fmt(steady.median)}/s on one core ` +
    `(rounds ${fmt(steady.min)}–${fmt(steady.max)}; ${(steady.median / steadyBase.median).toFixed(5)} × the baseline loop at ${fmt(steadyBase.median)}/s; goal ≥ 100,000/s).`,
);
