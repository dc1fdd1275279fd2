import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signUp, uniqueEmail } from './support';

test('a student searches "NACL", uses the playground, marks the lesson read and sees it in the outline', async ({ page }) => {
  await signUp(page, uniqueEmail());
  await page.goto('/lessons');
  await expect(page.getByTestId('status-nacls')).toHaveText('Not started');

  await page.getByLabel('Search lessons').fill('NACL');
  const result = page.locator('.search-results').getByRole('link', { name: 'Network ACLs' });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Network ACLs' })).toBeVisible();

  const playground = page.getByTestId('widget-nacl');
  await playground.scrollIntoViewIfNeeded();
  await playground.getByLabel('Protocol').selectOption('tcp');
  await playground.getByLabel('Port').fill('443');
  await playground.getByLabel('Remote address').fill('198.51.100.7');
  await playground.getByRole('button', { name: 'Evaluate' }).click();
  await expect(playground.getByTestId('nacl-verdict')).toHaveText(/Allowed by rule 300/);

  await playground.getByLabel('Port').fill('22');
  await playground.getByLabel('Remote address').fill('203.0.113.9');
  await playground.getByRole('button', { name: 'Evaluate' }).click();
  await expect(playground.getByTestId('nacl-verdict')).toHaveText(/Denied by rule 100/);

  await page.getByRole('button', { name: 'Mark as read' }).click();
  await expect(page.getByText('You have read this lesson.')).toBeVisible();

  await page.goto('/lessons');
  await page.reload();
  await expect(page.getByTestId('status-nacls')).toHaveText('Read');
  await expect(page.getByTestId('status-vpc-cidr')).toHaveText('Not started');
});

test('a lesson has a table of contents, maths, a diagram, previous/next links and a practice link', async ({ page }) => {
  await page.goto('/lessons/vpc-cidr');
  await expect(page.getByRole('heading', { name: 'On this page' })).toBeVisible();
  const workedLink = page.locator('.lesson-toc a', { hasText: /^Worked example/ }).first();
  await workedLink.click();
  await expect(page).toHaveURL(/#worked-example/);
  await expect(page.locator('.katex').first()).toBeAttached();
  await expect(page.locator('img.diagram').first()).toHaveAttribute('alt', /.{10,}/);
  await expect(page.getByRole('link', { name: /IPv6/ }).last()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Practise this topic' })).toHaveAttribute('href', '/practice/vpc-cidr');
  await expect(page.getByText('Sign in to mark lessons as read.')).toBeVisible();
});

test('the CIDR calculator and the cross-zone calculator answer in the page, and junk gets an inline error', async ({ page }) => {
  await page.goto('/lessons/vpc-cidr');
  const cidr = page.getByTestId('widget-cidr');
  await expect(cidr).toContainText('27');
  await cidr.getByRole('textbox').first().fill('10.0.0.300/24');
  await expect(cidr.getByRole('alert').first()).toBeVisible();

  await page.goto('/lessons/elb');
  const xz = page.getByTestId('widget-cross-zone');
  await expect(xz).toContainText('each target in zone A gets 10 %, each target in zone B gets 10 %');
  await xz.getByRole('switch').press('Space');
  await expect(xz).toContainText('each target in zone A gets 25 %, each target in zone B gets 6.25 %');
  await xz.getByRole('button', { name: 'Add a target to zone A' }).click();
  await expect(xz).toContainText('each target in zone A gets 16.67 %');
});

test('unknown lessons get the 404 page', async ({ page }) => {
  const res = await page.goto('/lessons/ec2-classic');
  expect(res?.status()).toBe(404);
});

for (const path of ['/', '/lessons', '/lessons/nacls', '/lessons/elb', '/lessons/vpc-cidr', '/signin', '/signup']) {
  test(`${path} passes an automated accessibility check with no serious violations`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
    await context.close();
  });
}
