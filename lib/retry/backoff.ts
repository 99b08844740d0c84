// Exponential backoff with full jitter: wait a uniformly random time in [0, min(cap, base · 2^attempt)).
// Full jitter spreads retries of many workers apart best ("Exponential Backoff And Jitter",
// M. Brooker, AWS Architecture Blog, 2015). Pure: the random source is passed in.

export type BackoffPolicy = { baseMs: number; maxMs: number }

/** Retries of one request: a transient blip should cost well under a second. */
export const REQUEST_BACKOFF: BackoffPolicy = { baseMs: 200, maxMs: 5_000 }
/** A service whose sync keeps failing: retried at most every 5 minutes, so a long outage stays cheap. */
export const SERVICE_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 300_000 }
/** Reconnecting to Postgres after the connection dropped: a restart takes a second or two; a long outage costs one attempt every few seconds. */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 5_000 }

/** Delay before retry number `attempt` (0 for the first retry). */
export function computeBackoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}
