/** zod schemas for the settings page: daily practice settings and deleting the account. */
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/practice/day';
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from '@/lib/practice/schedule';
import { MAX_QUIZ_SIZE, MIN_QUIZ_SIZE } from '@/lib/practice/compose';

const percent = (r: number) => `${Math.round(r * 100)}%`;

/** Whether `n` has at most two decimals (0.85 yes, 0.855 no), allowing for binary rounding. */
function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;
}

/** The zone as Intl spells it ('europe/paris' → 'Europe/Paris'); only called on valid zones. */
function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

const SIZE_RANGE = `Choose between ${MIN_QUIZ_SIZE} and ${MAX_QUIZ_SIZE} questions a day.`;
const RETENTION_RANGE = `Choose a desired retention between ${percent(MIN_DESIRED_RETENTION)} and ${percent(MAX_DESIRED_RETENTION)}.`;

export const ZDailySize = z
  .number({ error: 'Enter how many questions you want in each daily quiz.' })
  .int(`Use a whole number of questions, between ${MIN_QUIZ_SIZE} and ${MAX_QUIZ_SIZE}.`)
  .min(MIN_QUIZ_SIZE, SIZE_RANGE)
  .max(MAX_QUIZ_SIZE, SIZE_RANGE);

export const ZDesiredRetention = z
  .number({ error: 'Enter your desired retention as a percentage, like 90%.' })
  .min(MIN_DESIRED_RETENTION, RETENTION_RANGE)
  .max(MAX_DESIRED_RETENTION, RETENTION_RANGE)
  .refine(hasAtMostTwoDecimals, 'Use a whole percentage for desired retention, like 85% (0.85).');

export const ZTimeZone = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .min(1, 'Choose a time zone.')
  .max(100, 'Choose a time zone from the list, like Europe/Paris.')
  .refine(isValidTimeZone, 'Choose a time zone from the list, like Europe/Paris.')
  .transform(canonicalTimeZone);

export const ZSettings = z.object({
  dailySize: ZDailySize,
  desiredRetention: ZDesiredRetention,
  timeZone: ZTimeZone,
});
export type TSettings = z.infer<typeof ZSettings>;
export type SettingsField = keyof TSettings;

export const ZDeleteAccount = z.object({
  confirmEmail: z
    .string({ error: 'Type the email address of this account to confirm.' })
    .trim()
    .toLowerCase()
    .min(1, 'Type the email address of this account to confirm.')
    .max(254, 'That email address is too long.'),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200, 'That password is too long.'),
});
export type TDeleteAccount = z.infer<typeof ZDeleteAccount>;
export type DeleteAccountField = keyof TDeleteAccount;

/** The first message for each field of a failed parse, for forms and 400 answers. */
export function fieldErrorsOf<F extends string>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form') as F;
    out[key] ??= issue.message;
  }
  return out;
}
