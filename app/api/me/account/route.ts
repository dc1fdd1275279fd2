// DELETE /api/me/account — delete the signed-in user's account and all their data. Signed-in users only.
// Body: { confirmEmail, password }. 200 { deleted: true }; 400 bad input or wrong email; 403 wrong password.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/server/session';
import { deleteAccount } from '@/lib/server/account';
import { readJson } from '@/lib/server/read-json';
import { fieldErrorsOf, ZDeleteAccount, type DeleteAccountField } from '@/lib/validation/settings';

export async function DELETE(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in to delete your account.' }, { status: 401 });
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: 400 });
  const parsed = ZDeleteAccount.safeParse(body.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return NextResponse.json(
      {
        message: first?.message ?? 'Type your email and your password to confirm.',
        field: first ? String(first.path[0] ?? 'form') : 'form',
        fieldErrors: fieldErrorsOf<DeleteAccountField>(parsed.error.issues),
      },
      { status: 400 },
    );
  }
  const result = await deleteAccount(user.id, parsed.data.confirmEmail, parsed.data.password);
  if (result.ok) return NextResponse.json({ deleted: true });
  switch (result.reason) {
    case 'email-mismatch':
      return NextResponse.json(
        { message: 'That is not the email address of this account. Type it exactly as you sign in.', field: 'confirmEmail' },
        { status: 400 },
      );
    case 'wrong-password':
      return NextResponse.json({ message: 'That password is not right. Nothing was deleted.', field: 'password' }, { status: 403 });
    case 'not-found':
      return NextResponse.json({ message: 'This account no longer exists. Sign out to finish.' }, { status: 401 });
  }
}
