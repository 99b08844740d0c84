// Sign-in reads and writes: credentials of one address, the atomic failure claim per (e-mail, client
// address), and the sessions a sign-in opens.
import { db } from '@/lib/db/client'
import { computeClaim, RESET_AFTER_MS, type BackoffState } from './login-backoff'
import type { SessionUser } from './schemas'

export type Credentials = SessionUser & { passwordHash: string; disabled: boolean; sessionVersion: number }

export async function findCredentials(email: string): Promise<Credentials | null> {
  const row = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  })
  if (!row) return null
  const { disabledAt, ...credentials } = row
  return { ...credentials, disabled: disabledAt !== null }
}

export type LoginClaim = ReturnType<typeof computeClaim>

/**
 * Counts this attempt as a failure *before* the password is checked, under a row lock, so parallel
 * guesses each cost one and the (FREE_FAILURES + 1)-th waits (login-backoff.ts `computeClaim` is the
 * rule). A new pair starts from a row stamped at the epoch, which the rule treats as forgotten.
 */
export function claimLoginAttempt(key: string, now: Date): Promise<LoginClaim> {
  return db.$transaction(async (tx) => {
    const epoch = new Date(0)
    await tx.$executeRaw`INSERT INTO login_backoff (key, failures, blocked_until, updated_at) VALUES (${key}, 0, ${epoch}, ${epoch}) ON CONFLICT (key) DO NOTHING`
    const [state] = await tx.$queryRaw<BackoffState[]>`
      SELECT failures, blocked_until AS "blockedUntil", updated_at AS "updatedAt" FROM login_backoff WHERE key = ${key} FOR UPDATE`
    const claim = computeClaim(state ?? null, now)
    if (claim.allowed) await tx.loginBackoff.update({ where: { key }, data: claim.next })
    return claim
  })
}

export async function clearLoginBackoff(key: string): Promise<void> {
  await db.loginBackoff.deleteMany({ where: { key } })
}

/** Pairs quiet for longer than RESET_AFTER_MS mean nothing any more. */
export async function pruneLoginBackoff(now: Date): Promise<void> {
  await db.loginBackoff.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - RESET_AFTER_MS) } } })
}
