import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '../components/auth-form';
import { getCurrentUser } from '@/lib/server/session';
import { safeReturnPath } from '@/lib/auth-messages';

export const metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="narrow">
      <h1>Create your account</h1>
      <p className="muted">Your reading progress and practice history are kept with your account.</p>
      <AuthForm mode="signup" returnTo={returnTo} />
      <p>
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>.
      </p>
    </div>
  );
}
