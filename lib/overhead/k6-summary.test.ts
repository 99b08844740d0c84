// On the real k6 summaries in fixtures/formats/k6-summary (copies of ../shared/fixtures; see FORMATS-SOURCES.md there): two
// --summary-export files and one handleSummary() JSON.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { InvalidInputError } from '@/lib/errors'
import { overheadFromK6, parseK6Summary, parseK6SummaryText, type K6Summary } from './k6-summary'

const SHARED_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/formats/k6-summary')
const fixtureText = (file: string) => fs.readFileSync(path.join(SHARED_FIXTURES, file), 'utf8')
const fixture = (file: string): Record<string, unknown> => JSON.parse(fixtureText(file))

/** Every file of the folder, with what it reads as. A new file without an entry fails the suite. */
const EXPECTED: Record<string, K6Summary> = {
  'ticket-reserve-summary-export.json': {
    format: 'summary_export',
    requests: 100,
    durationMs: { avg: 3264.992537000001, p50: 3390.69845, p95: 4101.811365, p99: null },
    failedShare: 0.01, // passes 1 (failed), fails 99
  },
  'rate-limiter-k6-summary.json': {
    format: 'summary_export',
    requests: 388556,
    durationMs: { avg: 56.851944971388264, p50: 10.263748, p95: 269.06783674999986, p99: null },
    failedShare: 84495 / 388556, // the 429s; k6's own value 0.21745900204861077
  },
  'mostlyucid-nmt-k6-summary.handleSummary.json': {
    format: 'handle_summary',
    requests: 856,
    durationMs: { avg: 12563.465956191583, p50: 10990.5877, p95: 24458.761375, p99: null },
    failedShare: 0,
  },
}

describe('parseK6Summary on the shared k6 samples', () => {
  test('every sample file is covered', () => {
    expect(
      fs
        .readdirSync(SHARED_FIXTURES)
        .filter((file) => file.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort())
  })

  test.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    expect(parseK6Summary(fixture(file))).toEqual(expected)
    expect(parseK6SummaryText(fixtureText(file))).toEqual(expected)
  })

  test("k6's own failed share agrees with the counts", () => {
    expect(parseK6Summary(fixture('rate-limiter-k6-summary.json')).failedShare).toBeCloseTo(0.21745900204861077, 15)
  })

  test('p(99) is read when the run asked for it, in either format', () => {
    const exported = fixture('ticket-reserve-summary-export.json')
    const withP99 = structuredClone(exported) as { metrics: { http_req_duration: Record<string, number> } }
    withP99.metrics.http_req_duration['p(99)'] = 4170.5
    expect(parseK6Summary(withP99).durationMs.p99).toBe(4170.5)

    const handled = structuredClone(fixture('mostlyucid-nmt-k6-summary.handleSummary.json')) as {
      metrics: { http_req_duration: { values: Record<string, number> } }
    }
    handled.metrics.http_req_duration.values['p(99)'] = 26000
    expect(parseK6Summary(handled).durationMs.p99).toBe(26000)
  })

  test('without http_reqs or http_req_failed: null, not an error', () => {
    const summary = structuredClone(fixture('ticket-reserve-summary-export.json')) as { metrics: Record<string, unknown> }
    delete summary.metrics.http_reqs
    delete summary.metrics.http_req_failed
    expect(parseK6Summary(summary)).toMatchObject({ requests: null, failedShare: null })
  })
})

