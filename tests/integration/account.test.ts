import { db } from '@/lib/server/db';
import { createUser } from '@/lib/server/create-user';
import { deleteAccount, exportUserData, EXPORT_FORMAT, EXPORT_VERSION } from '@/lib/server/account';
import { Prisma } from '@/lib/generated/sqlite/client';

const PASSWORD = 'correct horse battery staple';
const EMAILS = { export: 'account-export@example.com', doomed: 'account-doomed@example.com', bystander: 'account-bystander@example.com' };
const NOW = new Date('2026-11-26T10:00:00Z');

/** Every model that holds a user's rows, and how many rows of `userId` it has. */
const PER_USER_MODELS = {
  LessonProgress: (userId: string) => db.lessonProgress.count({ where: { userId } }),
  Attempt: (userId: string) => db.attempt.count({ where: { userId } }),
  Card: (userId: string) => db.card.count({ where: { userId } }),
  DailyQuiz: (userId: string) => db.dailyQuiz.count({ where: { userId } }),
  DailyActivity: (userId: string) => db.dailyActivity.count({ where: { userId } }),
  TopicDay: (userId: string) => db.topicDay.count({ where: { userId } }),
};

async function rowCounts(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = { User: await db.user.count({ where: { id: userId } }) };
  for (const [model, count] of Object.entries(PER_USER_MODELS)) counts[model] = await count(userId);
  return counts;
}

async function newUser(email: string): Promise<string> {
  const r = await createUser({ email, password: PASSWORD, name: 'Test Learner' });
  if (!r.ok) throw new Error(`setup: ${email} exists`);
  return r.user.id;
}

/** One or more rows in every table for `userId`, the attempts linked to a daily quiz. */
async function fillTables(userId: string, tag: string) {
  await db.lessonProgress.createMany({
    data: [
      { userId, lessonSlug: 'vpc-cidr', readAt: new Date('2026-11-20T08:00:00Z') },
      { userId, lessonSlug: 'nacl', readAt: new Date('2026-11-21T08:00:00Z') },
    ],
  });
  const quiz = await db.dailyQuiz.create({
    data: {
      userId,
      day: '2026-11-26',
      items: JSON.stringify([{ itemId: 'cidr-usable-ips', seed: 7, reason: 'new' }]),
      createdAt: new Date('2026-11-26T07:00:00Z'),
    },
  });
  await db.attempt.create({
    data: {
      userId,
      generatorId: 'cidr-usable-ips',
      version: 1,
      seed: 7,
      topic: 'vpc-cidr',
      kind: 'number',
      response: JSON.stringify(251),
      correct: true,
      timeTakenMs: 4200,
      source: 'daily',
      quizId: quiz.id,
      position: 0,
      rating: 3,
      createdAt: new Date('2026-11-26T07:05:00Z'),
    },
  });
  await db.attempt.create({
    data: {
      userId,
      generatorId: `bank:${tag}`,
      version: 2,
      seed: 8,
      topic: 'nacl',
      kind: 'multiple',
      response: JSON.stringify(['a', 'c']),
      correct: false,
      mistake: 'stateful-nacl',
      timeTakenMs: 9000,
      createdAt: new Date('2026-11-26T07:06:00Z'),
    },
  });
  await db.card.create({
    data: {
      userId,
      itemId: 'cidr-usable-ips',
      topic: 'vpc-cidr',
      due: new Date('2026-11-29T07:05:00Z'),
      stability: 3.2,
      difficulty: 5.1,
      elapsedDays: 0,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 'Review',
      lastReview: new Date('2026-11-26T07:05:00Z'),
    },
  });
  await db.dailyActivity.create({ data: { userId, day: '2026-11-26', attempts: 2, correct: 1 } });
  await db.topicDay.createMany({
    data: [
      { userId, day: '2026-11-26', topic: 'vpc-cidr', attempts: 1, correct: 1 },
      { userId, day: '2026-11-26', topic: 'nacl', attempts: 1, correct: 0 },
    ],
  });
}

let exportId = '';
let doomedId = '';
let bystanderId = '';

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { in: Object.values(EMAILS) } } });
  exportId = await newUser(EMAILS.export);
  doomedId = await newUser(EMAILS.doomed);
  bystanderId = await newUser(EMAILS.bystander);
  await db.user.update({ where: { id: exportId }, data: { timeZone: 'Europe/Paris', dailySize: 20, desiredRetention: 0.85 } });
  await fillTables(exportId, 'export');
  await fillTables(doomedId, 'doomed');
  await fillTables(bystanderId, 'bystander');
});
afterAll(async () => {
  await db.user.deleteMany({ where: { email: { in: Object.values(EMAILS) } } });
  await db.$disconnect();
});

describe('the per-user tables this file checks', () => {
  it('are every model of the schema besides User (a new model must be added to the export and to these checks)', () => {
    expect(Object.keys(PER_USER_MODELS).sort()).toEqual(Object.values(Prisma.ModelName).filter((m) => m !== 'User').sort());
  });
});

