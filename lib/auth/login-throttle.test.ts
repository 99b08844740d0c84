import { describe, expect, test } from 'vitest'
import { computeLoginDelayMs, computeRetryAfterMs, MAX_DELAY_MS, nextFailureCount, RESET_AFTER_MS } from './login-throttle'

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms)

describe('computeLoginDelayMs', () => {
  test.each([
    ['first failures are free', 2, 0],
    ['the 3rd failure costs 1 s', 3, 1000],
    ['then it doubles', 5, 4000],
    ['and stops at the ceiling', 40, MAX_DELAY_MS],
  ])('%s', (_label, failures, delay) => expect(computeLoginDelayMs(failures)).toBe(delay))
})

describe('computeRetryAfterMs', () => {
  test.each([
    ['no history', null, 0, 0],
    ['within the delay', { failures: 5, lastFailureAt: at(0) }, 1000, 3000],
    ['after the delay', { failures: 5, lastFailureAt: at(0) }, 4000, 0],
    ['after a quiet period everything is forgotten', { failures: 50, lastFailureAt: at(0) }, RESET_AFTER_MS, 0],
  ])('%s', (_label, state, nowMs, expected) => expect(computeRetryAfterMs(state, at(nowMs))).toBe(expected))
})

describe('nextFailureCount', () => {
  test('counts up, and starts over after a quiet period', () => {
    expect(nextFailureCount(null, at(0))).toBe(1)
    expect(nextFailureCount({ failures: 4, lastFailureAt: at(0) }, at(10_000))).toBe(5)
    expect(nextFailureCount({ failures: 4, lastFailureAt: at(0) }, at(RESET_AFTER_MS))).toBe(1)
  })
})
