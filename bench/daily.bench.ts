/**
 * Daily practice server time on SQLite for a heavy user: 5,000 cards and 50,000 attempts over a
 * year. Measures composing today's quiz (the database reads + the pure composition, without
 * storing it) and the progress dashboard's data, as medians of repeated runs, against a baseline
 * measured in the same run: one indexed read of the user row.
 * Run: npm run bench (or npm run bench:daily). Uses a scratch database in data/bench-daily.db.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const file = path.join(root, 'data', 'bench-daily.db');
const url = `file:${file}`;
process.env.DATABASE_URL = url;

const CARDS = 5_000;
const ATTEMPTS = 50_000;
const RUNS = 40;

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

async function main() {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + s, { force: true });
  execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' });

  const { db } = await import('../lib/server/db');
  const { composeInputFor } = await import('../lib/server/daily-quiz');
  const { practiceItems } = await import('../lib/server/practice-pool');
  const { composeDailyQuiz } = await import('../lib/practice/compose');
  const { localDay } = await import('../lib/practice/day');
  const { TOPICS } = await import('../lib/topics');

  const now = new Date('2026-11-26T12:00:00Z');
  const user = await db.user.create({
    data: { email: 'bench@example.com', passwordHash: 'x', timeZone: 'Europe/Berlin', dailySize: 50 },
    select: { id: true, timeZone: true, dailySize: true, desiredRetention: true },
  });
  const real = practiceItems('all').map((i) => i.itemId);
  const topics = TOPICS.map((t) => t.id);
  const DAY = 86_400_000;
  // 5,000 cards: the real items, then more items of the same shape (as a larger bank would have);
  // due dates spread from 60 days ago to 300 days ahead, so about a sixth are due.
  const cards = Array.from({ length: CARDS }, (_, i) => ({
    userId: user.id,
    itemId: real[i] ?? `bank:bench-${i}`,
    topic: topics[i % topics.length] as string,
    due: new Date(now.getTime() + (((i * 37) % 360) - 60) * DAY),
    stability: 5 + (i % 40),
    difficulty: 3 + (i % 5),
    elapsedDays: i % 30,
    scheduledDays: i % 60,
    learningSteps: 0,
    reps: 1 + (i % 9),
    lapses: i % 3,
    state: 'Review',
    lastReview: new Date(now.getTime() - ((i % 90) + 1) * DAY),
  }));
  for (let i = 0; i < cards.length; i += 1000) await db.card.createMany({ data: cards.slice(i, i + 1000) });
  const attempts = Array.from({ length: ATTEMPTS }, (_, i) => ({
    userId: user.id,
    generatorId: real[i % real.length] as string,
    version: 1,
    seed: i,
    topic: topics[i % topics.length] as string,
    kind: 'single',
    response: '"a"',
    correct: i % 3 !== 0,
    timeTakenMs: 10_000,
    createdAt: new Date(now.getTime() - Math.floor((i / ATTEMPTS) * 365 * DAY)),
  }));
  for (let i = 0; i < attempts.length; i += 2000) await db.attempt.createMany({ data: attempts.slice(i, i + 2000) });
  // The rollups the answer flow maintains, as they would be after these attempts.
  const days = new Map<string, { attempts: number; correct: number }>();
  const topicDays = new Map<string, { day: string; topic: string; attempts: number; correct: number }>();
  for (const a of attempts) {
    const d = localDay(a.createdAt, user.timeZone);
    const t = days.get(d) ?? { attempts: 0, correct: 0 };
    t.attempts += 1;
    t.correct += a.correct ? 1 : 0;
    days.set(d, t);
    const td = topicDays.get(`${d} ${a.topic}`) ?? { day: d, topic: a.topic, attempts: 0, correct: 0 };
    td.attempts += 1;
    td.correct += a.correct ? 1 : 0;
    topicDays.set(`${d} ${a.topic}`, td);
  }
  await db.dailyActivity.createMany({ data: [...days].map(([day, t]) => ({ userId: user.id, day, ...t })) });
  await db.topicDay.createMany({ data: [...topicDays.values()].map((t) => ({ userId: user.id, ...t })) });
  await db.dailyQuiz.createMany({ data: [...days.keys()].slice(0, 300).map((day) => ({ userId: user.id, day, items: '[]', finishedAt: now })) });
  for (const slug of ['vpc-cidr', 'nacls', 'elb']) await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: slug } });

  const today = localDay(now, user.timeZone);
  const input = await composeInputFor(user, today);
  const baseline = await time(() => db.user.findUnique({ where: { id: user.id }, select: { id: true, timeZone: true } }));
  const reads = await time(() => composeInputFor(user, today));
  const pure = await time(async () => composeDailyQuiz(input));
  const whole = await time(async () => composeDailyQuiz(await composeInputFor(user, today)));
  const rows: [string, number][] = [
    ['baseline: read one user row by id', baseline],
    ["compose today's quiz: database reads", reads],
    ["compose today's quiz: pure composition (composeDailyQuiz)", pure],
    ["compose today's quiz: reads + composition", whole],
  ];
  let progressMs: number | null = null;
  try {
    const { progressFor } = await import('../lib/server/progress');
    progressMs = await time(() => progressFor(user, now));
    rows.push(['/progress data (progressFor)', progressMs]);
  } catch (e) {
    console.log(`(progressFor not measured: ${(e as Error).message})`);
  }
  console.log(`\nDaily practice on SQLite: ${CARDS.toLocaleString('en-US')} cards, ${ATTEMPTS.toLocaleString('en-US')} attempts, ${input.dueCards.length} due today; median of ${RUNS} runs\n`);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'case'.padEnd(w)}  ${'ms'.padStart(8)}  × baseline`);
  console.log(`${'-'.repeat(w)}  --------  ----------`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(w)}  ${ms.toFixed(3).padStart(8)}  ${(ms / baseline).toFixed(1).padStart(10)}`);
  console.log(`\nComposing today's quiz: ${whole.toFixed(2)} ms of server time (goal ≤ 5 ms).`);
  if (progressMs !== null) console.log(`/progress data: ${progressMs.toFixed(2)} ms (goal: the page in ≤ 100 ms).`);
  await db.$disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