describe('exporting a user’s data', () => {
  it('holds every row of every table for the user, with stored JSON parsed back', async () => {
    const data = await exportUserData(exportId, NOW);
    if (!data) throw new Error('no export');
    expect(data).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2026-11-26T10:00:00.000Z' });
    expect(data.profile).toMatchObject({ id: exportId, email: EMAILS.export, name: 'Test Learner', role: 'student' });
    expect(data.settings).toEqual({ timeZone: 'Europe/Paris', dailySize: 20, desiredRetention: 0.85 });
    expect(data.lessonProgress).toEqual([
      { lessonSlug: 'nacl', readAt: '2026-11-21T08:00:00.000Z' },
      { lessonSlug: 'vpc-cidr', readAt: '2026-11-20T08:00:00.000Z' },
    ]);

    const quiz = await db.dailyQuiz.findFirstOrThrow({ where: { userId: exportId } });
    expect(data.dailyQuizzes).toEqual([
      { id: quiz.id, day: '2026-11-26', items: [{ itemId: 'cidr-usable-ips', seed: 7, reason: 'new' }], finishedAt: null, createdAt: '2026-11-26T07:00:00.000Z' },
    ]);
    expect(data.attempts).toHaveLength(2);
    expect(data.attempts[0]).toMatchObject({ generatorId: 'cidr-usable-ips', response: 251, correct: true, source: 'daily', quizId: quiz.id, position: 0, rating: 3 });
    expect(data.attempts[1]).toMatchObject({ generatorId: 'bank:export', response: ['a', 'c'], correct: false, mistake: 'stateful-nacl', quizId: null });
    expect(data.cards).toEqual([
      expect.objectContaining({ itemId: 'cidr-usable-ips', due: '2026-11-29T07:05:00.000Z', lastReview: '2026-11-26T07:05:00.000Z', state: 'Review', reps: 1, revision: 0 }),
    ]);
    expect(data.dailyActivity).toEqual([{ day: '2026-11-26', attempts: 2, correct: 1 }]);
    expect(data.topicDays).toEqual([
      { day: '2026-11-26', topic: 'nacl', attempts: 1, correct: 0 },
      { day: '2026-11-26', topic: 'vpc-cidr', attempts: 1, correct: 1 },
    ]);

    // As many rows as the database holds for the user, table by table.
    const counts = await rowCounts(exportId);
    expect({
      LessonProgress: data.lessonProgress.length,
      Attempt: data.attempts.length,
      Card: data.cards.length,
      DailyQuiz: data.dailyQuizzes.length,
      DailyActivity: data.dailyActivity.length,
      TopicDay: data.topicDays.length,
    }).toEqual(Object.fromEntries(Object.entries(counts).filter(([model]) => model !== 'User')));
  });

  it('never contains the password hash nor another user’s rows, and is plain JSON', async () => {
    const data = await exportUserData(exportId, NOW);
    const text = JSON.stringify(data);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: exportId }, select: { passwordHash: true } });
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain(passwordHash);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(EMAILS.bystander);
    expect(text).not.toContain('bank:bystander');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('is null for a user that does not exist', async () => {
    expect(await exportUserData('no-such-user', NOW)).toBeNull();
  });
});

describe('deleting an account', () => {
  it('with the wrong password deletes nothing and says why', async () => {
    const before = await rowCounts(doomedId);
    expect(await deleteAccount(doomedId, EMAILS.doomed, 'not the password at all')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await rowCounts(doomedId)).toEqual(before);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
  });

  it('with another email deletes nothing and says why, even with the right password', async () => {
    const before = await rowCounts(doomedId);
    expect(await deleteAccount(doomedId, EMAILS.bystander, PASSWORD)).toEqual({ ok: false, reason: 'email-mismatch' });
    expect(await rowCounts(doomedId)).toEqual(before);
  });

  it('with the email (any case) and the right password leaves no row of the user in any table, and other users untouched', async () => {
    const othersBefore = [await rowCounts(exportId), await rowCounts(bystanderId)];
    expect(await deleteAccount(doomedId, `  ${EMAILS.doomed.toUpperCase()} `, PASSWORD)).toEqual({ ok: true });
    expect(await rowCounts(doomedId)).toEqual({ User: 0, LessonProgress: 0, Attempt: 0, Card: 0, DailyQuiz: 0, DailyActivity: 0, TopicDay: 0 });
    expect(await db.user.count({ where: { email: EMAILS.doomed } })).toBe(0);
    expect([await rowCounts(exportId), await rowCounts(bystanderId)]).toEqual(othersBefore);
  });

  it('a second time finds no account', async () => {
    expect(await deleteAccount(doomedId, EMAILS.doomed, PASSWORD)).toEqual({ ok: false, reason: 'not-found' });
  });
});
