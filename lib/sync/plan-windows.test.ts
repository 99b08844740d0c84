import { describe, expect, test } from 'vitest'
import { MINUTE_US } from '@/lib/time/time-buckets'
import { planWindows, splitWindow } from './plan-windows'

const T0 = Date.UTC(2026, 10, 24, 9, 0) * 1000 // µs, minute-aligned
const plan = (overrides: Partial<Parameters<typeof planWindows>[0]> = {}) =>
  planWindows({
    watermarkUs: T0,
    nowUs: T0 + 60 * MINUTE_US,
    settleUs: 2 * MINUTE_US,
    windowUs: 15 * MINUTE_US,
    maxWindows: 100,
    ...overrides,
  })

describe('planWindows', () => {
  test.each([
    [
      'an hour behind: four 15-min windows, the last cut at now − settle',
      {},
      [
        [0, 15],
        [15, 30],
        [30, 45],
        [45, 58],
      ],
    ],
    ['caught up to the settle horizon: nothing to do', { nowUs: T0 + 2 * MINUTE_US + 59_000_000 }, []],
    ['the horizon is floored to a minute', { nowUs: T0 + 3 * MINUTE_US + 59_000_000, windowUs: MINUTE_US }, [[0, 1]]],
    [
      'at most maxWindows',
      { maxWindows: 2 },
      [
        [0, 15],
        [15, 30],
      ],
    ],
    [
      'a backfill stops where the live range begins',
      { untilUs: T0 + 20 * MINUTE_US },
      [
        [0, 15],
        [15, 20],
      ],
    ],
  ])('%s', (_label, overrides, minutes) => {
    expect(plan(overrides).map((w) => [(w.startUs - T0) / MINUTE_US, (w.endUs - T0) / MINUTE_US])).toEqual(minutes)
  })

  test('windows tile the range: no gap, no overlap', () => {
    const windows = plan({ nowUs: T0 + 14 * 24 * 60 * MINUTE_US, windowUs: 7 * MINUTE_US, maxWindows: 10_000 })
    windows.forEach((w, i) => i > 0 && expect(w.startUs).toBe(windows[i - 1]!.endUs))
    expect(windows.every((w) => w.startUs % MINUTE_US === 0 && w.endUs % MINUTE_US === 0)).toBe(true)
  })

  test('refuses a watermark or window that is not minute-aligned', () => {
    expect(() => plan({ watermarkUs: T0 + 1 })).toThrow(/minute-aligned/)
    expect(() => plan({ windowUs: 90_000_000 })).toThrow(/whole number of minutes/)
  })
})

describe('splitWindow', () => {
  test.each([
    [
      'a minute halves on the second',
      [0, 60_000_000],
      10_000_000,
      [
        [0, 30_000_000],
        [30_000_000, 60_000_000],
      ],
    ],
    [
      'an odd length cuts on a whole second',
      [0, 15_000_000],
      5_000_000,
      [
        [0, 7_000_000],
        [7_000_000, 15_000_000],
      ],
    ],
    ['at the floor it does not split', [0, 10_000_000], 10_000_000, null],
  ])('%s', (_label, [startUs, endUs], floorUs, expected) => {
    const halves = splitWindow({ startUs: T0 + startUs!, endUs: T0 + endUs! }, floorUs)
    expect(halves && halves.map((w) => [w.startUs - T0, w.endUs - T0])).toEqual(expected)
  })
})
