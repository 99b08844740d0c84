import { expect, test } from 'vitest'
import { committedRanges, computeSyncProgress, estimateRemainingMs } from './sync-progress'

const MIN = 60_000
const NOW = Date.UTC(2026, 10, 24, 12, 0)
const state = (name: string, backfillMinutes: number, behindMinutes: number) => ({
  serviceName: name,
  backfillFrom: new Date(NOW - backfillMinutes * MIN),
  watermark: new Date(NOW - behindMinutes * MIN),
})
const options = { nowUs: NOW * 1000, settleUs: 2 * MIN * 1000, windowUs: 15 * MIN * 1000 }

test.each([
  ['nothing synced yet', [state('a', 62, 62)], { services: 1, caughtUp: 0, done: 0, maxLagUs: 60 * MIN * 1000 }],
  ['half way', [state('a', 62, 32)], { services: 1, caughtUp: 0, done: 0.5, maxLagUs: 30 * MIN * 1000 }],
  [
    'within one window of the horizon counts as caught up',
    [state('a', 62, 12), state('b', 62, 2)],
    { services: 2, caughtUp: 2, maxLagUs: 10 * MIN * 1000 },
  ],
  ['no services: nothing to do', [], { services: 0, caughtUp: 0, done: 1, maxLagUs: 0 }],
  [
    'live range current, history half way: caught up, progress counts both ranges',
    [{ ...state('a', 122, 92), liveFrom: new Date(NOW - 62 * MIN), liveWatermark: new Date(NOW - 2 * MIN) }],
    { services: 1, caughtUp: 1, done: 0.75, maxLagUs: 0 },
  ],
])('%s', (_label, states, expected) => expect(computeSyncProgress(states, options)).toMatchObject(expected))

test.each([
  ['10 % a minute leaves 9 minutes for the remaining 90 %', { done: 0, atMs: 0 }, { done: 0.1, atMs: MIN }, 9 * MIN],
  ['no progress: no estimate', { done: 0.1, atMs: 0 }, { done: 0.1, atMs: MIN }, null],
])('estimateRemainingMs: %s', (_label, before, after, expected) => {
  const remaining = estimateRemainingMs(before, after)
  expect(remaining === null ? null : Math.round(remaining)).toBe(expected)
})

test('committedRanges: history, then the live range while there is one', () => {
  const us = (minutesAgo: number) => (NOW - minutesAgo * MIN) * 1000
  expect(committedRanges({ ...state('a', 120, 90), liveFrom: new Date(NOW - 60 * MIN), liveWatermark: new Date(NOW - 5 * MIN) })).toEqual([
    { startUs: us(120), endUs: us(90) },
    { startUs: us(60), endUs: us(5) },
  ])
  expect(committedRanges(state('a', 120, 120))).toEqual([])
})
