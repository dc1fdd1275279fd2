/**
 * Question engine throughput: one call = generate a question from a fresh seed and grade its key
 * (what the practice endpoint does per answer, minus I/O). Run: npm run bench
 */
import { listGenerators, score } from '../lib/questions';
import { runBench, type Case } from './harness';

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

const results = runBench('lib/questions (one call = generate one question and grade it)', cases);
const mixed = results.get('batch: 1,000 mixed questions generated + graded') ?? 0;
console.log(`\nMixed questions generated and graded: ${Math.round(mixed).toLocaleString('en-US')}/s on one core (goal ≥ 100,000/s).`);
