/**
 * Daily practice server time on SQLite for a heavy user: 5,000 cards and 50,000 attempts over a
 * year. Measures composing today's quiz (the database reads + the pure composition, without
 * storing it) and the progress dashboard's data, as medians of repeated runs, against a baseline
 * measured in the same run: one indexed read of the user row.
 * 5,000 cards need more than 5,000 items: the catalogue is our banks plus generated true/false
 * questions up to 6,000 items (NETPREP_BANKS_DIR points at a scratch copy), so every card is of
 * an item that exists and lessons read still hold new items.
 * Three users: one with reviews due (about a sixth of the cards); one with nothing due today
 * who read three lessons (new items fill the quiz); one with nothing due and no lesson read
 * (weak-topic practice fills it).
 * Last, the /progress page itself over HTTP from the built app (skip with --no-page).
 * Run: npm run bench (or npm run bench:daily). Uses a scratch database in data/bench-daily.db.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const file = path.join(root, 'data', 'bench-daily.db');
const url = `file:${file}`;
process.env.DATABASE_URL = url;

const CARDS = 5_000;
/** Items in the catalogue: more than the cards, so lessons read still hold new items. */
const CATALOGUE = 6_000;
const TOPIC_IDS_FOR_BANKS = ['vpc-cidr', 'ipv6', 'byoip', 'dhcp-dns', 'security-groups', 'nacls', 'routing', 'nat', 'endpoints', 'eni', 'placement-mtu', 'vpn', 'peering', 'bastion', 'elb', 'route53'];

/** A scratch bank folder: our banks plus enough generated questions to reach `total` items. */
function benchBanks(total: number, existing: number): string {
  const dir = path.join(root, 'data', 'bench-banks');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const src = path.join(root, 'content', 'banks');
  for (const f of fs.readdirSync(src)) fs.copyFileSync(path.join(src, f), path.join(dir, f));
  const extra = total - existing;
  TOPIC_IDS_FOR_BANKS.forEach((topic, t) => {
    const lines = [`topic: ${topic}`, 'title: Benchmark questions', 'questions:'];
    for (let i = t; i < extra; i += TOPIC_IDS_FOR_BANKS.length) {
      lines.push(
        `  - id: bench-${i}`,
        '    type: truefalse',
        '    difficulty: 1',
        `    stem: Benchmark statement number ${i}.`,
        '    answer: true',
        '    explanation: A generated question for the benchmark.',
        '    source: https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html',
      );
    }
    fs.writeFileSync(path.join(dir, `zz-bench-${topic}.yaml`), `${lines.join('\n')}\n`);
  });
  return dir;
}

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

const BENCH_PASSWORD = 'bench password 0123456789';

/** Cookies from a response, as one Cookie header (name=value pairs only). */
function cookieHeader(res: Response, previous = ''): string {
  const fresh = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return [previous, ...fresh].filter(Boolean).join('; ');
}

/**
 * The whole /progress page as a browser gets it: the built app (`next start`, built first if the
 * sources changed) on the bench database, signed in as `email`; median of RUNS requests, with
 * /api/health in the same run as the server's floor.
 */
async function measureProgressPage(email: string): Promise<{ page: number; health: number }> {
  const build = (await import('../scripts/build.mjs' as string)) as { buildIfNeeded(): void; nextBin: string };
  build.buildIfNeeded();
  const port = 3299;
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [build.nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789', NEXTAUTH_URL: base },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 120) throw new Error('the app did not start within 60 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(csrf) },
      body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: 'true' }),
    });
    const cookie = cookieHeader(signIn, cookieHeader(csrf));
    if (!cookie.includes('session-token')) throw new Error(`sign-in failed (${signIn.status})`);
    const page = await time(async () => {
      const res = await fetch(`${base}/progress`, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes('data-testid="streak-current"')) throw new Error(`/progress answered ${res.status} without the dashboard`);
    });
    const health = await time(async () => (await fetch(`${base}/api/health`)).text());
    return { page, health };
  } finally {
    server.kill();
  }
}

