import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

let counter = 0;
/** A fresh email for each test run, so tests never collide with earlier data. */
export function uniqueEmail(prefix = 'student'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const PASSWORD = 'correct horse battery staple';

export async function signUp(page: Page, email: string, password = PASSWORD, returnTo = '/lessons') {
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('user-email')).toHaveText(email);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-email')).toHaveText(email);
}

/** Run the user CLI against the e2e database, as an operator would. */
export function userCli(...args: string[]): string {
  return execFileSync('npm', ['run', '-s', 'user', '--', ...args], { encoding: 'utf8', env: process.env });
}
