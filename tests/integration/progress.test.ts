import { Rating } from 'ts-fsrs';
import { db } from '@/lib/server/db';
import { progressFor } from '@/lib/server/progress';
import { attemptHistory, ZHistoryQuery } from '@/lib/server/history';
import { toCardRow } from '@/lib/server/save-answer';
import { rebuildQuestion } from '@/lib/server/practice-pool';
import { getGenerator, score, type Question, type Response } from '@/lib/questions';
import { topicMastery } from '@/lib/practice/mastery';
import { nextCardState, type CardState } from '@/lib/practice/schedule';
import { HEATMAP_DAYS } from '@/lib/practice/streak';
import { ACCURACY_DAYS } from '@/lib/practice/progress';
import { localDay } from '@/lib/practice/day';

// 23:00 on 26 November 2026 in Auckland (NZDT, UTC+13): the student's "today" is the 26th
// there, while some instants below are still the 25th in UTC.
const NOW = new Date('2026-11-26T10:00:00Z');
const TZ = 'Pacific/Auckland';
const DAY = 86_400_000;
const EMAILS = ['progress-int-student@example.com', 'progress-int-other@example.com', 'progress-int-new@example.com'];

let userId = '';
let otherId = '';

function question(generatorId: string, seed: number): Question {
  const rebuilt = rebuildQuestion(generatorId, getGenerator(generatorId)?.version ?? -1, seed);
  if (!rebuilt.ok) throw new Error(`cannot build ${generatorId}`);
  return rebuilt.question;
}

/** An attempt row for `q` answered with `response` at `at`, graded by the real scorer. */
function attemptRow(user: string, q: Question, response: Response, at: Date, extra: Partial<{ version: number; generatorId: string; timeTakenMs: number }> = {}) {
  const result = score(q, response);
  if (result.status !== 'scored') throw new Error('not scorable');
  return {
    userId: user,
    generatorId: extra.generatorId ?? q.generatorId,
    version: extra.version ?? q.version,
    seed: q.seed,
    topic: q.topic,
    kind: q.kind,
    response: JSON.stringify(response),
    correct: result.correct,
    mistake: result.mistake?.name ?? null,
    timeTakenMs: extra.timeTakenMs ?? 5000,
    createdAt: at,
  };
}

const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3_600_000);

/** The per-topic rollup saveAnswer keeps with every answer: one row per user, local day and topic. */
function rollUp(rows: ReturnType<typeof attemptRow>[]) {
  const out = new Map<string, { userId: string; day: string; topic: string; attempts: number; correct: number }>();
  for (const r of rows) {
    const day = localDay(r.createdAt, r.userId === userId ? TZ : 'UTC');
    const key = `${r.userId} ${day} ${r.topic}`;
    const t = out.get(key) ?? { userId: r.userId, day, topic: r.topic, attempts: 0, correct: 0 };
    t.attempts += 1;
    if (r.correct) t.correct += 1;
    out.set(key, t);
  }
  return [...out.values()];
}

let vpcCard: CardState;
let nearCard: CardState;

async function removeOurUsers() {
  await db.user.deleteMany({ where: { email: { in: EMAILS } } });
}

