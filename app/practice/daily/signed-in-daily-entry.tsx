'use client';
import { useSession } from 'next-auth/react';
import { DailyEntryCard } from './daily-entry-card';

/** The daily practice card, only for a signed-in visitor (the page itself stays static). */
export function SignedInDailyEntry() {
  const { status } = useSession();
  return status === 'authenticated' ? <DailyEntryCard /> : null;
}
