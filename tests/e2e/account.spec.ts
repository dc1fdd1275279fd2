import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, signUp, uniqueEmail } from './support';
import { testDb } from './db';

// The browser's own zone, so the "Use my time zone" button has something to offer.
test.use({ timezoneId: 'Asia/Tokyo' });

const size = (page: Page) => page.getByLabel('Questions per daily quiz', { exact: true });
const retention = (page: Page) => page.getByLabel('Desired retention (%)', { exact: true });
const zone = (page: Page) => page.getByLabel('Time zone', { exact: true });

test('a student changes their daily practice settings and finds them kept after a reload', async ({ page }) => {
  await signUp(page, uniqueEmail('settings'), PASSWORD, '/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await expect(size(page)).toHaveValue('15');
  await expect(retention(page)).toHaveValue('90');
  await expect(zone(page)).toHaveValue('UTC');
  await expect(page.getByText('a new size applies from your next daily quiz')).toBeVisible();

  await size(page).fill('5');
  await retention(page).fill('85');
  await zone(page).selectOption('America/New_York');
  await page.getByRole('button', { name: 'Use my time zone (Asia/Tokyo)' }).click();
  await expect(zone(page)).toHaveValue('Asia/Tokyo');
  await expect(page.getByRole('button', { name: /Use my time zone/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await page.reload();
  await expect(size(page)).toHaveValue('5');
  await expect(retention(page)).toHaveValue('85');
  await expect(zone(page)).toHaveValue('Asia/Tokyo');
  const saved = await page.request.get('/api/me/settings');
  expect(await saved.json()).toEqual({ dailySize: 5, desiredRetention: 0.85, timeZone: 'Asia/Tokyo' });

  // The slider moves the same setting.
  await page.getByLabel('Questions per daily quiz, slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(size(page)).toHaveValue('6');
});

test('out-of-range settings get a plain-word field error and are not saved', async ({ page }) => {
  await signUp(page, uniqueEmail('settings-bad'), PASSWORD, '/settings');
  await size(page).fill('51');
  await retention(page).fill('98');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Choose between 5 and 50 questions a day.')).toBeVisible();
  await expect(page.getByText('Choose a desired retention between 80% and 97%.')).toBeVisible();
  await expect(size(page)).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(size(page)).toHaveValue('15');
  await expect(retention(page)).toHaveValue('90');

  // The API checks the same rules itself and names the field; bad input is never a 500.
  const tooSmall = await page.request.put('/api/me/settings', { data: { dailySize: 4, desiredRetention: 0.9, timeZone: 'UTC' } });
  expect(tooSmall.status()).toBe(400);
  expect(await tooSmall.json()).toMatchObject({ field: 'dailySize', message: 'Choose between 5 and 50 questions a day.' });
  const badZone = await page.request.put('/api/me/settings', { data: { dailySize: 10, desiredRetention: 0.9, timeZone: 'Mars/Olympus_Mons' } });
  expect(badZone.status()).toBe(400);
  expect(await badZone.json()).toMatchObject({ field: 'timeZone', message: 'Choose a time zone from the list, like Europe/Paris.' });
  const notJson = await page.request.put('/api/me/settings', { headers: { 'content-type': 'application/json' }, data: '{oops' });
  expect(notJson.status()).toBe(400);
});

test('signed-out visitors get 401 from the account endpoints and are sent to sign in from the page', async ({ page, request }) => {
  expect((await request.get('/api/me/settings')).status()).toBe(401);
  expect((await request.put('/api/me/settings', { data: { dailySize: 10, desiredRetention: 0.9, timeZone: 'UTC' } })).status()).toBe(401);
  expect((await request.get('/api/me/export')).status()).toBe(401);
  expect((await request.delete('/api/me/account', { data: { confirmEmail: 'a@example.com', password: PASSWORD } })).status()).toBe(401);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
});

test('a student downloads their data as a JSON file without the password hash', async ({ page }) => {
  const email = uniqueEmail('export');
  await signUp(page, email, PASSWORD, '/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^netprep-data-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const data = JSON.parse(text) as { format: string; profile: { email: string }; settings: { dailySize: number }; attempts: unknown[] };
  expect(data.format).toBe('netprep-data');
  expect(data.profile.email).toBe(email);
  expect(data.settings.dailySize).toBe(15);
  expect(data.attempts).toEqual([]);
  expect(text).not.toContain('passwordHash');
  expect(text).not.toContain('$argon2');

  const direct = await page.request.get('/api/me/export');
  expect(direct.headers()['cache-control']).toContain('no-store');
  expect(direct.headers()['content-disposition']).toMatch(/^attachment; filename="netprep-data-\d{4}-\d{2}-\d{2}\.json"$/);
});

test('a student deletes their account: a wrong password is refused, the right one deletes it and signs them out', async ({ page }) => {
  const email = uniqueEmail('delete');
  await signUp(page, email, PASSWORD, '/settings');
  const confirmEmail = page.getByLabel('Type your email to confirm');
  const password = page.getByLabel('Your password');
  const start = page.getByRole('button', { name: 'Delete my account…' });
  const yes = page.getByRole('button', { name: 'Yes, delete my account' });

  // Nothing is sent before both fields are filled and the deletion confirmed.
  await start.click();
  await expect(page.getByText('Type the email address of this account to confirm.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();

  await confirmEmail.fill(email);
  await password.fill('not my password at all');
  await start.click();
  await expect(page.getByText('Delete your account and all its data now? This cannot be undone.')).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(start).toBeFocused();
  await start.click();
  await yes.click();
  await expect(page.getByText('That password is not right. Nothing was deleted.')).toBeVisible();
  await expect(password).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('user-email')).toHaveText(email);

  await confirmEmail.fill(uniqueEmail('someone-else'));
  await password.fill(PASSWORD);
  await start.click();
  await yes.click();
  await expect(page.getByText('That is not the email address of this account.')).toBeVisible();

  await confirmEmail.fill(email.toUpperCase());
  await start.click();
  await yes.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Your account and all its data have been deleted.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('user-email')).toHaveCount(0);

  const db = testDb();
  try {
    expect(await db.user.count({ where: { email } })).toBe(0);
  } finally {
    await db.$disconnect();
  }

  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('No account uses this email. Check the spelling, or sign up.')).toBeVisible();
});

test('the settings page fits a 375 px phone and the header links to it', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page, uniqueEmail('settings-phone-with-a-rather-long-address'), PASSWORD, '/lessons');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete my account…' }).scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
