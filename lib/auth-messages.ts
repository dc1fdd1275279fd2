/** What the sign-in form says for each failure next-auth reports (codes from lib/server/auth.ts). */
export function signInErrorMessage(code: string | null | undefined): string {
  switch (code) {
    case 'unknown-email':
      return 'No account uses this email. Check the spelling, or sign up.';
    case 'wrong-password':
      return 'That password is not right for this email. Try again.';
    case 'invalid-input':
      return 'Enter a valid email address and your password.';
    default:
      return 'Sign-in failed. Please try again in a moment.';
  }
}

/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeReturnPath(value: unknown, fallback = '/lessons'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
