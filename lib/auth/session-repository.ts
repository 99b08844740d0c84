// Sessions: one row per sign-in, named by the JWT's `sid` and checked on every request
// (lib/auth/session.ts). The JWT alone proves only that we issued it; the row says it still counts:
// not revoked, not expired, its user enabled, and issued under the user's current session version.
import crypto from 'node:crypto'
import { db } from '@/lib/db/client'
import type { ActiveUser } from './schemas'

export async function createSession(
  {
    userId,
    sessionVersion,
    expiresAt,
    address,
    userAgent,
  }: { userId: string; sessionVersion: number; expiresAt: Date; address: string; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const id = crypto.randomBytes(16).toString('base64url')
  await db.$transaction([
    // Sessions past their expiry are dead weight: a user's own sign-in sweeps theirs.
    db.userSession.deleteMany({ where: { userId, expiresAt: { lt: now } } }),
    db.userSession.create({ data: { id, userId, sessionVersion, expiresAt, address, userAgent: userAgent?.slice(0, 300) ?? null } }),
  ])
  return id
}

/** The user behind a session, or null when the session no longer counts (see above). */
export async function findActiveUser(
  { userId, sessionId }: { userId: string; sessionId: string },
  now = new Date(),
): Promise<ActiveUser | null> {
  const session = await db.userSession.findFirst({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
    select: {
      sessionVersion: true,
      user: { select: { id: true, email: true, name: true, role: true, passwordResetRequired: true, sessionVersion: true } },
    },
  })
  if (!session || session.sessionVersion !== session.user.sessionVersion) return null
  const { sessionVersion: _version, ...user } = session.user
  return { ...user, sessionId }
}

export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } })
}