async function main() {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + s, { force: true });
  execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' });

  // Before anything reads the banks: our items (generators + bank questions), then the scratch catalogue.
  const bankDir = path.join(root, 'content', 'banks');
  const bankQuestions = fs.readdirSync(bankDir).reduce((n, f) => n + (fs.readFileSync(path.join(bankDir, f), 'utf8').match(/^ {2}- id:/gm) ?? []).length, 0);
  const generators = (await import('../lib/questions')).listGenerators().length;
  process.env.NETPREP_BANKS_DIR = benchBanks(CATALOGUE, generators + bankQuestions);
  const { db } = await import('../lib/server/db');
  const { composeInputFor } = await import('../lib/server/daily-quiz');
  const { itemIndex } = await import('../lib/server/practice-pool');
  const { composeDailyQuiz } = await import('../lib/practice/compose');
  const { localDay } = await import('../lib/practice/day');

  const now = new Date('2026-11-26T12:00:00Z');
  const DAY = 86_400_000;
  const { topicOf } = itemIndex();
  const items = [...topicOf.keys()];
  if (items.length !== CATALOGUE) throw new Error(`expected a catalogue of ${CATALOGUE} items, got ${items.length}`);
  // The items a user has cards for: every one but each sixth (those stay new).
  const carded = items.filter((_, i) => i % 6 !== 5).slice(0, CARDS);

  /**
   * A user with a card for 5,000 of the items and ATTEMPTS attempts over the past year (with the rollups
   * the answer flow keeps), three lessons read and 300 finished daily quizzes. `dueShift` moves
   * every due date: 0 spreads them from 60 days ago to 300 days ahead (about a sixth due today).
   */
  async function seedUser(email: string, dueShift: number, lessons: readonly string[] = ['vpc-cidr', 'nacls', 'elb']) {
    const user = await db.user.create({
      data: { email, passwordHash: 'x', timeZone: 'Europe/Berlin', dailySize: 50 },
      select: { id: true, timeZone: true, dailySize: true, desiredRetention: true },
    });
    const cards = carded.map((itemId, i) => ({
      userId: user.id,
      itemId,
      topic: topicOf.get(itemId) as string,
      due: new Date(now.getTime() + ((((i * 37) % 360) - 60) + dueShift) * DAY),
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
    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => {
      const itemId = items[(i * 7) % items.length] as string;
      return {
        userId: user.id,
        generatorId: itemId,
        version: 1,
        seed: i,
        topic: topicOf.get(itemId) as string,
        kind: 'single',
        response: '"a"',
        correct: i % 3 !== 0,
        timeTakenMs: 10_000,
        createdAt: new Date(now.getTime() - Math.floor((i / ATTEMPTS) * 365 * DAY)),
      };
    });
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
    for (const slug of lessons) await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: slug } });
    return user;
  }

  const busy = await seedUser('bench-due@example.com', 0);
  // Every card due at least two days from now: nothing due, so new items and weak topics are read.
  const quiet = await seedUser('bench-quiet@example.com', 62);
  const today = localDay(now, busy.timeZone);
  const busyInput = await composeInputFor(busy, today);
  const quietInput = await composeInputFor(quiet, today);
  if (busyInput.dueCards.length < busy.dailySize || quietInput.dueCards.length !== 0 || quietInput.newItems.length === 0) {
    throw new Error('benchmark data is not what it claims to be');
  }
  // Nothing due and no lesson read: the quiz is all weak-topic practice.
  const weak = await seedUser('bench-weak@example.com', 62, []);
  const weakInput = await composeInputFor(weak, today);
  if (weakInput.dueCards.length !== 0 || weakInput.newItems.length !== 0 || weakInput.weakTopics.length === 0) {
    throw new Error('benchmark data is not what it claims to be');
  }
  const quietNew = await db.card.count({ where: { userId: quiet.id } });
  const baseline = await time(() => db.user.findUnique({ where: { id: busy.id }, select: { id: true, timeZone: true } }));
  const busyWhole = await time(async () => composeDailyQuiz(await composeInputFor(busy, today)));
  const quietWhole = await time(async () => composeDailyQuiz(await composeInputFor(quiet, today)));
  const weakWhole = await time(async () => composeDailyQuiz(await composeInputFor(weak, today)));
  const pure = await time(async () => composeDailyQuiz(weakInput));
  const rows: [string, number][] = [
    ['baseline: read one user row by id', baseline],
    [`compose, ${busyInput.dueCards.length}+ reviews due (reads + composition)`, busyWhole],
    ['compose, nothing due, 3 lessons read: new items', quietWhole],
    ['compose, nothing due, no lesson read: weak topics', weakWhole],
    ['  of which pure composition (weak topics)', pure],
  ];
  let progressMs: number | null = null;
  try {
    const { progressFor } = await import('../lib/server/progress');
    progressMs = await time(() => progressFor(busy, now));
    rows.push(['/progress data (progressFor)', progressMs]);
  } catch (e) {
    console.log(`(progressFor not measured: ${(e as Error).message})`);
  }
  let pageMs: { page: number; health: number } | null = null;
  if (process.argv.includes('--no-page')) console.log('(/progress page not measured: --no-page)');
  else {
    const { hashPassword } = await import('../lib/server/passwords');
    await db.user.update({ where: { id: busy.id }, data: { passwordHash: await hashPassword(BENCH_PASSWORD) } });
    pageMs = await measureProgressPage('bench-due@example.com');
    rows.push(['GET /api/health over HTTP (server baseline)', pageMs.health], ['GET /progress over HTTP (whole server render)', pageMs.page]);
  }
  console.log(`\nDaily practice on SQLite: each user has ${quietNew.toLocaleString('en-US')} cards and ${ATTEMPTS.toLocaleString('en-US')} attempts; quiz size 50; median of ${RUNS} runs\n`);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'case'.padEnd(w)}  ${'ms'.padStart(8)}  × baseline`);
  console.log(`${'-'.repeat(w)}  --------  ----------`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(w)}  ${ms.toFixed(3).padStart(8)}  ${(ms / baseline).toFixed(1).padStart(10)}`);
  console.log(`\nComposing today's quiz: ${busyWhole.toFixed(2)} ms with reviews due, ${quietWhole.toFixed(2)} ms from new items, ${weakWhole.toFixed(2)} ms from weak topics (goal ≤ 5 ms).`);
  if (progressMs !== null) console.log(`/progress data: ${progressMs.toFixed(2)} ms.`);
  if (pageMs) console.log(`/progress page over HTTP from the built app: ${pageMs.page.toFixed(1)} ms (goal ≤ 100 ms; /api/health ${pageMs.health.toFixed(1)} ms).`);
  await db.$disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
