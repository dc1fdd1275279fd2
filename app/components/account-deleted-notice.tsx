'use client';
import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';

/**
 * "Your account has been deleted", on the home page the user lands on after deleting it. Signing
 * out reloads the page, so the settings page leaves a flag in this tab's sessionStorage; it is
 * read once per page load and removed, so a later reload no longer shows the message.
 */
const KEY = 'netprep.accountDeleted';

export function markAccountDeleted(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage unavailable (private mode): the account is deleted all the same, just without the message.
  }
}

let shown: boolean | null = null;
const listeners = new Set<() => void>();

function readOnce(): boolean {
  if (shown === null) {
    try {
      shown = sessionStorage.getItem(KEY) === '1';
      sessionStorage.removeItem(KEY);
    } catch {
      shown = false;
    }
  }
  return shown;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function dismiss(): void {
  shown = false;
  for (const l of listeners) l();
}

export function AccountDeletedNotice() {
  const pathname = usePathname();
  const deleted = useSyncExternalStore(subscribe, readOnce, () => false);
  if (!deleted || pathname !== '/') return null;
  return (
    <div className="inner">
      <p className="alert ok" role="status">
        Your account and all its data have been deleted. Thank you for studying with netprep.{' '}
        <button type="button" className="link-button" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
