import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compactServiceRollups, compactSpanRollups, type StoredSpanRollup } from './compact-rollups'
import { histogramOf } from './histogram'

const row = (operation: string, durationsUs: number[], errors = 0): StoredSpanRollup => ({
  operation,
  spanKind: 'server',
  spanCount: durationsUs.length,
  errorCount: errors,
  estimatedSpanCount: durationsUs.length * 10,
  estimatedErrorCount: errors * 10,
  durationSumUs: durationsUs.reduce((a, b) => a + b, 0),
  durationMaxUs: Math.max(0, ...durationsUs),
  histogram: histogramOf(durationsUs).encode(),
})

describe('compactSpanRollups', () => {
  test('minute rows of one operation become one row whose histogram is the histogram of all their spans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 50 }), { minLength: 1, maxLength: 60 }),
        (minutes) => {
          const [hour] = compactSpanRollups(minutes.map((durations) => row('GET /accounts', durations)))
          const all = minutes.flat()
          expect(hour).toEqual({ ...row('GET /accounts', all), histogram: histogramOf(all).encode() })
        },
      ),
      { numRuns: 200 },
    )
  })

  test('operations and kinds stay apart; errors and estimates add up', () => {
    const rows = [row('a', [1, 2], 1), row('b', [3]), row('a', [4], 1), { ...row('a', [5]), spanKind: 'client' }]
    const compacted = compactSpanRollups(rows)
    expect(compacted.map((r) => [r.operation, r.spanKind, r.spanCount, r.errorCount, r.estimatedErrorCount])).toEqual([
      ['a', 'server', 3, 2, 20],
      ['b', 'server', 1, 0, 0],
      ['a', 'client', 1, 0, 0],
    ])
  })
})

describe('compactServiceRollups', () => {
  test('sums every counter and merges the entry histograms; nothing for no rows', () => {
    const counters = {
      spans: 10,
      tracesSeen: 3,
      tracesComplete: 2,
      rootTraces: 1,
      rootTracesComplete: 1,
      orphanSpans: 1,
      skewedSpans: 0,
      warningSpans: 2,
      serverSpans: 4,
      serverSpansWithRoute: 3,
      httpSpans: 6,
      httpSpansWithStatus: 6,
      spansWithVersion: 10,
      spansWithSampler: 10,
      samplerParamSum: 1,
      rejectedRecords: 0,
      cleanedTextSpans: 1,
      entrySpans: 4,
      entryErrors: 1,
      entryEstimatedSpans: 40,
      entryEstimatedErrors: 10,
      entryDurationSumUs: 100,
    }
    const a = { ...counters, entryHistogram: histogramOf([10, 20]).encode() }
    const b = { ...counters, entryHistogram: histogramOf([30, 40]).encode() }
    const none = { ...counters, entryHistogram: null }
    expect(compactServiceRollups([a, b, none])).toEqual({
      ...Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v * 3])),
      entryHistogram: histogramOf([10, 20, 30, 40]).encode(),
    })
    expect(compactServiceRollups([none, none])?.entryHistogram).toBeNull()
    expect(compactServiceRollups([])).toBeNull()
  })
})
