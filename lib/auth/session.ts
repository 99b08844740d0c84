// The signed-in user, for pages, server actions and route handlers. Every one of them calls
// requireUser / requirePermission itself (or goes through defineRoute); proxy.ts only redirects.
import 'server-only'
import { getServerSession } from 'next-auth'
import { forbidden, redirect } from 'next/navigation'
import { connection } from 'next/server'
import { cache } from 'react'
import { findUserById } from '@/lib/users/repository'
import { authOptions } from './config'
import { can, type Permission } from './permissions'
import type { SessionUser } from './schemas'

/** The user behind this request's session, read fresh from the database (null when signed out or removed). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  await connection() // a session is per request: never prerender what depends on it
  const session = await getServerSession(authOptions())
  const id = (session?.user as { id?: string } | undefined)?.id
  if (!id) return null
  const user = await findUserById(id)
  return user && { id: user.id, email: user.email, name: user.name, role: user.role }
})

/** Signed-out visitors are sent to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  return user
}

/** Signed in and allowed, or a 403 (Next's `forbidden()`, also from server actions). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser()
  if (!can(user.role, permission)) forbidden()
  return user
}
