import 'server-only';
/**
 * next-auth configuration: email + password (argon2id) and JWT sessions, so any number of app
 * servers can serve a user as long as they share NEXTAUTH_SECRET. The role travels in the token.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { ZSignIn } from '@/lib/validation/auth';
import { isRole } from '@/lib/roles';
import { authenticate } from './authenticate';
import { authSecret } from './auth-secret';

// Without NEXTAUTH_URL, take the origin from the request (works on any PORT or host name).
process.env.AUTH_TRUST_HOST ??= 'true';

/** Codes the sign-in form turns into sentences (see lib/auth-messages.ts). */
export type SignInErrorCode = 'invalid-input' | 'unknown-email' | 'wrong-password';

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const parsed = ZSignIn.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error('invalid-input' satisfies SignInErrorCode);
        const result = await authenticate(parsed.data.email, parsed.data.password);
        if (!result.ok) throw new Error(result.reason satisfies SignInErrorCode);
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = isRole(user.role) ? user.role : 'student';
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? '';
        session.user.role = isRole(token.role) ? token.role : 'student';
      }
      return session;
    },
  },
};
