// GET /api/practice/daily — the signed-in user's quiz for their local today (composed on first
// request of the day), where they are in it, the current question (public form) and the streak.
import { NextResponse } from 'next/server';
import { dailyState } from '@/lib/server/daily-quiz';
import { getCurrentUser } from '@/lib/server/session';
import { getUserSettings } from '@/lib/server/user-settings';

export const dynamic = 'force-dynamic';

export async function GET() {
  const sessionUser = await getCurrentUser();
  if (!sessionUser) return NextResponse.json({ message: 'Sign in to do your daily practice.' }, { status: 401 });
  const user = await getUserSettings(sessionUser.id);
  if (!user) return NextResponse.json({ message: 'Your account no longer exists. Sign in again.' }, { status: 401 });
  return NextResponse.json(await dailyState(user, new Date()), { headers: { 'cache-control': 'no-store' } });
}
