// next-auth 4: credentials sign-in against the users table, JWT sessions backed by a session row.
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { env } from '@/lib/env'
import { computeClientAddress } from './client-address'
import { credentialsInput } from './schemas'
import { signInWithPassword } from './sign-in'
import { SIGN_IN_INVALID, throttledCode } from './sign-in-errors'
import { createSession, revokeSession } from './session-repository'

/** A work day: long enough not to nag during an incident, short enough to expire overnight. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60

type Headers = Record<string, string | string[] | undefined> | undefined
const header = (headers: Headers, name: string) => {
  const value = headers?.[name]
  return Array.isArray(value) ? value.join(', ') : (value ?? null)
}

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
        async authorize(credentials, request) {
          const parsed = credentialsInput.safeParse(credentials)
          if (!parsed.success) throw new Error(SIGN_IN_INVALID)
          const headers = request.headers as Headers
          const address = computeClientAddress(header(headers, 'x-forwarded-for'), env().CLIENT_ADDRESS_HOPS)
          const result = await signInWithPassword(parsed.data, { address })
          if (!result.ok) throw new Error(result.reason === 'throttled' ? throttledCode(result.retryAfterMs) : SIGN_IN_INVALID)
          const { user } = result
          const sessionId = await createSession({
            userId: user.id,
            sessionVersion: user.sessionVersion,
            expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
            address,
            userAgent: header(headers, 'user-agent'),
          })
          return { id: user.id, email: user.email, name: user.name, sessionId }
        },
      }),
    ],
    // The token carries the user id and the session row's id: everything else (role, name, whether
    // the session still counts) is read from the database on every request (lib/auth/session.ts).
    callbacks: {
      jwt: ({ token, user }) =>
        user ? { sub: user.id, email: user.email, name: user.name, sid: (user as { sessionId?: string }).sessionId } : token,
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub }, sessionId: token.sid }),
    },
    events: {
      // Signing out ends this session on the server too: a copied cookie stops working at once.
      signOut: async ({ token }) => {
        if (typeof token?.sid === 'string') await revokeSession(token.sid)
      },
    },
  }
  return options
}
