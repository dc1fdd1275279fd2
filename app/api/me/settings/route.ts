// GET /api/me/settings — the signed-in user's daily practice settings; PUT — change them. Signed-in users only.
// PUT body: { dailySize, desiredRetention, timeZone }; a bad field gets 400 { message, field, fieldErrors }.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/server/session';
import { getUserSettings, updateUserSettings } from '@/lib/server/user-settings';
import { readJson } from '@/lib/server/read-json';
import { fieldErrorsOf, ZSettings, type SettingsField } from '@/lib/validation/settings';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };
const SIGNED_OUT = { message: 'Sign in to see and change your settings.' };
const GONE = { message: 'This account no longer exists. Sign out, then sign in or sign up again.' };

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json(SIGNED_OUT, { status: 401 });
  const settings = await getUserSettings(user.id);
  if (!settings) return NextResponse.json(GONE, { status: 401 });
  const { timeZone, dailySize, desiredRetention } = settings;
  return NextResponse.json({ timeZone, dailySize, desiredRetention }, { headers: NO_STORE });
}

export async function PUT(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json(SIGNED_OUT, { status: 401 });
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: 400 });
  const parsed = ZSettings.safeParse(body.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return NextResponse.json(
      {
        message: first?.message ?? 'Some settings need attention.',
        field: first ? String(first.path[0] ?? 'form') : 'form',
        fieldErrors: fieldErrorsOf<SettingsField>(parsed.error.issues),
      },
      { status: 400 },
    );
  }
  try {
    const { timeZone, dailySize, desiredRetention } = await updateUserSettings(user.id, parsed.data);
    return NextResponse.json({ timeZone, dailySize, desiredRetention }, { headers: NO_STORE });
  } catch (e) {
    // The account was deleted (in another tab) while this session lived on.
    if ((e as { code?: string }).code === 'P2025') return NextResponse.json(GONE, { status: 401 });
    throw e;
  }
}
