// POST /api/signup — create a student account from { email, password }; anyone.
import { NextResponse } from 'next/server';
import { ZSignUp } from '@/lib/validation/auth';
import { createUser } from '@/lib/server/create-user';
import { readJson } from '@/lib/server/read-json';

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: 400 });
  const parsed = ZSignUp.safeParse(body.value);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      fieldErrors[key] ??= issue.message;
    }
    return NextResponse.json({ message: 'Some fields need attention.', fieldErrors }, { status: 400 });
  }
  const result = await createUser(parsed.data);
  if (!result.ok) {
    return NextResponse.json(
      { message: 'An account with this email already exists.', fieldErrors: { email: 'An account with this email already exists. Sign in instead.' } },
      { status: 409 },
    );
  }
  return NextResponse.json({ ok: true }, { status: 201 });
}
