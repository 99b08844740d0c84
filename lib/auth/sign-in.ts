// Checks a password sign-in against the users table, slowing down repeated failures per address.
import { computeRetryAfterMs, nextFailureCount } from './login-throttle'
import { decoyPasswordHash, verifyPassword } from './password'
import { clearLoginThrottle, findCredentials, findLoginThrottle, saveLoginFailure } from './repository'
import type { CredentialsInput, SessionUser } from './schemas'

export type SignInResult =
  | { ok: true; user: SessionUser }
  /** Wrong e-mail and wrong password look the same, on purpose. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }

export async function signInWithPassword({ email, password }: CredentialsInput, now = new Date()): Promise<SignInResult> {
  const throttle = await findLoginThrottle(email)
  const retryAfterMs = computeRetryAfterMs(throttle, now)
  if (retryAfterMs > 0) return { ok: false, reason: 'throttled', retryAfterMs }

  const credentials = await findCredentials(email)
  const passwordOk = await verifyPassword(credentials?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!credentials || !passwordOk) {
    await saveLoginFailure(email, { failures: nextFailureCount(throttle, now), lastFailureAt: now })
    return { ok: false, reason: 'invalid' }
  }
  if (throttle) await clearLoginThrottle(email)
  const { passwordHash: _hash, ...user } = credentials
  return { ok: true, user }
}
