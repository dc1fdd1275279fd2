'use client';
import { useSession } from 'next-auth/react';
import { useCallback, useEffect, useState } from 'react';

export type ReadingProgress =
  | { state: 'anonymous' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; read: ReadonlySet<string>; practised: ReadonlySet<string> };

/** The signed-in user's read lessons, fetched in the browser so lesson pages stay static. */
export function useReadingProgress(): [ReadingProgress, (slug: string, read: boolean) => void] {
  const { status } = useSession();
  const [fetched, setProgress] = useState<ReadingProgress>({ state: 'loading' });

  useEffect(() => {
    if (status !== 'authenticated') return;
    let live = true;
    fetch('/api/me/lessons', { cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message ?? 'Your progress could not be loaded.');
        return (await res.json()) as { read: string[]; practised: string[] };
      })
      .then((body) => live && setProgress({ state: 'ready', read: new Set(body.read), practised: new Set(body.practised) }))
      .catch((e: Error) => live && setProgress({ state: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [status]);

  const setRead = useCallback((slug: string, read: boolean) => {
    setProgress((p) => {
      if (p.state !== 'ready') return p;
      const next = new Set(p.read);
      if (read) next.add(slug);
      else next.delete(slug);
      return { ...p, read: next };
    });
  }, []);

  const progress: ReadingProgress = status === 'unauthenticated' ? { state: 'anonymous' } : status === 'loading' ? { state: 'loading' } : fetched;
  return [progress, setRead];
}