beforeAll(async () => {
  await removeOurUsers();
  userId = (await db.user.create({ data: { email: EMAILS[0]!, passwordHash: 'unused', timeZone: TZ }, select: { id: true } })).id;
  otherId = (await db.user.create({ data: { email: EMAILS[1]!, passwordHash: 'unused' }, select: { id: true } })).id;

  // Cards: vpc-cidr due at 23:30 today in Auckland; an elb item due at 00:30 tomorrow in Auckland
  // (still the 26th in UTC); another elb item three days overdue.
  vpcCard = { ...nextCardState(null, Rating.Good, ago(5), 0.9), due: new Date('2026-11-26T10:30:00Z') };
  nearCard = { ...nextCardState(null, Rating.Good, ago(1), 0.9), due: new Date('2026-11-26T11:30:00Z') };
  const overdue = { ...nextCardState(null, Rating.Again, ago(10), 0.9), due: ago(3) };
  await db.card.createMany({
    data: [
      { userId, itemId: 'cidr-usable-ips', topic: 'vpc-cidr', ...toCardRow(vpcCard) },
      { userId, itemId: 'cross-zone-share', topic: 'elb', ...toCardRow(nearCard) },
      { userId, itemId: 'alb-path-pattern', topic: 'elb', ...toCardRow(overdue) },
      { userId: otherId, itemId: 'cidr-usable-ips', topic: 'vpc-cidr', ...toCardRow(vpcCard) },
    ],
  });

  // 25 attempts of the student: vpc-cidr right (recent and old), wrong ones with a named mistake,
  // one whose generator version no longer exists, one of a generator that is gone.
  const rows: ReturnType<typeof attemptRow>[] = [];
  for (let i = 0; i < 18; i++) {
    const q = question('cidr-usable-ips', 100 + i);
    // i < 12: in the last 30 days; the rest 40+ days ago (outside recent accuracy).
    rows.push(attemptRow(userId, q, q.answer, i < 12 ? ago(i, 1) : ago(40 + i)));
  }
  // Five single-choice questions answered with a choice that names a mistake.
  for (let seed = 200, made = 0; made < 5; seed++) {
    const q = question('cidr-usable-ips', seed);
    const wrong = q.mistakes.find((m) => typeof m.match === 'string')?.match;
    if (q.kind !== 'single' || typeof wrong !== 'string') continue;
    rows.push(attemptRow(userId, q, wrong, ago(made + 1, 3)));
    made += 1;
  }
  const elb = question('cross-zone-share', 300);
  rows.push(attemptRow(userId, elb, elb.answer, new Date('2026-11-25T12:30:00Z'), { version: elb.version + 1000, timeTakenMs: 125_000 })); // 01:30 on the 26th in Auckland
  rows.push({ ...attemptRow(userId, elb, elb.answer, ago(50)), generatorId: 'retired-generator', seed: 301 });
  // The other student's attempt, which must never show up.
  const oq = question('cidr-usable-ips', 401);
  rows.push(attemptRow(otherId, oq, oq.answer, ago(0)));
  await db.attempt.createMany({ data: rows });
  await db.topicDay.createMany({ data: rollUp(rows) });
  // Route 53 answers on the first day of the 30-day window (28 October) and the day before it.
  await db.topicDay.createMany({
    data: [
      { userId, day: '2026-10-28', topic: 'route53', attempts: 2, correct: 2 },
      { userId, day: '2026-10-27', topic: 'route53', attempts: 3, correct: 0 },
    ],
  });

  await db.dailyActivity.createMany({
    data: [
      { userId, day: '2026-11-26', attempts: 6, correct: 5 },
      { userId, day: '2026-11-24', attempts: 4, correct: 0 },
      { userId, day: '2026-06-01', attempts: 3, correct: 3 }, // in the heatmap, not in the 90-day chart
      { userId, day: '2025-01-01', attempts: 9, correct: 9 }, // older than a year
      { userId: otherId, day: '2026-11-25', attempts: 50, correct: 50 },
    ],
  });
  await db.dailyQuiz.createMany({
    data: [
      { userId, day: '2026-11-24', items: '[]', finishedAt: ago(2) },
      { userId, day: '2026-11-25', items: '[]', finishedAt: ago(1) },
      { userId, day: '2026-11-26', items: '[]', finishedAt: null }, // started today, not finished
      { userId, day: '2026-11-20', items: '[]', finishedAt: ago(6) },
      { userId, day: '2026-11-21', items: '[]', finishedAt: ago(5) },
      { userId, day: '2026-11-22', items: '[]', finishedAt: ago(4) },
      { userId: otherId, day: '2026-11-26', items: '[]', finishedAt: NOW },
    ],
  });
});

afterAll(async () => {
  await removeOurUsers();
  await db.$disconnect();
});

