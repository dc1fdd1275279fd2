import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signUp, uniqueEmail } from './support';
import { rebuild } from './questions';

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(viewport);
}

test('a new student sees an encouraging, zeroed dashboard and nothing to practise among mistakes', async ({ page }) => {
  await signUp(page, uniqueEmail('progress'), undefined, '/progress');
  await page.goto('/progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing measured yet' })).toBeVisible();
  await expect(page.getByTestId('streak-current')).toHaveText('0');
  await expect(page.getByTestId('streak-longest')).toHaveText('0');
  await expect(page.getByTestId('readiness-overall')).toHaveText('0 %');
  await expect(page.getByTestId('heatmap-day')).toHaveCount(365);
  const today = new Date().toISOString().slice(0, 10); // the default zone is UTC
  await expect(page.locator(`[data-testid="heatmap-day"][data-day="${today}"]`)).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('mastery-vpc-cidr')).toHaveAttribute('data-value', '0');
  await expect(page.locator('[data-testid^="topic-row-"]')).toHaveCount(16);
  const actions = page.getByRole('navigation', { name: 'Practice and history' });
  await expect(actions.getByRole('link', { name: 'Daily practice' })).toHaveAttribute('href', '/practice/daily');
  await expect(actions.getByRole('link', { name: 'History' })).toHaveAttribute('href', '/progress/history');
  const mistakes = actions.getByRole('link', { name: 'Practise my mistakes' });
  await expect(mistakes).toHaveAttribute('aria-disabled', 'true');
  await expect(mistakes).not.toHaveAttribute('href', /.*/);
  await expect(page.getByText('Nothing to practise yet')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByTestId('heatmap-day')).toHaveCount(365);
  await expectNoSidewaysScroll(page);

  await page.goto('/practice/mistakes');
  await expect(page.getByRole('heading', { level: 1, name: 'Practise my mistakes' })).toBeVisible();
  await expect(page.getByTestId('no-mistakes')).toContainText('no mistakes to practise');
});

test('a student filters the history to wrong answers, reads the explanation and practises the mistake', async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('history');
  await signUp(page, email, undefined, '/progress');
  // Two answers through the answer endpoint, as the practice page sends them: one wrong with a
  // named mistake, then one right.
  let wrongQ = rebuild('cidr-usable-ips', 1);
  for (let seed = 2; wrongQ.kind !== 'single' || typeof wrongQ.mistakes[0]?.match !== 'string'; seed++) wrongQ = rebuild('cidr-usable-ips', seed);
  const mistake = wrongQ.mistakes[0]!;
  const rightQ = rebuild('endpoint-choice', 5);
  for (const [q, response] of [
    [wrongQ, mistake.match],
    [rightQ, rightQ.answer],
  ] as const) {
    const res = await page.request.post('/api/practice/answer', {
      data: { generatorId: q.generatorId, version: q.version, seed: q.seed, response, timeTakenMs: 12_000 },
    });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { saved: boolean }).saved).toBe(true);
  }
  const day = new Date().toISOString().slice(0, 10); // the default zone is UTC
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'Nothing measured yet' })).toHaveCount(0);
  await expect(page.locator(`[data-testid="heatmap-day"][data-day="${day}"]`)).toHaveAttribute('data-count', '2');
  // Each item was just reviewed (remembered now: 1), so mastery = 60 % × 1 + 40 % × recent accuracy.
  await expect(page.getByTestId('mastery-endpoints')).toHaveAttribute('data-value', '100');
  await expect(page.getByTestId('mastery-vpc-cidr')).toHaveAttribute('data-value', '60');
  await expect(page.getByTestId('topic-row-endpoints')).toContainText('100 %');
  await expect(page.locator('.chart svg').first()).toBeVisible(); // charts drawn in the browser
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('navigation', { name: 'Practice and history' }).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/progress\/history$/);
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(page.getByTestId('history-entry').first()).toHaveAttribute('data-topic', 'endpoints'); // newest first

  await page.getByLabel('Result').selectOption('wrong');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/result=wrong/);
  const entry = page.getByTestId('history-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('✗ Wrong');
  await expect(entry).toContainText('VPC and IPv4 CIDR');
  const pickedText = wrongQ.choices?.find((c) => c.id === mistake.match)?.text ?? '';
  await expect(entry.getByTestId('history-answer')).toHaveText(pickedText);
  await expect(entry.getByTestId('history-mistake')).toContainText(mistake.name);
  await entry.getByText('Question and explanation').click();
  await expect(entry.getByTestId('worked-steps')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const bad = await page.goto('/progress/history?result=maybe');
  expect(bad?.status()).toBe(200);
  await expect(page.locator('.alert.error')).toContainText('These filters cannot be used. The result filter must be “right” or “wrong”.');

  await page.goto('/progress');
  await page.getByRole('link', { name: 'Practise my mistakes' }).click();
  await expect(page).toHaveURL(/\/practice\/mistakes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Practise my mistakes' })).toBeVisible();
  // The only mistake so far is a cidr-usable-ips question: the session draws from it, with new numbers.
  await expect(page.getByTestId('question')).toHaveAttribute('data-generator-id', 'cidr-usable-ips');
});
