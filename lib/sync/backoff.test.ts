import { expect, test } from 'vitest'
import { computeBackoffMs, REQUEST_BACKOFF, SERVICE_BACKOFF } from './backoff'

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
