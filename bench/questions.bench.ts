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

// Runs of `k` questions of one generator, then the next generator, 1,000 questions per call:
// k = 1 is the mixed batch's order, k = 1,000 one generator per call (a server whose requests
// come in runs of one topic sees this mix).
let next = 0;
function runsOf(k: number): Case {
  return {
    name: `runs: ${k.toLocaleString('en-US')} questions of one generator, then the next generator`,
    calls: 1000,
    fn: () => {
      let last: unknown;
      for (let done = 0; done < 1000; done += k) {
        const g = all[next++ % all.length];
        if (!g) continue;
        for (let i = 0; i < k; i++) {
          const q = g.generate(seed++);
          last = score(q, q.answer);
        }
      }
      return last;
    },
  };
}
// The mixed batch: the 25 generators in turn, one question each (runs of 1).
const mixed: Case = { ...runsOf(1), name: 'batch: 1,000 mixed questions generated + graded' };
const runs = runsOf(1000);
cases.push(mixed, runs);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// --run-lengths: how the rate depends on how many questions of one generator come in a row, all
// measured in one process after one warm-up (the interleaving cost, not a slower engine).
if (process.argv.includes('--run-lengths')) {
  const lengths = [1, 2, 4, 8, 20, 40, 100, 1000];
  const base = measureSteady(baseline, { warmupMs: 2000 });
  measureSteady(mixed, { warmupMs: 10_000, rounds: 1, roundMs: 100 });
  console.log(`\nQuestions generated and graded/s by run length (median of 5 rounds of 0.4 s each; baseline loop ${fmt(base.median)}/s):`);
  for (const k of lengths) {
    const r = measureSteady(runsOf(k), { warmupMs: 1000, rounds: 5, roundMs: 400 });
    console.log(`  ${String(k).padStart(4)} in a row: ${fmt(r.median).padStart(7)}/s (rounds ${fmt(r.min)}–${fmt(r.max)}; ${(r.median / base.median).toFixed(5)} × the baseline loop)`);
  }
  process.exit(0);
}

// --steady skips the per-generator table (for quick before/after comparisons of the headline).
if (!process.argv.includes('--steady')) runBench('lib/questions (one call = generate one question and grade it)', cases);

// The headline figures: the mixed batch and the runs again, each warmed up for 10 s and timed
// over 7 rounds of 0.5 s, with the baseline loop measured the same way in the same run. The
// warm-up is long because V8 takes 6–8 s on this 2-core machine to finish optimising the
// hundreds of functions a mixed batch touches: after 2 s the rate is still about half its
// steady value (the table's 0.2 s figures are lower still).
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
