import 'server-only';
import { db } from './db';
import type { Role } from '@/lib/roles';

/** Change a user's role. Takes effect at the user's next sign-in (the role travels in the JWT). */
export async function setUserRole(email: string, role: Role): Promise<{ ok: true } | { ok: false; reason: 'unknown-email' }> {
  const updated = await db.user.updateMany({ where: { email }, data: { role } });
  return updated.count === 1 ? { ok: true } : { ok: false, reason: 'unknown-email' };
}
