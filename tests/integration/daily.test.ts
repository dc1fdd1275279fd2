/**
 * Daily practice against a real database (SQLite, and PostgreSQL under `npm run test:pg`):
 * concurrent answers leave a consistent card, and today's quiz resumes where it stopped.
 */
import { db } from '@/lib/server/db';
import { createUser } from '@/lib/server/create-user';
import { saveAnswer } from '@/lib/server/save-answer';
import { answerDaily, composeInputFor, dailyState, getOrCreateDailyQuiz } from '@/lib/server/daily-quiz';
import { buildQuestion, practiceItems } from '@/lib/server/practice-pool';
import { markLessonRead } from '@/lib/server/lesson-progress';
import type { UserSettings } from '@/lib/server/user-settings';
import { score, type Question } from '@/lib/questions';

const EMAILS = ['daily-a@example.com', 'daily-b@example.com', 'daily-c@example.com', 'daily-d@example.com', 'daily-e@example.com'];
const NOW = new Date('2026-11-26T10:00:00Z');

async function newUser(email: string, extra: Partial<UserSettings> = {}): Promise<UserSettings> {
  const r = await createUser({ email, password: 'correct horse battery' });
  if (!r.ok) throw new Error('setup');
  return db.user.update({
    where: { id: r.user.id },
    data: { dailySize: 5, ...extra },
    select: { id: true, timeZone: true, dailySize: true, desiredRetention: true },
  });
}

function keyOf(q: Question) {
  const result = score(q, q.answer);
  if (result.status !== 'scored') throw new Error('key not scorable');
  return result;
}

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { in: EMAILS } } });
});
afterAll(async () => {
  await db.user.deleteMany({ where: { email: { in: EMAILS } } });
  await db.$disconnect();
});

describe('answers and cards', () => {
  it('five concurrent answers for the same card all count, and the card reflects each once', async () => {
    const user = await newUser(EMAILS[0] as string);
    const questions = [101, 202, 303, 404, 505].map((seed) => buildQuestion('cidr-usable-ips', seed) as Question);
    const saved = await Promise.all(
      questions.map((question) =>
        saveAnswer({ user, question, response: question.answer, result: keyOf(question), timeTakenMs: 20_000, source: 'practice', now: NOW }),
      ),
    );
    expect(saved.every((s) => !s.duplicate)).toBe(true);
    const card = await db.card.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: 'cidr-usable-ips' } } });
    const attempts = await db.attempt.count({ where: { userId: user.id, generatorId: 'cidr-usable-ips' } });
    expect(attempts).toBe(5);
    // Each answer moved the card exactly once: no lost update, no double count.
    expect(card.reps).toBe(5);
    expect(card.revision).toBe(4);
    const activity = await db.dailyActivity.findUniqueOrThrow({ where: { userId_day: { userId: user.id, day: '2026-11-26' } } });
    expect(activity).toMatchObject({ attempts: 5, correct: 5 });
  });

  it('the same answer sent twice at once is stored once and moves the card once', async () => {
    const user = await newUser(EMAILS[1] as string);
    const question = buildQuestion('nacl-evaluation', 303) as Question;
    const wrong = { ...keyOf(question), correct: false };
    const saved = await Promise.all(
      [1, 2, 3].map(() => saveAnswer({ user, question, response: question.answer, result: wrong, timeTakenMs: 5_000, source: 'practice', now: NOW })),
    );
    expect(saved.filter((s) => !s.duplicate)).toHaveLength(1);
    expect(new Set(saved.map((s) => s.attemptId)).size).toBe(1);
    const card = await db.card.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: 'nacl-evaluation' } } });
    expect(card.reps).toBe(1);
    expect(card.lapses + (card.state === 'Learning' ? 1 : 0)).toBeGreaterThan(0);
    const attempt = await db.attempt.findFirstOrThrow({ where: { userId: user.id } });
    expect(attempt.rating).toBe(1); // wrong → Again
  });
});

