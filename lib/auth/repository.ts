// Sign-in reads and writes: the credentials of one address and its failure count.
import { db } from '@/lib/db/client'
import type { ThrottleState } from './login-throttle'
import type { SessionUser } from './schemas'

export type Credentials = SessionUser & { passwordHash: string }

export function findCredentials(email: string): Promise<Credentials | null> {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true } })
}

export function findLoginThrottle(email: string): Promise<ThrottleState | null> {
  return db.loginThrottle.findUnique({ where: { email }, select: { failures: true, lastFailureAt: true } })
}

export async function saveLoginFailure(email: string, state: ThrottleState): Promise<void> {
  await db.loginThrottle.upsert({ where: { email }, create: { email, ...state }, update: state })
}

export async function clearLoginThrottle(email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { email } })
}
