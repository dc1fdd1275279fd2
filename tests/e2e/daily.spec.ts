import { expect, test, type Page } from '@playwright/test';
import { signUp, uniqueEmail } from './support';
import { rebuild } from './questions';
import { testDb } from './db';
import type { Question, Response } from '../../lib/questions';

/** The question on screen, rebuilt from its generator and seed so the test knows its key. */
async function shownQuestion(page: Page): Promise<Question> {
  const card = page.getByTestId('question');
  await expect(card).toBeVisible();
  const id = await card.getAttribute('data-generator-id');
  const seed = Number(await card.getAttribute('data-seed'));
  return rebuild(id ?? '', seed);
}

/** A response the key does not accept: a named mistake when the question has one, else a wrong pick. */
function wrongResponse(q: Question): { response: Response; mistake: string | null } {
  const mistake = q.mistakes.find((m) => q.kind !== 'multiple' && q.kind !== 'order' && m.match !== q.answer);
  if (mistake) return { response: mistake.match, mistake: mistake.name };
  const ids = (q.choices ?? []).map((c) => c.id);
  switch (q.kind) {
    case 'single':
      return { response: ids.find((id) => id !== q.answer) ?? '', mistake: null };
    case 'multiple': {
      const key = q.answer as string[];
      const outside = ids.find((id) => !key.includes(id));
      return { response: outside ? [outside] : key.slice(1), mistake: null };
    }
    case 'order':
      return { response: (q.answer as string[]).slice().reverse(), mistake: null };
    case 'number':
      return { response: (q.answer as number) + (q.tolerance ?? 0) + 1, mistake: null };
    case 'text':
      throw new Error(`${q.generatorId} (text) has no named mistake to answer wrong with`);
  }
}

/** Answer with the keyboard where the page allows it (digits pick, typing fills the box), Enter checks. */
async function answer(page: Page, q: Question, response: Response) {
  if (q.kind === 'number' || q.kind === 'text') {
    await expect(page.getByLabel(/Your answer/)).toBeFocused();
    await page.keyboard.type(String(response));
  } else if (q.kind === 'order') {
    const text = (id: string) => q.choices?.find((c) => c.id === id)?.text ?? id;
    const wanted = (response as string[]).map(text);
    const items = page.getByRole('list', { name: 'Put these in order' }).getByRole('listitem');
    for (let i = 0; i < wanted.length; i++) {
      const now = (await items.allTextContents()).map((t) => t.replace(/[↑↓]/g, '').trim());
      for (let j = now.indexOf(wanted[i] ?? ''); j > i; j--) await page.getByRole('button', { name: `Move up: ${wanted[i]}` }).click();
    }
    // Focus sits on a move button, where Enter would move again: check with the button instead.
    await page.getByRole('button', { name: 'Check answer' }).click();
    return;
  } else {
    const ids = Array.isArray(response) ? response : [String(response)];
    for (const id of ids) await page.keyboard.press(String((q.choices ?? []).findIndex((c) => c.id === id) + 1));
  }
  await page.keyboard.press('Enter');
}

