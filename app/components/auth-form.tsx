'use client';
import { signIn } from 'next-auth/react';
import { useId, useState } from 'react';
import { ZSignIn, ZSignUp } from '@/lib/validation/auth';
import { signInErrorMessage } from '@/lib/auth-messages';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/** Sign-in and sign-up form: checks fields as the server would, then shows each error in words. */
export function AuthForm({ mode, returnTo }: { mode: 'signin' | 'signup'; returnTo: string }) {
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitLabel = mode === 'signin' ? 'Sign in' : 'Sign up';

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
    const parsed = (mode === 'signin' ? ZSignIn : ZSignUp).safeParse(input);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'email' || field === 'password') && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      setFormError(null);
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      if (mode === 'signup') {
        const res = await fetch('/api/signup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { message?: string; fieldErrors?: FieldErrors };
          setErrors(body.fieldErrors ?? {});
          setFormError(body.fieldErrors ? null : (body.message ?? 'Sign-up failed. Please try again.'));
          return;
        }
      }
      const result = await signIn('credentials', { ...input, redirect: false });
      if (!result || result.error) {
        const message = signInErrorMessage(result?.error);
        if (result?.error === 'unknown-email') setErrors({ email: message });
        else if (result?.error === 'wrong-password') setErrors({ password: message });
        else setFormError(message);
        return;
      }
      // A full page load, so the next page is rendered with the new session cookie.
      window.location.assign(returnTo);
    } catch {
      setFormError('The server could not be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    // method="post": if the form is submitted before the page is interactive, the password never lands in the URL.
    <form className="stack" method="post" noValidate onSubmit={onSubmit} aria-busy={busy}>
      {formError && (
        <p className="alert error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${id}-email-error` : undefined}
        />
        {errors.email && (
          <p className="field-error" id={`${id}-email-error`} role="alert">
            {errors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={`${id}-password-hint${errors.password ? ` ${id}-password-error` : ''}`}
        />
        {mode === 'signup' && (
          <p className="hint" id={`${id}-password-hint`}>
            At least 10 characters; avoid common passwords.
          </p>
        )}
        {errors.password && (
          <p className="field-error" id={`${id}-password-error`} role="alert">
            {errors.password}
          </p>
        )}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? `${submitLabel}…` : submitLabel}
      </button>
    </form>
  );
}
