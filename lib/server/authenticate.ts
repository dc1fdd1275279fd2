import 'server-only';
import { db } from './db';
import { verifyPassword } from './passwords';
import { isRole, type Role } from '@/lib/roles';

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string | null; role: Role } }
  | { ok: false; reason: 'unknown-email' | 'wrong-password' };

/** Check an email and password against the stored argon2id hash. */
export async function authenticate(email: string, password: string): Promise<AuthenticateResult> {
  const row = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  if (!row) return { ok: false, reason: 'unknown-email' };
  if (!(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: isRole(row.role) ? row.role : 'student' } };
}
