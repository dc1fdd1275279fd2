// GET /api/me/lessons — the signed-in user's reading progress: { read: slug[] }. Signed-in users only.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/server/session';
import { getReadLessons } from '@/lib/server/lesson-progress';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in to see your progress.' }, { status: 401 });
  return NextResponse.json({ read: await getReadLessons(user.id) }, { headers: { 'cache-control': 'no-store' } });
}
