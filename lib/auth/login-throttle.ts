// How long a sign-in must wait after repeated failures for the same e-mail address. Pure.
// Failures are counted per address whether or not an account exists, so the delay reveals nothing.

/** Failures allowed before any delay (typos happen). */
export const FREE_FAILURES = 3
/** Ceiling of the delay: slows a guesser to 120 tries an hour without locking the owner out. */
export const MAX_DELAY_MS = 30_000
/** A quiet period after which the failure count starts over. */
export const RESET_AFTER_MS = 15 * 60_000

/** Delay after `failures` consecutive failures: 0, 0, 0, 1 s, 2 s, 4 s … capped at 30 s. */
export function computeLoginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES))
}

export type ThrottleState = { failures: number; lastFailureAt: Date }

/** Milliseconds until this address may try again (0 = now). */
export function computeRetryAfterMs(state: ThrottleState | null, now: Date): number {
  if (!state) return 0
  const sinceLast = now.getTime() - state.lastFailureAt.getTime()
  if (sinceLast >= RESET_AFTER_MS) return 0
  return Math.max(0, computeLoginDelayMs(state.failures) - sinceLast)
}

/** Failure count after one more failure (starting over after a quiet period). */
export function nextFailureCount(state: ThrottleState | null, now: Date): number {
  if (!state || now.getTime() - state.lastFailureAt.getTime() >= RESET_AFTER_MS) return 1
  return state.failures + 1
}