describe('parseK6Summary refuses what it cannot read, naming the JSON path', () => {
  const without = (file: string, drop: (metrics: Record<string, Record<string, unknown>>) => void) => {
    const summary = structuredClone(fixture(file)) as { metrics: Record<string, Record<string, unknown>> }
    drop(summary.metrics)
    return summary
  }
  const issuesOf = (body: unknown) => {
    try {
      parseK6Summary(body)
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError)
      return (error as InvalidInputError).issues
    }
    throw new Error('expected an InvalidInputError')
  }

  test.each([
    [
      'summary-export without p(95)',
      without('ticket-reserve-summary-export.json', (m) => delete m.http_req_duration?.['p(95)']),
      [{ path: 'metrics.http_req_duration.p(95)', message: 'missing (k6 --summary-export JSON)' }],
    ],
    [
      'summary-export without http_req_duration',
      without('rate-limiter-k6-summary.json', (m) => delete m.http_req_duration),
      [{ path: 'metrics.http_req_duration', message: 'missing (k6 --summary-export JSON)' }],
    ],
    [
      'handleSummary without p(95)',
      without(
        'mostlyucid-nmt-k6-summary.handleSummary.json',
        (m) => delete (m.http_req_duration?.values as Record<string, unknown>)['p(95)'],
      ),
      [{ path: 'metrics.http_req_duration.values.p(95)', message: 'missing (k6 handleSummary() JSON)' }],
    ],
    [
      'handleSummary without http_req_duration',
      without('mostlyucid-nmt-k6-summary.handleSummary.json', (m) => delete m.http_req_duration),
      [{ path: 'metrics.http_req_duration', message: 'missing (k6 handleSummary() JSON)' }],
    ],
    [
      'a median that is not a number',
      without('ticket-reserve-summary-export.json', (m) => Object.assign(m.http_req_duration ?? {}, { med: '3390ms' })),
      [{ path: 'metrics.http_req_duration.med', message: 'Invalid input: expected number, received string (k6 --summary-export JSON)' }],
    ],
    [
      'no metrics at all (a Prometheus response, say)',
      { status: 'success', data: {} },
      [{ path: 'metrics', message: 'missing: not a k6 end-of-test summary' }],
    ],
    ['not an object', [1, 2, 3], [{ path: 'metrics', message: 'missing: not a k6 end-of-test summary' }]],
  ])('%s', (_label, body, issues) => {
    expect(issuesOf(body)).toEqual(issues)
  })

  test('text that is not JSON', () => {
    expect(() => parseK6SummaryText(fixtureText('ticket-reserve-summary-export.json').slice(0, 200))).toThrow(/^\(file\): not JSON/)
  })
})

describe('overheadFromK6', () => {
  const exported = parseK6Summary(fixture('ticket-reserve-summary-export.json'))
  const handled = parseK6Summary(fixture('mostlyucid-nmt-k6-summary.handleSummary.json'))

  test('on − off for each statistic, across the two formats', () => {
    const overhead = overheadFromK6(handled, exported)
    expect(overhead.p50DeltaMs).toBeCloseTo(10990.5877 - 3390.69845, 9)
    expect(overhead.p95DeltaMs).toBeCloseTo(24458.761375 - 4101.811365, 9)
    expect(overhead.meanDeltaMs).toBeCloseTo(12563.465956191583 - 3264.992537000001, 9)
    expect(overhead.p99DeltaMs).toBeNull()
    expect(overhead.samples).toEqual({ on: 856, off: 100 })
  })

  test('the same run on both sides: no overhead', () => {
    expect(overheadFromK6(exported, exported)).toEqual({
      p50DeltaMs: 0,
      p95DeltaMs: 0,
      meanDeltaMs: 0,
      p99DeltaMs: null,
      samples: { on: 100, off: 100 },
    })
  })

  test('a traced run that came out faster: a negative overhead, as measured', () => {
    expect(overheadFromK6(exported, handled).p50DeltaMs).toBeCloseTo(3390.69845 - 10990.5877, 9)
  })

  test('p99 only when both sides have it', () => {
    const withP99 = (summary: K6Summary, p99: number): K6Summary => ({ ...summary, durationMs: { ...summary.durationMs, p99 } })
    expect(overheadFromK6(withP99(exported, 4200), withP99(exported, 4190)).p99DeltaMs).toBe(10)
    expect(overheadFromK6(withP99(exported, 4200), exported).p99DeltaMs).toBeNull()
  })
})
