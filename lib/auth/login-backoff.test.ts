import { describe, expect, test } from 'vitest'
import { computeClaim, computeLoginDelayMs, FREE_FAILURES, MAX_DELAY_MS, RESET_AFTER_MS, type BackoffState } from './login-backoff'

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms)

describe('computeLoginDelayMs', () => {
  test.each([
    ['first failures are free', FREE_FAILURES - 1, 0],
    ['the attempt reaching the free allowance arms 1 s', FREE_FAILURES, 1000],
    ['then it doubles', FREE_FAILURES + 2, 4000],
    ['and stops at the ceiling', 40, MAX_DELAY_MS],
  ])('%s', (_label, failures, delay) => expect(computeLoginDelayMs(failures)).toBe(delay))
})

describe('computeClaim', () => {
  const state = (failures: number, blockedUntilMs: number, updatedAtMs: number): BackoffState => ({
    failures,
    blockedUntil: at(blockedUntilMs),
    updatedAt: at(updatedAtMs),
  })
  test.each<[string, BackoffState | null, number, { allowed: boolean; failures?: number; retryAfterMs?: number }]>([
    ['no history: the first attempt', null, 0, { allowed: true, failures: 1 }],
    ['free attempts follow each other at once', state(1, 0, 0), 1, { allowed: true, failures: 2 }],
    ['blocked: wait the rest of the delay', state(3, 1000, 0), 400, { allowed: false, retryAfterMs: 600 }],
    ['the delay has passed', state(3, 1000, 0), 1000, { allowed: true, failures: 4 }],
    [
      'a quiet period forgets everything, even a block',
      state(40, RESET_AFTER_MS + 30_000, 0),
      RESET_AFTER_MS,
      { allowed: true, failures: 1 },
    ],
  ])('%s', (_label, current, nowMs, expected) => {
    const claim = computeClaim(current, at(nowMs))
    expect(claim.allowed).toBe(expected.allowed)
    if (claim.allowed) expect(claim.next.failures).toBe(expected.failures)
    else expect(claim.retryAfterMs).toBe(expected.retryAfterMs)
  })

  test('a burst of parallel guesses, claimed one after another, gets FREE_FAILURES tries and then waits', () => {
    let current: BackoffState | null = null
    let allowed = 0
    for (let i = 0; i < 50; i++) {
      const claim = computeClaim(current, at(0))
      if (!claim.allowed) continue
      allowed++
      current = claim.next
    }
    expect(allowed).toBe(FREE_FAILURES)
  })
})
