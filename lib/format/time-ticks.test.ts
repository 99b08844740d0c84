import { describe, expect, test } from 'vitest'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { computeTimeTicks, formatStepRange, formatTimeTick } from './time-ticks'
import { fromMicros } from '@/lib/time/micros'

const at = (iso: string) => Date.parse(iso) * 1000
const iso = (us: number) => fromMicros(us).toISOString().replace(':00.000Z', 'Z')

describe('computeTimeTicks', () => {
  test.each([
    {
      label: '1 h: every 10 min',
      startUs: at('2026-11-21T09:03:00Z'),
      lengthUs: HOUR_US,
      first: '2026-11-21T09:10Z',
      intervalUs: 10 * MINUTE_US,
    },
    { label: '6 h: hourly', startUs: at('2026-11-21T09:00:00Z'), lengthUs: 6 * HOUR_US, first: '2026-11-21T09:00Z', intervalUs: HOUR_US },
    {
      label: '24 h: every 3 h, so midnight is a tick',
      startUs: at('2026-11-21T09:15:00Z'),
      lengthUs: DAY_US,
      first: '2026-11-21T12:00Z',
      intervalUs: 3 * HOUR_US,
    },
    {
      label: '36 h: every 6 h',
      startUs: at('2026-11-21T09:00:00Z'),
      lengthUs: 36 * HOUR_US,
      first: '2026-11-21T12:00Z',
      intervalUs: 6 * HOUR_US,
    },
    {
      label: '2 days: whole days only',
      startUs: at('2026-11-21T09:00:00Z'),
      lengthUs: 2 * DAY_US,
      first: '2026-11-22T00:00Z',
      intervalUs: DAY_US,
    },
    {
      label: '7 days: daily at midnight',
      startUs: at('2026-11-21T09:00:00Z'),
      lengthUs: 7 * DAY_US,
      first: '2026-11-22T00:00Z',
      intervalUs: DAY_US,
    },
    {
      label: '30 days: weekly',
      startUs: at('2026-11-01T00:00:00Z'),
      lengthUs: 30 * DAY_US,
      first: '2026-11-05T00:00Z',
      intervalUs: 7 * DAY_US,
    },
    {
      label: '2 min: every 30 s',
      startUs: at('2026-11-21T09:00:00Z'),
      lengthUs: 2 * MINUTE_US,
      first: '2026-11-21T09:00Z',
      intervalUs: 30_000_000,
    },
  ])('$label', ({ startUs, lengthUs, first, intervalUs }) => {
    const ticksUs = computeTimeTicks(startUs, startUs + lengthUs)
    expect(iso(ticksUs[0]!)).toBe(first)
    expect(ticksUs.length).toBeLessThanOrEqual(9)
    expect(ticksUs.length).toBeGreaterThanOrEqual(2)
    expect(ticksUs.at(-1)!).toBeLessThanOrEqual(startUs + lengthUs)
    ticksUs.forEach((tickUs, index) => index > 0 && expect(tickUs - ticksUs[index - 1]!).toBe(intervalUs))
  })

  test('an empty or inverted range has no ticks', () => {
    expect(computeTimeTicks(at('2026-11-21T09:00:00Z'), at('2026-11-21T09:00:00Z'))).toEqual([])
    expect(computeTimeTicks(at('2026-11-21T09:00:00Z'), at('2026-11-21T08:00:00Z'))).toEqual([])
  })
})

describe('formatTimeTick', () => {
  test.each([
    { label: 'within a day: clock time', tick: '2026-11-21T14:30:00Z', rangeUs: 6 * HOUR_US, expected: '14:30' },
    { label: 'crossing midnight: the midnight tick reads the date', tick: '2026-11-22T00:00:00Z', rangeUs: DAY_US, expected: 'Nov 22' },
    { label: 'after midnight: clock time again', tick: '2026-11-22T03:00:00Z', rangeUs: DAY_US, expected: '03:00' },
    { label: 'two days or more: the date', tick: '2026-11-22T00:00:00Z', rangeUs: 7 * DAY_US, expected: 'Nov 22' },
    { label: 'UTC, not the local day', tick: '2026-11-21T23:30:00Z', rangeUs: HOUR_US, expected: '23:30' },
    { label: 'seconds off whole minutes', tick: '2026-11-21T14:30:30Z', rangeUs: 2 * MINUTE_US, expected: '14:30:30' },
  ])('$label: $expected', ({ tick, rangeUs, expected }) => expect(formatTimeTick(at(tick), rangeUs)).toBe(expected))
})

describe('formatStepRange', () => {
  test.each([
    { label: 'minutes', start: '2026-11-21T14:05:00Z', stepUs: 5 * MINUTE_US, expected: 'Nov 21, 14:05 – 14:10 UTC' },
    { label: 'ending at midnight', start: '2026-11-21T23:45:00Z', stepUs: 15 * MINUTE_US, expected: 'Nov 21, 23:45 – 00:00 UTC' },
    { label: 'crossing midnight', start: '2026-11-21T21:00:00Z', stepUs: 6 * HOUR_US, expected: 'Nov 21, 21:00 – Nov 22, 03:00 UTC' },
    { label: 'a whole UTC day', start: '2026-11-21T00:00:00Z', stepUs: DAY_US, expected: 'Nov 21 UTC' },
    { label: 'a day from mid-morning', start: '2026-11-21T09:00:00Z', stepUs: DAY_US, expected: 'Nov 21, 09:00 – Nov 22, 09:00 UTC' },
  ])('$label: $expected', ({ start, stepUs, expected }) => expect(formatStepRange(at(start), stepUs)).toBe(expected))
})
