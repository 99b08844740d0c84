// Checks a password sign-in. In order, each step cheaper than the next and none of them revealing
// whether the account exists:
//   1. the address and global budgets (sign-in-budget-repository.ts), one atomic upsert each;
//   2. the (e-mail, address) backoff, claimed as a failure before hashing (login-backoff.ts);
//   3. the argon2id check, in one of a few hash slots (hash-slots.ts); an unknown or disabled
//      account is checked against a decoy hash, so it costs the same time.
// Success clears the pair's backoff and refunds the budgets.
import { HashSlots, BUSY } from './hash-slots'
import { decoyPasswordHash, verifyPassword } from './password'
import { claimLoginAttempt, clearLoginBackoff, findCredentials, pruneLoginBackoff } from './repository'
import type { CredentialsInput, SessionUser } from './schemas'
import { refundSignInBudgets, spendSignInBudgets } from './sign-in-budget-repository'

export type SignInResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  /** Wrong e-mail, wrong password and a disabled account look the same, on purpose. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }

/** Two cores: two hashes at once, a short queue behind them (a burst waits ~1 s, a flood is refused). */
const slots = new HashSlots(2, 32)
/** When the hash queue is full, ask the client to come back after this long. */
const BUSY_RETRY_MS = 2000
/** One sign-in in this many sweeps stale backoff rows. */
const PRUNE_EVERY = 50

export async function signInWithPassword(
  { email, password }: CredentialsInput,
  { address, now = new Date() }: { address: string; now?: Date },
): Promise<SignInResult> {
  const budgetWaitMs = await spendSignInBudgets(address)
  if (budgetWaitMs > 0) return { ok: false, reason: 'throttled', retryAfterMs: budgetWaitMs }

  const pair = `${email} ${address}`
  const claim = await claimLoginAttempt(pair, now)
  if (!claim.allowed) return { ok: false, reason: 'throttled', retryAfterMs: claim.retryAfterMs }
  if (Math.random() < 1 / PRUNE_EVERY) await pruneLoginBackoff(now)

  const credentials = await findCredentials(email)
  const usable = credentials && !credentials.disabled
  const checked = await slots.run(async () => verifyPassword(usable ? credentials.passwordHash : await decoyPasswordHash(), password))
  if (checked === BUSY) return { ok: false, reason: 'throttled', retryAfterMs: BUSY_RETRY_MS }
  if (!usable || !checked) return { ok: false, reason: 'invalid' }

  await Promise.all([clearLoginBackoff(pair), refundSignInBudgets(address)])
  const { passwordHash: _hash, disabled: _disabled, ...user } = credentials
  return { ok: true, user }
}
