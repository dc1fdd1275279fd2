'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { canTeach } from '@/lib/roles';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { AccountDeletedNotice } from './account-deleted-notice';

/**
 * The header on every page: brand, sections (Instructor only for instructors and admins), account
 * (Settings only for signed-in users).
 * It reads the session in the browser so that pages themselves can stay statically generated.
 */
export function SiteHeader() {
  const { data, status } = useSession();
  const pathname = usePathname();
  const user = data?.user;
  const links = [
    { href: '/lessons', label: 'Lessons' },
    { href: '/practice', label: 'Practice' },
    { href: '/exam', label: 'Exam' },
    { href: '/progress', label: 'Progress' },
    ...(user && canTeach(user.role) ? [{ href: '/instructor', label: 'Instructor' }] : []),
  ];
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          net<span>prep</span>
        </Link>
        <NavLinks links={links} />
        <div className="account" aria-live="polite">
          {status === 'loading' ? (
            <span className="muted" aria-hidden="true">
              …
            </span>
          ) : user ? (
            <>
              <span className="email" data-testid="user-email">
                {user.email}
              </span>
              <Link href="/settings" aria-current={pathname === '/settings' ? 'page' : undefined}>
                Settings
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin">Sign in</Link>
              <Link href="/signup" className="button secondary">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
      <AccountDeletedNotice />
    </header>
  );
}
