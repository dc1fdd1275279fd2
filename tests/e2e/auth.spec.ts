import { expect, test } from '@playwright/test';
import { PASSWORD, signIn, signUp, uniqueEmail, userCli } from './support';

test('a visitor signs up, signs out, signs in and sees their email in the header', async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await expect(page).toHaveURL(/\/lessons$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('user-email')).toHaveCount(0);
  await signIn(page, email);
});

test('each sign-up and sign-in mistake gets its own message on the form', async ({ page }) => {
  const email = uniqueEmail();
  await page.goto('/signup');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText('Enter a valid email address, like name@example.com.')).toBeVisible();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText('Use at least 10 characters for your password.')).toBeVisible();

  await signUp(page, email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();

  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That password is not right for this email. Try again.')).toBeVisible();

  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('No account uses this email. Check the spelling, or sign up.')).toBeVisible();
});

test('an anonymous visitor is sent from a member page to sign-in and back', async ({ page }) => {
  await page.goto('/progress');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogress$/);
  const email = uniqueEmail();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Fprogress$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/progress$/);
});

test('a student gets a 403 page on an instructor page; an admin made by the CLI gets in', async ({ page }) => {
  await signUp(page, uniqueEmail());
  await expect(page.getByRole('link', { name: 'Instructor' })).toHaveCount(0);
  const response = await page.goto('/instructor');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  const admin = uniqueEmail('admin');
  expect(userCli('create', '--email', admin, '--role', 'admin', '--password', PASSWORD)).toContain(`created ${admin} with role admin`);
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Instructor' }).click();
  await expect(page.getByRole('heading', { name: 'Instructor', level: 1 })).toBeVisible();
});

test('unknown pages get the 404 page and the health check answers with the database status', async ({ page, request }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: { ok: true } });
});

test('the header fits a 375 px phone and keyboard focus is visible', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const outline = await page.getByRole('link', { name: 'Skip to content' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
