// How long one (e-mail, client address) pair must wait after consecutive failed sign-ins. Pure.
// Counted per pair, not per account: a guesser elsewhere lengthens only their own wait, so nobody can
// keep a known account locked out (the per-address and global budgets in sign-in-budget-repository.ts bound
// what a guesser spread over many addresses can do).

/** Failures allowed before any delay (typos happen). */
export const FREE_FAILURES = 3
/** Ceiling of the delay: slows one pair to 120 guesses an hour without ever locking it out for long. */
export const MAX_DELAY_MS = 30_000
/** A quiet period after which the failure count starts over. */
export const RESET_AFTER_MS = 15 * 60_000

/**
 * Wait imposed after the `failures`-th consecutive failure: none for the first two, then 1 s, 2 s,
 * 4 s … capped at 30 s. The attempt that reaches FREE_FAILURES already arms the first second, so
 * the (FREE_FAILURES + 1)-th guess must wait.
 */
export function computeLoginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES))
}

/** What the database holds for one pair (lib/auth/repository.ts `claimLoginAttempt`). */
export type BackoffState = { failures: number; blockedUntil: Date; updatedAt: Date }

/**
 * The same rule the claim applies atomically in SQL, as a pure function (for tests and docs): may an
 * attempt start now, and what is the pair's state once it has (counted as a failure until it succeeds)?
 */
export function computeClaim(
  state: BackoffState | null,
  now: Date,
): { allowed: true; next: BackoffState } | { allowed: false; retryAfterMs: number } {
  const forgotten = !state || now.getTime() - state.updatedAt.getTime() >= RESET_AFTER_MS
  if (!forgotten && state.blockedUntil > now) return { allowed: false, retryAfterMs: state.blockedUntil.getTime() - now.getTime() }
  const failures = forgotten ? 1 : state.failures + 1
  return { allowed: true, next: { failures, blockedUntil: new Date(now.getTime() + computeLoginDelayMs(failures)), updatedAt: now } }
}
