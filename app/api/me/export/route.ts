// GET /api/me/export — download everything netprep holds about the signed-in user, as a JSON file. Signed-in users only.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/server/session';
import { exportUserData } from '@/lib/server/account';
import { isValidTimeZone, localDay } from '@/lib/practice/day';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in to download your data.' }, { status: 401 });
  const now = new Date();
  const data = await exportUserData(user.id, now);
  if (!data) return NextResponse.json({ message: 'This account no longer exists, so there is no data to download.' }, { status: 401 });
  // Named after the user's own calendar day.
  const day = localDay(now, isValidTimeZone(data.settings.timeZone) ? data.settings.timeZone : 'UTC');
  return new NextResponse(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="netprep-data-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
}
