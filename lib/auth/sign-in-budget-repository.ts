// Fixed-window budgets of sign-in attempts, shared by every app instance through Postgres
// (rate-limiter-flexible: one atomic upsert per consume, no read-then-write race):
// - per client address: one address guessing across many accounts;
// - in all: many addresses guessing at once. Successful sign-ins are given back, so only failures
//   spend it; when it is spent everyone waits out the minute (the price of bounding a distributed
//   guesser), which the per-pair backoff alone cannot do.
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { pgPool } from '@/lib/db/pg-pool'

/** 60 attempts per address per 15 min: more than a team behind one NAT mistypes, far fewer than a guesser wants. */
const PER_ADDRESS = { points: 60, duration: 15 * 60 }
/** 300 failed sign-ins a minute across the instance. */
const IN_ALL = { points: 300, duration: 60 }
const GLOBAL_KEY = 'all'

let limiters: { address: RateLimiterPostgres; all: RateLimiterPostgres } | undefined

function budgets() {
  const common = { storeClient: pgPool(), storeType: 'pool', tableName: 'rate_limits', tableCreated: true }
  limiters ??= {
    address: new RateLimiterPostgres({ ...common, keyPrefix: 'sign-in-address', ...PER_ADDRESS }),
    all: new RateLimiterPostgres({ ...common, keyPrefix: 'sign-in-all', ...IN_ALL }),
  }
  return limiters
}

/** Spends one attempt of each budget; the wait in ms when one is spent already (0: go ahead). */
export async function spendSignInBudgets(address: string): Promise<number> {
  const { address: perAddress, all } = budgets()
  for (const [limiter, key] of [
    [perAddress, address],
    [all, GLOBAL_KEY],
  ] as const) {
    try {
      await limiter.consume(key)
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext)
      throw rejection
    }
  }
  return 0
}

/** A successful sign-in gives its attempt back to both budgets. */
export async function refundSignInBudgets(address: string): Promise<void> {
  const { address: perAddress, all } = budgets()
  await Promise.all([perAddress.reward(address), all.reward(GLOBAL_KEY)])
}