describe("today's quiz", () => {
  it('is composed once per local day, starts with items of a lesson read, and resumes where it stopped', async () => {
    const user = await newUser(EMAILS[2] as string, { timeZone: 'Pacific/Auckland' });
    await markLessonRead(user.id, 'nacls');
    const first = await dailyState(user, NOW);
    expect(first.day).toBe('2026-11-26'); // 23:00 in Auckland
    expect(first.total).toBe(5);
    expect(first.positions.every((p) => p.reason === 'new' && p.topic === 'nacls')).toBe(true);
    expect(first.current).toBe(0);
    expect(first.question?.generatorId).toBe(first.positions[0]?.itemId);
    expect(first.question && 'answer' in first.question).toBe(false);

    for (const position of [0, 1]) {
      const state = await dailyState(user, NOW);
      const q = buildQuestion(state.positions[position]?.itemId as string, (await getOrCreateDailyQuiz(user, NOW)).items[position]?.seed as number) as Question;
      const out = await answerDaily(user, { day: state.day, position, generatorId: q.generatorId, version: q.version, seed: q.seed, response: q.answer, timeTakenMs: 8_000 }, NOW);
      expect(out.ok).toBe(true);
    }
    // A reload later the same local day (another device): the same quiz, at position 2.
    const later = new Date('2026-11-26T10:40:00Z');
    const resumed = await dailyState(user, later);
    expect(resumed.quizId).toBe(first.quizId);
    expect(resumed.positions.map((p) => p.itemId)).toEqual(first.positions.map((p) => p.itemId));
    expect(resumed.current).toBe(2);
    expect(resumed.positions.slice(0, 2).map((p) => p.correct)).toEqual([true, true]);
    expect(resumed.finished).toBe(false);
    expect(resumed.streak.current).toBe(0);

    // Answering a position with another question is refused; nothing is stored.
    const quiz = await getOrCreateDailyQuiz(user, later);
    const other = buildQuestion('cidr-usable-ips', 5) as Question;
    const refused = await answerDaily(user, { day: quiz.day, position: 2, generatorId: other.generatorId, version: other.version, seed: other.seed, response: other.answer, timeTakenMs: 1 }, later);
    expect(refused).toMatchObject({ ok: false, status: 409 });

    for (const position of [2, 3, 4]) {
      const item = quiz.items[position];
      if (!item) throw new Error('missing item');
      const q = buildQuestion(item.itemId, item.seed) as Question;
      const out = await answerDaily(user, { day: quiz.day, position, generatorId: q.generatorId, version: q.version, seed: q.seed, response: q.answer, timeTakenMs: 8_000 }, later);
      if (!out.ok) throw new Error(out.message);
    }
    const done = await dailyState(user, later);
    expect(done.finished).toBe(true);
    expect(done.current).toBeNull();
    expect(done.question).toBeNull();
    expect(done.streak).toMatchObject({ current: 1, longest: 1, doneToday: true });
    expect(await db.attempt.count({ where: { userId: user.id, source: 'daily' } })).toBe(5);

    // Past local midnight in Auckland (11:00 UTC = 00:00 NZDT): a new day, a new quiz, streak kept.
    // Fast right answers made those 5 cards Easy, due days from now; with a bigger quiz, the new
    // items are exactly the lesson's items without a card.
    const bigger = { ...user, dailySize: 20 };
    const tomorrow = await dailyState(bigger, new Date('2026-11-26T11:00:00Z'));
    const cards = await db.card.findMany({ where: { userId: user.id }, select: { itemId: true, due: true } });
    const carded = new Set(cards.map((c) => c.itemId));
    expect(carded.size).toBe(5);
    expect(cards.every((c) => c.due > new Date('2026-11-28T00:00:00Z'))).toBe(true);
    const byReason = (r: string) => tomorrow.positions.filter((p) => p.reason === r).map((p) => p.itemId);
    expect(byReason('due')).toEqual([]);
    const naclItems = practiceItems('nacls').map((i) => i.itemId);
    expect(new Set(byReason('new'))).toEqual(new Set(naclItems.filter((id) => !carded.has(id))));
    expect(tomorrow.day).toBe('2026-11-27');
    expect(tomorrow.quizId).not.toBe(first.quizId);
    expect(tomorrow.finished).toBe(false);
    expect(tomorrow.streak).toMatchObject({ current: 1, doneToday: false });
  });

  it('puts due cards first and is the same quiz when two devices open the day at once', async () => {
    const user = await newUser(EMAILS[3] as string);
    const q = buildQuestion('vpn-dpd-timeout', 77) as Question;
    const wrong = { ...keyOf(q), correct: false };
    await saveAnswer({ user, question: q, response: q.answer, result: wrong, timeTakenMs: 5_000, source: 'practice', now: new Date('2026-11-25T09:00:00Z') });
    const [a, b] = await Promise.all([dailyState(user, NOW), dailyState(user, NOW)]);
    expect(a.quizId).toBe(b.quizId);
    expect(a.positions[0]).toMatchObject({ itemId: 'vpn-dpd-timeout', reason: 'due' });
    expect(await db.dailyQuiz.count({ where: { userId: user.id } })).toBe(1);
  });

  it('reads what composition needs: due cards up to local midnight, new items of lessons read, accuracy of 30 days', async () => {
    const user = await newUser(EMAILS[4] as string, { timeZone: 'Pacific/Auckland' });
    // 2026-11-27 00:00 in Auckland (UTC+13 in summer) is 2026-11-26 11:00 UTC.
    const midnight = new Date('2026-11-26T11:00:00.000Z');
    const card = (itemId: string, topic: string, due: Date) => ({
      userId: user.id, itemId, topic, due, stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 1,
      learningSteps: 0, reps: 1, lapses: 0, state: 'Review', lastReview: new Date('2026-11-20T00:00:00Z'),
    });
    await db.card.createMany({
      data: [
        card('vpn-dpd-timeout', 'vpn', new Date(midnight.getTime() - 1)),
        card('cidr-usable-ips', 'vpc-cidr', new Date('2026-11-01T00:00:00Z')),
        card('nacl-evaluation', 'nacls', midnight),
        card('retired-generator', 'vpn', new Date('2026-10-01T00:00:00Z')),
      ],
    });
    await markLessonRead(user.id, 'vpc-cidr');
    await db.topicDay.createMany({
      data: [
        { userId: user.id, day: '2026-11-20', topic: 'nacls', attempts: 4, correct: 1 },
        { userId: user.id, day: '2026-11-27', topic: 'nacls', attempts: 4, correct: 4 },
        { userId: user.id, day: '2026-10-01', topic: 'vpn', attempts: 9, correct: 0 },
        { userId: user.id, day: '2026-10-28', topic: 'vpn', attempts: 2, correct: 2 },
      ],
    });
    const input = await composeInputFor(user, '2026-11-26');
    // Most overdue first; due exactly at midnight belongs to tomorrow; a retired item is left out.
    expect(input.dueCards.map((c) => [c.itemId, c.due.toISOString()])).toEqual([
      ['cidr-usable-ips', '2026-11-01T00:00:00.000Z'],
      ['vpn-dpd-timeout', '2026-11-26T10:59:59.999Z'],
    ]);
    const lessonItems = practiceItems('vpc-cidr').map((i) => i.itemId);
    expect(input.newItems.map((i) => i.itemId).sort()).toEqual(lessonItems.filter((id) => id !== 'cidr-usable-ips').sort());
    const accuracy = Object.fromEntries(input.weakTopics.map((w) => [w.topic, w.accuracy]));
    // The window is the 30 local days ending today: 2026-10-28 to 2026-11-26.
    expect(accuracy).toMatchObject({ nacls: 0.25, vpn: 1, 'vpc-cidr': 0.5 });
  });
});