describe('progressFor', () => {
  it('counts all-time answers, accuracy and the last practised day per topic, in the student zone', async () => {
    const p = await progressFor({ id: userId, timeZone: TZ }, NOW);
    const vpc = p.topics.find((t) => t.id === 'vpc-cidr');
    const elb = p.topics.find((t) => t.id === 'elb');
    expect(vpc).toMatchObject({ attempts: 23, correct: 18, accuracy: 78 });
    expect(vpc?.lastPractised).toBe('2026-11-26');
    // Two elb attempts (one outdated, one of a retired generator) still count for the topic.
    expect(elb).toMatchObject({ attempts: 2, correct: 2, accuracy: 100, lastPractised: '2026-11-26' });
    expect(p.topics.find((t) => t.id === 'nacls')).toMatchObject({ attempts: 0, accuracy: null, lastPractised: null, mastery: 0 });
    expect(p.topics).toHaveLength(16);
    expect(p.topics.find((t) => t.id === 'route53')).toMatchObject({ attempts: 5, correct: 2, accuracy: 40, lastPractised: '2026-10-28' });
    expect(p.totals).toEqual({ attempts: 30, correct: 22, wrong: 8, accuracy: 73 });
  });

  it('takes mastery from the topic cards and the last 30 days of answers only', async () => {
    const p = await progressFor({ id: userId, timeZone: TZ }, NOW);
    // Last 30 days: 12 right + 5 wrong of vpc-cidr; the 6 older right answers do not count.
    expect(p.topics.find((t) => t.id === 'vpc-cidr')?.mastery).toBe(topicMastery([vpcCard], { correct: 12, total: 17 }, NOW));
    // The window starts on 28 October in Auckland: 2 of 2 right that day; the 3 wrong the day before are out.
    expect(p.topics.find((t) => t.id === 'route53')?.mastery).toBe(100);
    expect(p.readiness.overall).toBeGreaterThan(0);
    expect(p.readiness.domains).toHaveLength(4);
  });

  it('counts the streak from finished daily quizzes, today still open', async () => {
    const p = await progressFor({ id: userId, timeZone: TZ }, NOW);
    expect(p.today).toBe('2026-11-26');
    expect(p.streak).toEqual({ current: 2, longest: 3, doneToday: false });
  });

  it('draws accuracy per day with null for days without answers, and the year heatmap', async () => {
    const p = await progressFor({ id: userId, timeZone: TZ }, NOW);
    expect(p.accuracy).toHaveLength(ACCURACY_DAYS);
    expect(p.accuracy.at(-1)).toEqual({ day: '2026-11-26', attempts: 6, correct: 5, accuracy: 83 });
    expect(p.accuracy.at(-2)).toEqual({ day: '2026-11-25', attempts: 0, correct: 0, accuracy: null });
    expect(p.accuracy.at(-3)).toEqual({ day: '2026-11-24', attempts: 4, correct: 0, accuracy: 0 });
    expect(p.heatmap).toHaveLength(HEATMAP_DAYS);
    expect(p.heatmap.filter((d) => d.count > 0)).toEqual([
      { day: '2026-06-01', count: 3 },
      { day: '2026-11-24', count: 4 },
      { day: '2026-11-26', count: 6 },
    ]);
  });

  it('forecasts reviews per local day, overdue cards today', async () => {
    const p = await progressFor({ id: userId, timeZone: TZ }, NOW);
    expect(p.due).toHaveLength(14);
    expect(p.due[0]).toEqual({ day: '2026-11-26', count: 2 }); // due tonight, and the overdue card
    expect(p.overdue).toBe(1);
    expect(p.due[1]).toEqual({ day: '2026-11-27', count: 1 });
    expect(p.due.reduce((s, d) => s + d.count, 0)).toBe(3);
    expect(nearCard.due.toISOString().slice(0, 10)).toBe('2026-11-26'); // the same card on the UTC calendar
  });

  it('shows zeros, not errors, for a student with nothing yet', async () => {
    const fresh = await db.user.create({ data: { email: EMAILS[2]!, passwordHash: 'unused', timeZone: 'America/Santiago' }, select: { id: true } });
    const p = await progressFor({ id: fresh.id, timeZone: 'America/Santiago' }, NOW);
    expect(p.totals).toEqual({ attempts: 0, correct: 0, wrong: 0, accuracy: null });
    expect(p.streak).toEqual({ current: 0, longest: 0, doneToday: false });
    expect(p.topics.every((t) => t.attempts === 0 && t.mastery === 0)).toBe(true);
    expect(p.readiness.overall).toBe(0);
    expect(p.heatmap.every((d) => d.count === 0)).toBe(true);
    expect(p.due.every((d) => d.count === 0)).toBe(true);
  });

  it('reads only the student’s own rows', async () => {
    const p = await progressFor({ id: otherId, timeZone: 'UTC' }, NOW);
    expect(p.totals.attempts).toBe(1);
    expect(p.streak).toEqual({ current: 1, longest: 1, doneToday: true });
    expect(p.heatmap.find((d) => d.day === '2026-11-25')?.count).toBe(50);
    expect(p.due.reduce((s, d) => s + d.count, 0)).toBe(1);
  });
});

