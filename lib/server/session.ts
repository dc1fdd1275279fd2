import 'server-only';
/** Who is asking: the signed-in user from the session JWT, and the guards pages and handlers use. */
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { authOptions } from './auth';
import { canTeach, type Role } from '@/lib/roles';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u?.id || !u.email) return null;
  return { id: u.id, email: u.email, name: u.name ?? null, role: u.role };
}

/** For member pages: anonymous visitors go to sign-in and come back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For instructor pages: students see the 403 page. */
export async function requireInstructor(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!canTeach(user.role)) forbidden();
  return user;
}
