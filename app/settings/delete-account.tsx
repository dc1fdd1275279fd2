'use client';
import { signOut } from 'next-auth/react';
import { useId, useRef, useState } from 'react';
import { fieldErrorsOf, ZDeleteAccount, type DeleteAccountField } from '@/lib/validation/settings';
import { markAccountDeleted } from '../components/account-deleted-notice';

type FieldErrors = Partial<Record<DeleteAccountField, string>>;

/** Moves keyboard focus to the confirm question when it appears (a stable function, so only on mount). */
const focusOnMount = (el: HTMLElement | null) => el?.focus();

/**
 * The danger zone: type the account's email and password, confirm once more, and the account is
 * deleted on the server; then the session ends and the home page says so.
 */
export function DeleteAccount({ email }: { email: string }) {
  const id = useId();
  const [confirmEmail, setConfirmEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [step, setStep] = useState<'form' | 'confirm' | 'deleting' | 'deleted'>('form');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  function showErrors(next: FieldErrors) {
    setErrors(next);
    setStep('form');
    if (next.confirmEmail) emailRef.current?.focus();
    else if (next.password) passwordRef.current?.focus();
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZDeleteAccount.safeParse({ confirmEmail, password });
    setFormError(null);
    if (!parsed.success) {
      showErrors(fieldErrorsOf<DeleteAccountField>(parsed.error.issues));
      return;
    }
    setErrors({});
    setStep('confirm');
  }

  async function confirmDeletion() {
    setStep('deleting');
    setFormError(null);
    try {
      const res = await fetch('/api/me/account', {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ confirmEmail, password }),
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string; field?: string; fieldErrors?: FieldErrors };
      if (!res.ok) {
        const field = body.field === 'confirmEmail' || body.field === 'password' ? body.field : null;
        const next = body.fieldErrors ?? (field && body.message ? { [field]: body.message } : {});
        if (Object.keys(next).length > 0) {
          showErrors(next);
        } else {
          setFormError(body.message ?? 'Your account could not be deleted. Please try again.');
          setStep('form');
        }
        return;
      }
      setStep('deleted');
      markAccountDeleted();
      await signOut({ callbackUrl: '/' });
    } catch {
      setFormError('The server could not be reached. Nothing was deleted; check your connection and try again.');
      setStep('form');
    }
  }

  const busy = step === 'deleting' || step === 'deleted';
  return (
    <div className="danger-zone" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Delete my account</h3>
      <p>
        Deleting your account removes it and everything in it — your progress, answers, review schedule and daily
        quizzes — at once and for good. Download your data first if you want to keep a copy.
      </p>
      <form className="stack" method="post" noValidate onSubmit={onSubmit} aria-busy={busy}>
        {formError && (
          <p className="alert error" role="alert">
            {formError}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-email`}>Type your email to confirm</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="confirmEmail"
            type="email"
            autoComplete="off"
            inputMode="email"
            value={confirmEmail}
            readOnly={busy}
            onChange={(e) => {
              setConfirmEmail(e.target.value);
              if (step === 'confirm') setStep('form');
            }}
            aria-invalid={errors.confirmEmail ? true : undefined}
            aria-describedby={`${id}-email-hint${errors.confirmEmail ? ` ${id}-email-error` : ''}`}
          />
          <p className="hint" id={`${id}-email-hint`}>
            This account’s email is <strong>{email}</strong>.
          </p>
          {errors.confirmEmail && (
            <p className="field-error" id={`${id}-email-error`} role="alert">
              {errors.confirmEmail}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Your password</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            readOnly={busy}
            onChange={(e) => {
              setPassword(e.target.value);
              if (step === 'confirm') setStep('form');
            }}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${id}-password-error` : undefined}
          />
          {errors.password && (
            <p className="field-error" id={`${id}-password-error`} role="alert">
              {errors.password}
            </p>
          )}
        </div>
        {step === 'form' ? (
          <p>
            <button ref={startRef} type="submit" className="danger">
              Delete my account…
            </button>
          </p>
        ) : (
          <div className="confirm-panel" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`} className="confirm-question" tabIndex={-1} ref={focusOnMount}>
              {step === 'confirm' && 'Delete your account and all its data now? This cannot be undone.'}
              {step === 'deleting' && 'Deleting your account…'}
              {step === 'deleted' && 'Your account has been deleted. Signing you out…'}
            </p>
            <div className="confirm-actions">
              <button type="button" className="danger" disabled={busy} onClick={() => void confirmDeletion()}>
                {busy ? 'Deleting…' : 'Yes, delete my account'}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => {
                  setStep('form');
                  // The start button is back after this render.
                  requestAnimationFrame(() => startRef.current?.focus());
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        )}
      </form>
    </div>
  );
}
