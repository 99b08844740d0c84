import { describe, expect, test } from 'vitest'
import { HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { resolveTimeRange, timeRangeParams, timeRangeQuery } from './time-range'

const NOW_US = Date.UTC(2026, 10, 24, 10, 7, 30) * 1000

describe('timeRangeParams', () => {
  test.each([
    ['nothing: the default preset', {}, {}],
    ['a preset', { range: '7d' }, { range: '7d' }],
    ['a custom range', { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }, { from: '2026-11-20T00:00:00Z' }],
  ])('accepts %s', (_label, input, expected) => expect(timeRangeParams.parse(input)).toMatchObject(expected))

  test.each([
    ['an unknown preset', { range: '2w' }, 'range'],
    ['from without to', { from: '2026-11-20T00:00:00Z' }, 'to'],
    ['to before from', { from: '2026-11-21T00:00:00Z', to: '2026-11-20T00:00:00Z' }, 'to'],
    ['not a date', { from: 'yesterday', to: '2026-11-20T00:00:00Z' }, 'from'],
    ['more than 400 days', { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'from'],
  ])('refuses %s, naming the field', (_label, input, field) => {
    const result = timeRangeParams.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field)
  })
})

describe('resolveTimeRange', () => {
  test.each([
    [
      'default 6 h, 5-min steps, edges on whole steps',
      {},
      { kind: '6h', stepUs: 5 * MINUTE_US, live: true, endUs: Date.UTC(2026, 10, 24, 10, 10) * 1000 },
    ],
    ['last hour in minutes', { range: '1h' }, { stepUs: MINUTE_US, endUs: Date.UTC(2026, 10, 24, 10, 8) * 1000 }],
    ['30 days in 6-hour steps', { range: '30d' }, { stepUs: 6 * HOUR_US }],
    [
      'a custom day: 15-min steps (96 points)',
      { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' },
      { kind: 'custom', stepUs: 15 * MINUTE_US, live: false },
    ],
  ] as const)('%s', (_label, params, expected) => {
    const range = resolveTimeRange(params, NOW_US)
    expect(range).toMatchObject(expected)
    expect((range.endUs - range.startUs) / range.stepUs).toBeLessThanOrEqual(200)
  })

  test('a range survives the URL round trip', () => {
    const custom = resolveTimeRange({ from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }, NOW_US)
    expect(resolveTimeRange(timeRangeParams.parse(timeRangeQuery(custom)), NOW_US)).toEqual(custom)
    expect(timeRangeQuery(resolveTimeRange({ range: '7d' }, NOW_US))).toEqual({ range: '7d' })
  })
})

describe('timeRangeParams bounds', () => {
  test.each<[string, Record<string, string>, string]>([
    ['year 0000', { from: '0000-01-01T00:00:00Z', to: '0000-01-02T00:00:00Z' }, 'from'],
    ['across 0000/0001', { from: '0000-12-31T00:00:00Z', to: '0001-01-01T00:00:00Z' }, 'from'],
    ['before 1970', { from: '1969-12-31T00:00:00Z', to: '1970-01-02T00:00:00Z' }, 'from'],
    ['to before from', { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
    ['longer than 400 days', { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'from'],
    ['not a date', { from: 'yesterday', to: '2026-01-01T00:00:00Z' }, 'from'],
  ])('%s is refused, naming %s', (_label, params, field) => {
    const parsed = timeRangeParams.safeParse(params)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(field)
  })

  test('the last day ISO can write is fine', () => {
    expect(timeRangeParams.safeParse({ from: '9999-12-30T00:00:00Z', to: '9999-12-31T23:59:59Z' }).success).toBe(true)
  })
})
