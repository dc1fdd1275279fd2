import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '../components/auth-form';
import { getCurrentUser } from '@/lib/server/session';
import { safeReturnPath } from '@/lib/auth-messages';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <AuthForm mode="signin" returnTo={returnTo} />
      <p>
        New to netprep? <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</Link>.
      </p>
    </div>
  );
}
