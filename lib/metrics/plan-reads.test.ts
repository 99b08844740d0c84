import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { planRollupReads, type ReadMarks } from './plan-reads'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'

const D0 = Date.UTC(2026, 10, 1) * 1000 // midnight UTC, µs
const m = (minutes: number) => D0 + minutes * MINUTE_US
const FRESH: ReadMarks = { hoursCompactedToUs: null, daysCompactedToUs: null, minutesFromUs: -Infinity, hoursFromUs: -Infinity }
const show = (segments: ReturnType<typeof planRollupReads>) =>
  segments.map((s) => `${s.resolution} ${(s.startUs - D0) / MINUTE_US}-${(s.endUs - D0) / MINUTE_US}`)

describe('planRollupReads', () => {
  test.each([
    ['nothing compacted: all minutes', m(30), m(200), FRESH, ['minute 30-200']],
    [
      'whole hours inside the range, minutes at the ragged edges',
      m(30),
      m(200),
      { ...FRESH, hoursCompactedToUs: m(24 * 60) },
      ['minute 30-60', 'hour 60-180', 'minute 180-200'],
    ],
    ['hours only below the mark', m(0), m(300), { ...FRESH, hoursCompactedToUs: m(120) }, ['hour 0-120', 'minute 120-300']],
    [
      'whole days where compacted',
      m(-90),
      m(2 * 24 * 60 + 30),
      { ...FRESH, hoursCompactedToUs: m(3 * 24 * 60), daysCompactedToUs: m(2 * 24 * 60) },
      ['minute -90--60', 'hour -60-0', 'day 0-2880', 'minute 2880-2910'],
    ],
    [
      'expired minutes at an edge: the whole hour',
      m(90),
      m(180),
      { ...FRESH, hoursCompactedToUs: m(600), minutesFromUs: m(500) },
      ['hour 60-180'],
    ],
  ])('%s', (_label, start, end, marks, expected) => expect(show(planRollupReads(start, end, marks))).toEqual(expected))

  test.each([
    ['minutes kept: minutes, though hours exist', m(600), m(900), ['minute 600-900']],
    ['expired minutes: whole hours there, minutes where kept', m(90), m(700), ['hour 60-540', 'minute 540-700']],
  ])('preferring the finest rows, %s', (_label, start, end, expected) => {
    const marks = { ...FRESH, hoursCompactedToUs: m(24 * 60), daysCompactedToUs: m(24 * 60), minutesFromUs: m(500) }
    expect(show(planRollupReads(start, end, marks, DAY_US, 'finest'))).toEqual(expected)
  })

  test('a chart step caps the bucket size: 5-minute points read minutes even where hours exist', () => {
    const marks = { ...FRESH, hoursCompactedToUs: m(24 * 60), daysCompactedToUs: m(24 * 60) }
    expect(show(planRollupReads(m(0), m(120), marks, 5 * MINUTE_US))).toEqual(['minute 0-120'])
    expect(show(planRollupReads(m(0), m(24 * 60), marks, 6 * HOUR_US))).toEqual(['hour 0-1440'])
  })

  test('segments tile the range without gap or overlap (while nothing has expired)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        fc.integer({ min: 1, max: 20 * 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 24 }),
        fc.integer({ min: 0, max: 60 }),
        (startMin, lengthMin, hoursToH, daysToD) => {
          const marks = {
            ...FRESH,
            hoursCompactedToUs: D0 + hoursToH * HOUR_US,
            daysCompactedToUs: D0 + Math.min(daysToD * DAY_US, hoursToH * HOUR_US),
          }
          const segments = planRollupReads(m(startMin), m(startMin + lengthMin), marks)
          expect(segments[0]!.startUs).toBe(m(startMin))
          expect(segments.at(-1)!.endUs).toBe(m(startMin + lengthMin))
          segments.forEach((s, i) => {
            if (i > 0) expect(s.startUs).toBe(segments[i - 1]!.endUs)
            if (s.resolution === 'hour') expect(s.endUs).toBeLessThanOrEqual(marks.hoursCompactedToUs)
            if (s.resolution === 'day') expect(s.endUs).toBeLessThanOrEqual(marks.daysCompactedToUs)
          })
        },
      ),
      { numRuns: 500 },
    )
  })
})
