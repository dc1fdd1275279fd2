import { expect, test, type Page } from '@playwright/test';
import { signUp, uniqueEmail } from './support';
import { rebuild } from './questions';
import { testDb } from './db';
import type { Question } from '../../lib/questions';

async function shownQuestion(page: Page): Promise<Question> {
  const card = page.getByTestId('question');
  await expect(card).toBeVisible();
  const id = await card.getAttribute('data-generator-id');
  const seed = Number(await card.getAttribute('data-seed'));
  return rebuild(id ?? '', seed);
}

/** Answer with the keyboard only: digits pick choices, text goes in the focused box, Enter checks. */
async function answerWithKeyboard(page: Page, q: Question, response: string | string[] | number) {
  if (q.kind === 'number' || q.kind === 'text') {
    await expect(page.getByLabel(/Your answer/)).toBeFocused();
    await page.keyboard.type(String(response));
  } else {
    const ids = Array.isArray(response) ? response : [String(response)];
    for (const id of ids) await page.keyboard.press(String((q.choices ?? []).findIndex((c) => c.id === id) + 1));
  }
  await page.keyboard.press('Enter');
}

/** A session seed whose first five questions include a computed one we can answer wrong on purpose. */
async function seedWithNamedMistake(page: Page, scope: string): Promise<number> {
  for (let seed = 1; seed < 200; seed++) {
    for (let index = 0; index < 5; index++) {
      const res = await page.request.post('/api/practice/next', { data: { scope, sessionSeed: seed, index } });
      const { question } = (await res.json()) as { question: { generatorId: string; seed: number } };
      const q = rebuild(question.generatorId, question.seed);
      if (q.explanation.steps.length > 0 && q.mistakes.length > 0 && q.kind !== 'multiple') return seed;
    }
  }
  throw new Error(`no session of ${scope} has a computed question with a named mistake`);
}

test('a student practises 5 questions with the keyboard, gets one wrong on purpose, sees the named mistake and the steps; attempts are stored', async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);

  const nextPayloads: string[] = [];
  page.on('response', async (res) => {
    if (res.url().endsWith('/api/practice/next')) nextPayloads.push(await res.text());
  });

  const seed = await seedWithNamedMistake(page, 'vpc-cidr');
  await page.goto(`/practice/vpc-cidr?seed=${seed}&n=5`);
  let wrongOnPurpose = 0;
  for (let i = 0; i < 5; i++) {
    const q = await shownQuestion(page);
    // Before answering, neither the page nor its payloads carry the key or the explanation.
    const html = await page.content();
    expect(html).not.toContain(q.explanation.summary.slice(0, 40));
    const mistake = q.mistakes[0];
    const goWrong = wrongOnPurpose === 0 && q.explanation.steps.length > 0 && mistake !== undefined && q.kind !== 'multiple';
    await answerWithKeyboard(page, q, goWrong && mistake ? mistake.match : q.answer);
    const feedback = page.getByTestId('feedback');
    await expect(feedback).toBeVisible();
    if (goWrong && mistake) {
      wrongOnPurpose += 1;
      await expect(feedback.getByRole('heading', { name: '✗ Not quite' })).toBeVisible();
      await expect(page.getByTestId('mistake')).toContainText(mistake.name);
      await expect(page.getByTestId('worked-steps')).toBeVisible();
    } else {
      await expect(feedback.getByRole('heading', { name: '✓ Correct' })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: i === 4 ? 'See results' : 'Next question' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  expect(wrongOnPurpose).toBe(1);
  await expect(page.getByText('You answered 4 of 5 correctly.')).toBeVisible();

  expect(nextPayloads).toHaveLength(5);
  for (const body of nextPayloads) expect(body).not.toMatch(/"(answer|explanation|mistakes|feedback|tolerance)"/);

  await page.goto('/lessons');
  await expect(page.getByTestId('status-vpc-cidr')).toHaveText('Practised');
  await expect(page.getByTestId('status-nacls')).toHaveText('Not started');

  const db = testDb();
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const attempts = await db.attempt.findMany({ where: { userId: user.id } });
    expect(attempts).toHaveLength(5);
    expect(attempts.filter((a) => !a.correct)).toHaveLength(1);
    expect(attempts.find((a) => !a.correct)?.mistake).toBeTruthy();
    expect(attempts.every((a) => a.topic === 'vpc-cidr' && a.timeTakenMs >= 0)).toBe(true);
  } finally {
    await db.$disconnect();
  }
});

test('the same answer submitted twice records one attempt', async ({ page, request }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  const body = { generatorId: 'cidr-usable-ips', version: 1, seed: 777, response: rebuild('cidr-usable-ips', 777).answer, timeTakenMs: 1000 };
  const first = await page.request.post('/api/practice/answer', { data: body });
  const second = await page.request.post('/api/practice/answer', { data: body });
  expect(first.status()).toBe(200);
  expect((await second.json()).duplicate).toBe(true);
  const db = testDb();
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
  // Bad input is a 4xx with a message, never a 500.
  const junk = await request.post('/api/practice/answer', { data: { generatorId: 'cidr-usable-ips', version: 1, seed: -5 } });
  expect(junk.status()).toBe(400);
  const unknown = await request.post('/api/practice/answer', { data: { ...body, generatorId: 'nope' } });
  expect(unknown.status()).toBe(404);
  const outdated = await request.post('/api/practice/answer', { data: { ...body, version: 999 } });
  expect(outdated.status()).toBe(409);
});

test('a guest can practise; answers are graded but not saved', async ({ page }) => {
  await page.goto('/practice/all?seed=99&n=2');
  await expect(page.getByText('You are practising as a guest')).toBeVisible();
  const q = await shownQuestion(page);
  await answerWithKeyboard(page, q, q.answer);
  await expect(page.getByTestId('feedback')).toContainText('Correct');
  await expect(page.getByText('Saved to your progress.')).toHaveCount(0);
});