describe('attempt history', () => {
  it('lists the student’s attempts newest first, 20 a page', async () => {
    const first = await attemptHistory(userId, { page: 1 });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2, pageSize: 20 });
    expect(first.entries).toHaveLength(20);
    const times = first.entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await attemptHistory(userId, { page: 2 });
    expect(second.entries).toHaveLength(5);
    expect(second.entries.at(-1)?.at.getTime()).toBeLessThanOrEqual(first.entries.at(-1)?.at.getTime() ?? 0);
    const ids = new Set([...first.entries, ...second.entries].map((e) => e.id));
    expect(ids.size).toBe(25);
    expect((await attemptHistory(userId, { page: 3 })).entries).toEqual([]);
  });

  it('filters by topic and by result', async () => {
    const elb = await attemptHistory(userId, { topic: 'elb' });
    expect(elb.total).toBe(2);
    expect(elb.entries.every((e) => e.topic === 'elb')).toBe(true);
    const wrong = await attemptHistory(userId, { result: 'wrong' });
    expect(wrong.total).toBe(5);
    expect(wrong.entries.every((e) => !e.correct)).toBe(true);
    const right = await attemptHistory(userId, { topic: 'vpc-cidr', result: 'right' });
    expect(right.total).toBe(18);
    expect(await attemptHistory(userId, { topic: 'nacls' })).toMatchObject({ total: 0, pageCount: 1, entries: [] });
  });

  it('rebuilds each question from its seed and shows the answer given, the key and the named mistake', async () => {
    const { entries } = await attemptHistory(userId, { result: 'wrong' });
    const e = entries[0]!;
    expect(e).toMatchObject({ topic: 'vpc-cidr', topicTitle: 'VPC and IPv4 CIDR', correct: false });
    expect(e.question.status).toBe('ok');
    if (e.question.status !== 'ok') return;
    const picked = e.question.choices?.filter((c) => c.picked) ?? [];
    expect(picked).toHaveLength(1);
    expect(e.answer).toBe(picked[0]?.text);
    expect(picked[0]?.key).toBe(false);
    const key = e.question.choices?.find((c) => c.key);
    expect(e.question.key).toBe(key?.text);
    expect(e.mistake?.name).toBeTruthy();
    expect(e.mistake?.feedback).toBeTruthy();
    expect(e.question.explanation.summary.length).toBeGreaterThan(0);
    expect(e.question.explanation.steps.length).toBeGreaterThan(0);
  });

  it('says when a stored version no longer exists, keeping the answer and verdict', async () => {
    const { entries } = await attemptHistory(userId, { topic: 'elb' });
    const outdated = entries.find((e) => e.question.status === 'outdated');
    const gone = entries.find((e) => e.question.status === 'unknown');
    expect(outdated).toMatchObject({ correct: true, timeTakenMs: 125_000 });
    expect(outdated?.answer).toEqual(expect.any(String));
    expect(gone).toMatchObject({ correct: true });
  });

  it('never shows another student’s attempts', async () => {
    const theirs = await attemptHistory(otherId, { page: 1 });
    expect(theirs.total).toBe(1);
    const myIds = new Set((await attemptHistory(userId, { page: 1 }, 100)).entries.map((e) => e.id));
    expect(myIds.has(theirs.entries[0]!.id)).toBe(false);
  });
});

describe('the history query string', () => {
  it('accepts a page, a topic and a result, and treats empty fields as no filter', () => {
    expect(ZHistoryQuery.parse({ page: '3', topic: 'nacls', result: 'wrong' })).toEqual({ page: 3, topic: 'nacls', result: 'wrong' });
    expect(ZHistoryQuery.parse({ topic: '', result: '' })).toEqual({ page: 1 });
    expect(ZHistoryQuery.parse({})).toEqual({ page: 1 });
  });
  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
    [{ topic: 'mars' }, 'topic'],
    [{ result: 'maybe' }, 'result'],
  ])('refuses %j with a message about the %s', (query, field) => {
    const r = ZHistoryQuery.safeParse(query);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]?.path).toEqual([field]);
      expect(r.error.issues[0]?.message).toMatch(/page|topic|result/i);
    }
  });
});
