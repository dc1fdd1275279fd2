/**
 * The benchmark harness shared by bench/*.bench.ts: warm up, time batches with
 * process.hrtime.bigint() for ~200 ms per case, and print calls per second with the ratio to a
 * plain-loop baseline measured in the same run (figures from different machines then compare).
 */
export interface Case {
  name: string;
  fn: () => unknown;
  /** Calls made by one fn() (for batches). */
  calls?: number;
}

let sink: unknown;

export function measure(c: Case): number {
  const calls = c.calls ?? 1;
  for (let i = 0; i < 2000 / calls + 10; i++) sink = c.fn(); // warm-up
  let iterations = 0;
  let batch = Math.max(1, Math.floor(1000 / calls));
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 200_000_000n) {
    for (let i = 0; i < batch; i++) sink = c.fn();
    iterations += batch;
    elapsed = process.hrtime.bigint() - start;
    if (elapsed < 20_000_000n) batch *= 2;
  }
  return (iterations * calls) / (Number(elapsed) / 1e9);
}

const numbers = Array.from({ length: 100 }, (_, i) => i);
export const baseline: Case = {
  name: 'baseline: sum an array of 100 numbers',
  fn: () => {
    let s = 0;
    for (let i = 0; i < numbers.length; i++) s += numbers[i] ?? 0;
    return s;
  },
};

/** Measure the baseline, then every case, and print one table. Returns calls/s by case name. */
export function runBench(title: string, cases: readonly Case[]): Map<string, number> {
  const base = measure(baseline);
  const results = new Map<string, number>([[baseline.name, base]]);
  const rows: [string, string, string][] = [[baseline.name, Math.round(base).toLocaleString('en-US'), '1.000']];
  for (const c of cases) {
    const ops = measure(c);
    results.set(c.name, ops);
    rows.push([c.name, Math.round(ops).toLocaleString('en-US'), (ops / base).toFixed(3)]);
  }
  const w0 = Math.max(...rows.map((r) => r[0].length), 4);
  const w1 = Math.max(...rows.map((r) => r[1].length), 7);
  console.log(`\n${title}\n`);
  console.log(`${'case'.padEnd(w0)}  ${'calls/s'.padStart(w1)}  × baseline`);
  console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ----------`);
  for (const [name, ops, ratio] of rows) console.log(`${name.padEnd(w0)}  ${ops.padStart(w1)}  ${ratio.padStart(10)}`);
  if (sink === Symbol.for('never')) console.log('');
  return results;
}

/**
 * A longer, steadier measure for a figure that matters: `warmupMs` of calls first (so the engine
 * has optimised the code: a mixed batch touches hundreds of functions), then `rounds` rounds of
 * `roundMs`, reporting the median round's calls/s and the spread.
 */
export function measureSteady(c: Case, { warmupMs = 2000, rounds = 7, roundMs = 500 } = {}): { median: number; min: number; max: number } {
  const calls = c.calls ?? 1;
  const until = (ms: number) => {
    const start = process.hrtime.bigint();
    const limit = BigInt(ms) * 1_000_000n;
    let n = 0;
    let elapsed = 0n;
    // Read the clock every `batch` calls, so timing a cheap call does not mostly time the clock.
    const batch = Math.max(1, Math.floor(1000 / calls));
    while (elapsed < limit) {
      for (let i = 0; i < batch; i++) sink = c.fn();
      n += batch * calls;
      elapsed = process.hrtime.bigint() - start;
    }
    return n / (Number(elapsed) / 1e9);
  };
  until(warmupMs);
  const rates = Array.from({ length: rounds }, () => until(roundMs)).sort((a, b) => a - b);
  return { median: rates[Math.floor(rounds / 2)] ?? 0, min: rates[0] ?? 0, max: rates[rounds - 1] ?? 0 };
}

