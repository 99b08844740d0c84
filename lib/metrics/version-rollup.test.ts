import { describe, expect, it } from 'vitest'
import { testSpan, testTrace } from '@/lib/traces/testing/spans'
import { MINUTE_US } from '@/lib/time/time-buckets'
import { compactVersionRollups } from './compact-rollups'
import { mergeWindowRollups } from './merge-window-rollups'
import { computeWindowRollups } from './rollup'
import { versionRowsToStore, versionsSeen } from './version-rollup'

const T0 = Date.UTC(2026, 11, 6, 9, 0) * 1000
const WINDOW = { service: 'svc', startUs: T0, endUs: T0 + 3 * MINUTE_US }
let id = 1
const span = (minute: number, version: string | null, overrides: Parameters<typeof testSpan>[0] = {}) =>
  testSpan({
    spanId: (id++).toString(16).padStart(16, '0'),
    startUs: T0 + minute * MINUTE_US + 1000,
    serviceVersion: version,
    ...overrides,
  })
const request = (minute: number, version: string | null, durationUs: number, error = false) =>
  span(minute, version, { kind: 'server', operation: 'GET /accounts', durationUs, error })

describe('versions in the rollups', () => {
  it('a single-version minute stores one version row without a second histogram, and no operation rows', () => {
    const rollups = computeWindowRollups([testTrace(request(0, '1.0.0', 1000), span(0, '1.0.0', { kind: 'client' }))], WINDOW)
    expect(rollups.spanRollups).toHaveLength(2)
    const { versionRollups, versionOperationRollups } = versionRowsToStore(rollups)
    expect(versionRollups).toEqual([expect.objectContaining({ version: '1.0.0', spans: 2, entrySpans: 1, entryHistogram: null })])
    expect(versionOperationRollups).toEqual([])
  })

  it('a minute of two versions keeps each version per operation and sums them in the usual rows', () => {
    const rollups = computeWindowRollups(
      [testTrace(request(1, '1.0.0', 1000)), testTrace(request(1, '1.0.0', 1200)), testTrace(request(1, '1.1.0', 5000, true))],
      WINDOW,
    )
    expect(rollups.spanRollups).toEqual([expect.objectContaining({ operation: 'GET /accounts', spanCount: 3, errorCount: 1 })])
    expect(rollups.spanRollups[0]!.histogram.count).toBe(3)
    const { versionRollups, versionOperationRollups } = versionRowsToStore(rollups)
    const byVersion = Object.fromEntries(versionRollups.map((row) => [row.version, row]))
    expect(byVersion['1.0.0']).toMatchObject({ entrySpans: 2, entryErrors: 0 })
    expect(byVersion['1.1.0']).toMatchObject({ entrySpans: 1, entryErrors: 1, entryDurationMaxUs: 5000 })
    expect(byVersion['1.1.0']!.entryHistogram!.quantile(0.5)).toBeCloseTo(5000, -2)
    expect(versionOperationRollups.map((row) => [row.version, row.spanCount]).sort()).toEqual([
      ['1.0.0', 2],
      ['1.1.0', 1],
    ])
  })

  it('spans without a version stay in the usual rows only, and keep the version histogram its own', () => {
    const rollups = computeWindowRollups([testTrace(request(0, '1.0.0', 1000)), testTrace(request(0, null, 9000))], WINDOW)
    expect(rollups.spanRollups[0]!.spanCount).toBe(2)
    const { versionRollups } = versionRowsToStore(rollups)
    expect(versionRollups).toHaveLength(1)
    expect(versionRollups[0]!.entryHistogram!.count).toBe(1)
  })

  it('a minute split between two pieces of a window still counts as two versions', () => {
    const cut = T0 + MINUTE_US + 30_000_000
    const traces = [
      testTrace(request(1, '1.0.0', 1000)),
      testTrace(span(1, '1.1.0', { kind: 'server', startUs: cut + 1, durationUs: 900 })),
    ]
    const merged = mergeWindowRollups([
      computeWindowRollups(traces, { ...WINDOW, endUs: cut }),
      computeWindowRollups(traces, { ...WINDOW, startUs: cut }),
    ])
    expect(versionRowsToStore(merged).versionOperationRollups).toHaveLength(2)
  })

  it('first and last minute of each version', () => {
    const rollups = computeWindowRollups(
      [testTrace(request(0, '1.0.0', 1)), testTrace(request(2, '1.0.0', 1)), testTrace(request(1, '2.0.0', 1))],
      WINDOW,
    )
    expect(versionsSeen(versionRowsToStore(rollups).versionRollups).sort((a, b) => a.version.localeCompare(b.version))).toEqual([
      { version: '1.0.0', firstSeenUs: T0, lastSeenUs: T0 + 2 * MINUTE_US, spans: 2 },
      { version: '2.0.0', firstSeenUs: T0 + MINUTE_US, lastSeenUs: T0 + MINUTE_US, spans: 1 },
    ])
  })
})

describe('compactVersionRollups', () => {
  const histogramOf = (durationUs: number) =>
    computeWindowRollups([testTrace(request(0, 'x', durationUs))], WINDOW).spanRollups[0]!.histogram.encode()
  const row = (bucket: number, version: string, entryHistogram: Uint8Array | null) => ({
    bucketStartUs: T0 + bucket * MINUTE_US,
    version,
    spans: 1,
    entrySpans: 1,
    entryErrors: 0,
    entryEstimatedSpans: 1,
    entryEstimatedErrors: 0,
    entryDurationSumUs: 1,
    entryDurationMaxUs: 1,
    entryHistogram,
  })

  it('keeps the histogram null when the version served every bucket', () => {
    const services = new Map([
      [T0, histogramOf(1000)],
      [T0 + MINUTE_US, histogramOf(2000)],
    ])
    expect(compactVersionRollups([row(0, 'a', null), row(1, 'a', null)], services)).toEqual([
      expect.objectContaining({ version: 'a', spans: 2, entryHistogram: null }),
    ])
  })

  it('reads the service histogram of a null bucket when the hour had another version too', () => {
    const services = new Map([
      [T0, histogramOf(1000)],
      [T0 + MINUTE_US, histogramOf(2000)],
    ])
    const [a, b] = compactVersionRollups([row(0, 'a', null), row(1, 'b', null)], services)
    expect(a!.entryHistogram).not.toBeNull()
    expect(b!.entryHistogram).not.toBeNull()
  })
})
