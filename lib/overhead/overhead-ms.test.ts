import { describe, expect, test } from 'vitest'
import { computeOverheadMs } from './overhead-ms'
import { overheadMeasurementInput, type OverheadMeasurementInput } from './schemas'

const MEASUREMENT: OverheadMeasurementInput = {
  service: 'checkout',
  p50OnMs: 41.8,
  p50OffMs: 38.5,
  p95OnMs: 120.4,
  p95OffMs: 112.9,
  samplesOn: 60_000,
  samplesOff: 60_000,
  method: 'load_test',
  environment: 'staging',
  measuredAt: '2026-12-03T14:05:00Z',
}

describe('computeOverheadMs', () => {
  test.each<[string, Partial<OverheadMeasurementInput>, number]>([
    ['no means: p50 on − off', {}, 41.8 - 38.5],
    ['both means: mean on − off', { meanOnMs: 47.25, meanOffMs: 44 }, 3.25],
    ['one mean alone is not a pair: p50', { meanOnMs: 47.25 }, 41.8 - 38.5],
    ['traced run faster (noise): negative, kept', { p50OnMs: 38, p50OffMs: 38.5 }, -0.5],
  ])('%s', (_label, overrides, overheadMs) => {
    expect(computeOverheadMs({ ...MEASUREMENT, ...overrides })).toBeCloseTo(overheadMs, 12)
  })
})

describe('overheadMeasurementInput', () => {
  test('a whole measurement parses; notes and means are optional; text is trimmed', () => {
    expect(overheadMeasurementInput.parse({ ...MEASUREMENT, environment: ' staging ' })).toEqual(MEASUREMENT)
    expect(overheadMeasurementInput.parse({ ...MEASUREMENT, meanOnMs: 47, meanOffMs: 44, notes: 'k6, 200 VUs\r\n10 min' })).toMatchObject({
      meanOnMs: 47,
      notes: 'k6, 200 VUs\r\n10 min',
    })
    expect(overheadMeasurementInput.parse({ ...MEASUREMENT, measuredAt: '2026-12-03T15:05:00.250+01:00' }).measuredAt).toBe(
      '2026-12-03T15:05:00.250+01:00',
    )
  })

  test.each<[string, Record<string, unknown>, string]>([
    ['no samples', { samplesOn: 0 }, 'samplesOn'],
    ['a fraction of a sample', { samplesOff: 2.5 }, 'samplesOff'],
    ['a negative latency', { p50OffMs: -1 }, 'p50OffMs'],
    ['a latency as text', { p50OnMs: '41.8' }, 'p50OnMs'],
    ['a method not in the list', { method: 'guess' }, 'method'],
    ['a blank environment', { environment: '   ' }, 'environment'],
    ['a date, not a datetime', { measuredAt: '2026-12-03' }, 'measuredAt'],
    ['a datetime without a zone', { measuredAt: '2026-12-03T14:05:00' }, 'measuredAt'],
    ['a service name with a space', { service: 'check out' }, 'service'],
    ['one mean without the other', { meanOffMs: 44 }, 'meanOnMs'],
    ['p95 under p50 with tracing on', { p95OnMs: 40 }, 'p95OnMs'],
    ['p95 under p50 with tracing off', { p95OffMs: 30 }, 'p95OffMs'],
    ['a control character in the notes', { notes: 'ok\u0000' }, 'notes'],
  ])('refuses %s, naming the field', (_label, overrides, field) => {
    const parsed = overheadMeasurementInput.safeParse({ ...MEASUREMENT, ...overrides })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field])
  })
})
