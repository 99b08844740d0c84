// next-auth 4: credentials sign-in against the users table, JWT sessions.
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { env } from '@/lib/env'
import { credentialsInput } from './schemas'
import { signInWithPassword } from './sign-in'
import { SIGN_IN_INVALID, throttledCode } from './sign-in-errors'

/** A work day: long enough not to nag during an incident, short enough to expire overnight. */
const SESSION_MAX_AGE_S = 12 * 60 * 60

let options: NextAuthOptions | undefined

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'E-mail and password',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const parsed = credentialsInput.safeParse(credentials)
          if (!parsed.success) throw new Error(SIGN_IN_INVALID)
          const result = await signInWithPassword(parsed.data)
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name }
          throw new Error(result.reason === 'throttled' ? throttledCode(result.retryAfterMs) : SIGN_IN_INVALID)
        },
      }),
    ],
    // The token carries only the user id: role and name are read fresh from the database on every
    // request (lib/auth/session.ts), so a role change or a removed user takes effect at once.
    callbacks: {
      jwt: ({ token, user }) => (user ? { sub: user.id, email: user.email, name: user.name } : token),
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }),
    },
  }
  return options
}
