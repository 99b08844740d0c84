import { expect, test } from 'vitest'
import { computeBackoffMs, RECONNECT_BACKOFF, REQUEST_BACKOFF, SERVICE_BACKOFF } from './backoff'

test.each([
  ['first retry, random at its top', 0, () => 0.999, 199],
  ['doubles each attempt', 3, () => 0.5, 800],
  ['never past the cap', 20, () => 0.999, 4995],
  ['full jitter can be zero', 5, () => 0, 0],
  ['huge attempt counts do not overflow', 10_000, () => 0.5, 2500],
])('request backoff, %s', (_label, attempt, random, expected) => expect(computeBackoffMs(attempt, REQUEST_BACKOFF, random)).toBe(expected))

test('a service in a long outage is retried at most every 5 minutes', () => {
  expect(computeBackoffMs(50, SERVICE_BACKOFF, () => 0.9999)).toBeLessThan(300_000)
})

test.each([
  ['first attempt, within a quarter second', 0, 250],
  ['a restart of a few seconds is retried within 2 s', 3, 2_000],
  ['a long outage is retried at least every 5 s', 40, 5_000],
])('database reconnect, %s', (_label, attempt, ceilingMs) =>
  expect(computeBackoffMs(attempt, RECONNECT_BACKOFF, () => 0.9999)).toBeLessThan(ceilingMs),
)
