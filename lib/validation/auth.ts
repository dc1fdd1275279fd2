/** zod schemas for the account forms and the user CLI. */
import { z } from 'zod';
import { ROLES } from '@/lib/roles';

export const PASSWORD_MIN_LENGTH = 10;

/** Passwords people pick first; refused whatever their length. */
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', '1234567890', '12345678910',
  'qwertyuiop', 'qwerty1234', 'qwerty12345', 'iloveyou123', 'letmein123', 'welcome123', 'abcdefghij',
  'administrator', 'passw0rd123', 'netprep123', 'aaaaaaaaaa', '0123456789', 'football123',
]);

export const ZEmail = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

export const ZNewPassword = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`)
  .max(200, 'Use at most 200 characters for your password.')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'That password is too common; choose one that is harder to guess.')
  .refine((p) => new Set(p).size >= 4, 'That password repeats too few characters; choose one that is harder to guess.');

export const ZSignUp = z.object({
  email: ZEmail,
  password: ZNewPassword,
  name: z.string().trim().max(80, 'Use at most 80 characters for your name.').optional(),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200, 'That password is too long.'),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZRole = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}.` });
