import 'server-only';
import { db } from './db';
import { hashPassword } from './passwords';
import type { Role } from '@/lib/roles';

export type CreateUserResult =
  | { ok: true; user: { id: string; email: string; role: Role } }
  | { ok: false; reason: 'email-taken' };

/** Create an account. The email is expected already normalised (trimmed, lower-case) by zod. */
export async function createUser(input: { email: string; password: string; role?: Role; name?: string }): Promise<CreateUserResult> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, reason: 'email-taken' };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, passwordHash, role: input.role ?? 'student', name: input.name || null },
      select: { id: true, email: true, role: true },
    });
    return { ok: true, user: { ...user, role: (input.role ?? 'student') } };
  } catch (e) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
    if ((e as { code?: string }).code === 'P2002') return { ok: false, reason: 'email-taken' };
    throw e;
  }
}