/** Nothing sticks out sideways: the page is no wider than the viewport. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(viewport);
}

const dotStates = (page: Page) => page.getByTestId('daily-dot').evaluateAll((dots) => dots.map((d) => d.getAttribute('data-state')));

test('a student reads a lesson, does the daily quiz across a reload, finishes it and sees the streak on the progress page', async ({ page }) => {
  // Ten page loads and 5 graded answers; a dev server compiles each page on its first visit.
  test.setTimeout(120_000);
  const email = uniqueEmail('daily');
  await signUp(page, email);
  const db = testDb();
  try {
    // A short quiz: it is composed on the first visit of the day, so set the size before that.
    const user = await db.user.update({ where: { email }, data: { dailySize: 5 }, select: { id: true } });

    await page.goto('/lessons/vpc-cidr');
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await expect(page.getByText('You have read this lesson.')).toBeVisible();

    await page.goto('/practice');
    await page.getByTestId('daily-entry').getByRole('link', { name: 'Start today’s practice' }).click();
    await expect(page).toHaveURL(/\/practice\/daily$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Daily practice' })).toBeVisible();
    await expect(page.getByTestId('daily-counter')).toHaveText('Question 1 of 5');
    await expect(page.getByRole('progressbar', { name: 'Daily quiz progress' })).toBeVisible();
    // Nothing is due yet, so the quiz opens with a question from the lesson just read.
    await expect(page.getByTestId('daily-reason')).toContainText('New from a lesson you read');

    // Question 1: right.
    const q1 = await shownQuestion(page);
    await answer(page, q1, q1.answer);
    await expect(page.getByTestId('feedback').getByRole('heading', { name: '✓ Correct' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Question 2: wrong on purpose.
    await expect(page.getByTestId('daily-counter')).toHaveText('Question 2 of 5');
    const q2 = await shownQuestion(page);
    const wrong = wrongResponse(q2);
    await answer(page, q2, wrong.response);
    await expect(page.getByTestId('feedback').getByRole('heading', { name: '✗ Not quite' })).toBeVisible();
    await expect(page.getByTestId('key')).toBeVisible();
    if (wrong.mistake) await expect(page.getByTestId('mistake')).toContainText(wrong.mistake);
    expect(await dotStates(page)).toEqual(['right', 'wrong', 'todo', 'todo', 'todo']);

    // Reload mid-quiz, on a phone-sized screen: the page continues at the third question the
    // server stored, not at the first, and fits the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    const stored = (await (await page.request.get('/api/practice/daily')).json()) as {
      day: string;
      current: number;
      question: { generatorId: string; seed: number };
    };
    expect(stored.current).toBe(2);
    await page.reload();
    await expect(page.getByTestId('daily-counter')).toHaveText('Question 3 of 5');
    const card = page.getByTestId('question');
    await expect(card).toHaveAttribute('data-generator-id', stored.question.generatorId);
    await expect(card).toHaveAttribute('data-seed', String(stored.question.seed));
    expect(await dotStates(page)).toEqual(['right', 'wrong', 'current', 'todo', 'todo']);
    await expect(page.getByText('Question 2: answered wrong')).toBeAttached();
    await expectNoSidewaysScroll(page);

    // Questions 3 to 5: right.
    for (let n = 3; n <= 5; n++) {
      await expect(page.getByTestId('daily-counter')).toHaveText(`Question ${n} of 5`);
      const q = await shownQuestion(page);
      await answer(page, q, q.answer);
      await expect(page.getByTestId('feedback').getByRole('heading', { name: '✓ Correct' })).toBeVisible();
      await expect(page.getByRole('button', { name: n === 5 ? 'See results' : 'Next question' })).toBeFocused();
      await page.keyboard.press('Enter');
    }

    const done = page.getByTestId('daily-complete');
    await expect(done).toContainText('You got 4 of 5 right.');
    await expect(done.getByTestId('daily-streak-current')).toHaveText('1');
    await expect(done.getByTestId('daily-streak-longest')).toHaveText('1');
    await expectNoSidewaysScroll(page);

    // Every answer is stored once, against its quiz position, and the quiz is finished.
    const attempts = await db.attempt.findMany({ where: { userId: user.id }, select: { source: true, position: true, correct: true } });
    expect(attempts.map((a) => a.position).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(attempts.every((a) => a.source === 'daily')).toBe(true);
    expect(attempts.filter((a) => !a.correct).map((a) => a.position)).toEqual([1]);
    const quiz = await db.dailyQuiz.findUniqueOrThrow({ where: { userId_day: { userId: user.id, day: stored.day } }, select: { finishedAt: true } });
    expect(quiz.finishedAt).not.toBeNull();

    // A reload after the end shows the completion card again, not a new quiz.
    await page.reload();
    await expect(page.getByTestId('daily-complete')).toContainText('You got 4 of 5 right.');

    await done.getByRole('link', { name: 'See your progress' }).click();
    await expect(page).toHaveURL(/\/progress$/);
    await expect(page.getByTestId('streak-current')).toHaveText('1');
    // The user's zone is UTC (the default), so the quiz day is today in UTC.
    expect(stored.day).toBe(new Date().toISOString().slice(0, 10));
    const today = page.locator(`[data-testid="heatmap-day"][data-day="${stored.day}"]`);
    await expect(today).toHaveAttribute('data-count', /^[1-9]\d*$/);
    const mastery = page.getByTestId('mastery-vpc-cidr');
    await expect(mastery).toHaveAttribute('data-value', /\d/);
    expect(Number(await mastery.getAttribute('data-value'))).toBeGreaterThan(0);
  } finally {
    await db.$disconnect();
  }
});

test('a guest who opens the daily practice is sent to sign in and comes back to it', async ({ page }) => {
  await page.goto('/practice/daily');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpractice%2Fdaily/);
  const res = await page.request.get('/api/practice/daily');
  expect(res.status()).toBe(401);
  expect(((await res.json()) as { message: string }).message).toMatch(/Sign in/);
});
