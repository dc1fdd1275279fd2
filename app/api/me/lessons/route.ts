// GET /api/me/lessons — the signed-in user's progress: { read: slug[], practised: topic[] }. Signed-in users only.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/server/session';
import { getPractisedTopics, getReadLessons } from '@/lib/server/lesson-progress';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in to see your progress.' }, { status: 401 });
  const [read, practised] = await Promise.all([getReadLessons(user.id), getPractisedTopics(user.id)]);
  return NextResponse.json({ read, practised }, { headers: { 'cache-control': 'no-store' } });
}
