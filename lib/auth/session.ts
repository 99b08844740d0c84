// The signed-in user, for pages, server actions and route handlers. Every one of them calls
// requireUser / requirePermission itself (or goes through defineRoute / defineAction); proxy.ts
// only redirects.
import 'server-only'
import { getServerSession } from 'next-auth'
import { forbidden, redirect } from 'next/navigation'
import { connection } from 'next/server'
import { cache } from 'react'
import { authOptions } from './config'
import { can, type Permission } from './permissions'
import type { ActiveUser } from './schemas'
import { findActiveUser } from './session-repository'

/** Where a user whose password an admin reset must go before anything else. */
export const PASSWORD_RESET_PATH = '/change-password'

/**
 * The user behind this request's session, read fresh from the database: null when signed out, or
 * when the session was revoked, expired or outdated, or the user was removed or disabled.
 */
export const getCurrentUser = cache(async (): Promise<ActiveUser | null> => {
  await connection() // a session is per request: never prerender what depends on it
  const session = (await getServerSession(authOptions())) as { user?: { id?: string }; sessionId?: string } | null
  const userId = session?.user?.id
  const sessionId = session?.sessionId
  if (!userId || !sessionId) return null
  return findActiveUser({ userId, sessionId })
})

/** Signed in, or sent to the login page; with a pending password reset, sent to choose a new one. */
export async function requireUser({ allowPasswordReset = false }: { allowPasswordReset?: boolean } = {}): Promise<ActiveUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  if (user.passwordResetRequired && !allowPasswordReset) redirect(PASSWORD_RESET_PATH)
  return user
}

/** Signed in and allowed, or a 403 (Next's `forbidden()`, also from server actions). */
export async function requirePermission(permission: Permission, options?: { allowPasswordReset?: boolean }): Promise<ActiveUser> {
  const user = await requireUser(options)
  if (!can(user.role, permission)) forbidden()
  return user
}
