// The k6 path (POST /api/v1/overhead-measurements/k6 and the upload form) on the real k6 samples in
// fixtures/formats/k6-summary (see FORMATS-SOURCES.md there).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { InvalidInputError } from '@/lib/errors'
import { measurementFromK6 } from './k6-measurement'
import { computeOverheadMs } from './overhead-ms'
import { overheadK6Input } from './schemas'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/formats/k6-summary')
const sample = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))
const NOW = new Date('2026-12-03T14:05:00Z')
const body = (on: unknown, off: unknown, extra: Record<string, unknown> = {}) =>
  overheadK6Input.parse({ service: 'checkout', environment: 'staging', on, off, ...extra })

const issuesOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues
    throw error
  }
  return []
}

describe('measurementFromK6', () => {
  test('--summary-export on, handleSummary() off: medians, p95s, means and request counts of each run', () => {
    const { measurement, overhead } = measurementFromK6(
      body(sample('ticket-reserve-summary-export.json'), sample('mostlyucid-nmt-k6-summary.handleSummary.json')),
      NOW,
    )
    expect(measurement).toEqual({
      service: 'checkout',
      p50OnMs: 3390.69845,
      p50OffMs: 10990.5877,
      p95OnMs: 4101.811365,
      p95OffMs: 24458.761375,
      meanOnMs: 3264.992537000001,
      meanOffMs: 12563.465956191583,
      samplesOn: 100,
      samplesOff: 856,
      method: 'load_test',
      environment: 'staging',
      measuredAt: '2026-12-03T14:05:00.000Z',
    })
    expect(overhead.p95DeltaMs).toBeCloseTo(4101.811365 - 24458.761375, 9)
    // The stored overhead is the means' difference (both k6 runs report avg).
    expect(computeOverheadMs(measurement)).toBeCloseTo(3264.992537000001 - 12563.465956191583, 9)
  })

  test('the same file both ways: overhead 0; measuredAt, method and notes as given', () => {
    const rateLimiter = sample('rate-limiter-k6-summary.json')
    const { measurement } = measurementFromK6(
      body(rateLimiter, rateLimiter, { measuredAt: '2026-12-01T09:00:00+01:00', method: 'canary', notes: 'smoke' }),
      NOW,
    )
    expect(computeOverheadMs(measurement)).toBe(0)
    expect(measurement).toMatchObject({ samplesOn: 388556, measuredAt: '2026-12-01T09:00:00+01:00', method: 'canary', notes: 'smoke' })
  })

  test('a broken summary is named under on or off, with both sides reported at once', () => {
    const good = sample('ticket-reserve-summary-export.json') as { metrics: Record<string, Record<string, unknown>> }
    const noMedian = structuredClone(good)
    delete noMedian.metrics.http_req_duration!.med
    const noRequests = structuredClone(good)
    delete noRequests.metrics.http_reqs
    expect(issuesOf(() => measurementFromK6(body(noMedian, { hello: 'world' }), NOW))).toEqual([
      { path: 'on.metrics.http_req_duration.med', message: 'missing (k6 --summary-export JSON)' },
      { path: 'off.metrics', message: 'missing: not a k6 end-of-test summary' },
    ])
    expect(issuesOf(() => measurementFromK6(body(good, noRequests), NOW))).toEqual([
      { path: 'off.metrics.http_reqs.count', message: 'missing or 0: the sample size comes from http_reqs' },
    ])
  })

  test('a latency beyond an hour (a unit mistake) is named at its k6 path', () => {
    const slow = structuredClone(sample('ticket-reserve-summary-export.json')) as { metrics: { http_req_duration: Record<string, number> } }
    slow.metrics.http_req_duration['p(95)'] = 4_000_000
    slow.metrics.http_req_duration.max = 4_000_000
    expect(
      issuesOf(() => measurementFromK6(body(slow, sample('ticket-reserve-summary-export.json')), NOW)).map((issue) => issue.path),
    ).toEqual(['on.metrics.http_req_duration.p(95)'])
  })
})
