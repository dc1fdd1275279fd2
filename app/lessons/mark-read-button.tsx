'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useReadingProgress } from './use-reading-progress';

/** "Mark as read" for signed-in users; a sign-in link for visitors. */
export function MarkReadButton({ slug }: { slug: string }) {
  const [progress, setRead] = useReadingProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (progress.state === 'anonymous')
    return (
      <p className="hint">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/lessons/${slug}`)}`}>Sign in</Link> to mark lessons as read.
      </p>
    );
  if (progress.state === 'loading') return <button type="button" disabled>Mark as read</button>;
  if (progress.state === 'error') return <p className="alert error">{progress.message}</p>;

  const isRead = progress.read.has(slug);
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/lessons/${slug}/read`, { method: isRead ? 'DELETE' : 'POST' });
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { message?: string }).message ?? 'Could not save.');
      setRead(slug, !isRead);
    } catch (e) {
      setError((e as Error).message || 'Could not save. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="mark-read">
      {isRead ? (
        <p className="alert ok" role="status" style={{ display: 'inline-block', margin: '0 0.75rem 0 0' }}>
          ✓ You have read this lesson.
        </p>
      ) : null}
      <button type="button" className={isRead ? 'secondary' : undefined} onClick={toggle} disabled={busy} aria-pressed={isRead}>
        {isRead ? 'Mark as unread' : 'Mark as read'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
