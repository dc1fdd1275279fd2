import { db } from '@/lib/server/db';
import { createUser } from '@/lib/server/create-user';
import { saveAnswer } from '@/lib/server/save-answer';
import { getGenerator, type Question, type Response, type ScoreResult } from '@/lib/questions';
import { rebuildQuestion, buildQuestion, practiceItems } from '@/lib/server/practice-pool';
import { score } from '@/lib/questions';

const NOW = new Date('2026-11-26T10:00:00Z');

/** The practice answer flow for a user with default settings. */
function recordAttempt(input: { userId: string; question: Question; response: Response; result: Extract<ScoreResult, { status: 'scored' }>; timeTakenMs: number }) {
  return saveAnswer({ ...input, user: { id: input.userId, timeZone: 'UTC', desiredRetention: 0.9 }, source: 'practice', now: NOW });
}

let userId = '';

beforeAll(async () => {
  await db.attempt.deleteMany();
  await db.user.deleteMany({ where: { email: { in: ['attempts@example.com', 'gone@example.com'] } } });
  const r = await createUser({ email: 'attempts@example.com', password: 'correct horse battery' });
  if (!r.ok) throw new Error('setup');
  userId = r.user.id;
});
afterAll(async () => {
  await db.$disconnect();
});

/** A question of cidr-usable-ips answered with its own key (always scorable, whatever its kind). */
function graded(seed: number) {
  const rebuilt = rebuildQuestion('cidr-usable-ips', getGenerator('cidr-usable-ips')?.version ?? -1, seed);
  if (!rebuilt.ok) throw new Error('rebuild failed');
  const response = rebuilt.question.answer;
  const result = score(rebuilt.question, response);
  if (result.status !== 'scored') throw new Error('not scorable');
  return { question: rebuilt.question, result, response };
}

describe('recording attempts', () => {
  it('stores generator id, version, seed, topic, correctness and time', async () => {
    const { question, result, response } = graded(11);
    const r = await recordAttempt({ userId, question, response, result, timeTakenMs: 4200 });
    expect(r.duplicate).toBe(false);
    const row = await db.attempt.findUniqueOrThrow({ where: { id: r.attemptId } });
    expect(row).toMatchObject({ generatorId: 'cidr-usable-ips', version: question.version, seed: 11, topic: 'vpc-cidr', timeTakenMs: 4200, source: 'practice' });
    expect(JSON.parse(row.response)).toEqual(response);
  });

  it('records one attempt when the same question is submitted twice, and keeps the first verdict', async () => {
    const { question, result, response } = graded(12);
    const first = await recordAttempt({ userId, question, response, result, timeTakenMs: 1000 });
    const again = await recordAttempt({ userId, question, response, result: { ...result, correct: !result.correct }, timeTakenMs: 900 });
    expect(again).toMatchObject({ attemptId: first.attemptId, correct: first.correct, duplicate: true });
    expect(await db.attempt.count({ where: { userId, seed: 12 } })).toBe(1);
  });

  it('records one attempt when identical submissions race', async () => {
    const { question, result, response } = graded(13);
    const all = await Promise.all([1, 2, 3, 4].map(() => recordAttempt({ userId, question, response, result, timeTakenMs: 500 })));
    expect(new Set(all.map((a) => a.attemptId)).size).toBe(1);
    expect(all.filter((a) => !a.duplicate)).toHaveLength(1);
    expect(await db.attempt.count({ where: { userId, seed: 13 } })).toBe(1);
  });

  it('removes a user’s attempts with the user', async () => {
    const other = await createUser({ email: 'gone@example.com', password: 'correct horse battery' });
    if (!other.ok) throw new Error('setup');
    const { question, result, response } = graded(14);
    await recordAttempt({ userId: other.user.id, question, response, result, timeTakenMs: 10 });
    await db.user.delete({ where: { id: other.user.id } });
    expect(await db.attempt.count({ where: { userId: other.user.id } })).toBe(0);
  });
});

describe('the practice pool', () => {
  it('offers generated and hand-written questions for a topic', () => {
    const items = practiceItems('vpc-cidr');
    expect(items.some((i) => i.source === 'generator')).toBe(true);
    expect(items.some((i) => i.source === 'bank')).toBe(true);
    for (const i of items) expect(buildQuestion(i.itemId, 5)?.topic).toBe('vpc-cidr');
  });

  it('refuses to grade a version that no longer exists, or an unknown question', () => {
    expect(rebuildQuestion('cidr-usable-ips', 99, 1)).toEqual({ ok: false, reason: 'outdated' });
    expect(rebuildQuestion('no-such-generator', 1, 1)).toEqual({ ok: false, reason: 'unknown' });
    expect(rebuildQuestion('bank:no-such-question', 1, 1)).toEqual({ ok: false, reason: 'unknown' });
  });
});
