import { describe, expect, test } from 'vitest'
import type { CanaryJudgement, CanaryMetric } from './canary-judge'
import {
  canaryChartRows,
  hasMoreErrors,
  isSlowerOperation,
  judgedMinuteCount,
  sortOperationDifferences,
  verdictReasons,
  worstTracesSearch,
} from './deployment-detail'
import type { OperationDifference } from './deployment-read-repository'

const metric = (overrides: Partial<CanaryMetric>): CanaryMetric => ({
  metric: 'p95',
  result: 'pass',
  unit: 'ms',
  canary: 10,
  baseline: 10,
  ratio: 1,
  difference: 0,
  pValue: 0.5,
  reason: 'p95 is unchanged on the canary (10 ms vs 10 ms)',
  ...overrides,
})

const judgement = (overrides: Partial<CanaryJudgement>): CanaryJudgement => ({
  verdict: 'pass',
  score: 100,
  metrics: [],
  reasons: ['Every metric is within bounds'],
  canary: { version: '2', requests: 100 },
  baseline: { version: '1', requests: 900 },
  ...overrides,
})

describe('verdictReasons', () => {
  test('failing metrics first, then marginal ones; passing and informational ones left out', () => {
    const reasons = verdictReasons(
      judgement({
        verdict: 'fail',
        metrics: [
          metric({ metric: 'p50', result: 'marginal', reason: 'p50 slower' }),
          metric({ metric: 'p95', result: 'pass' }),
          metric({ metric: 'error_rate', result: 'fail', reason: 'errors up' }),
          metric({ metric: 'throughput_share', result: 'info', reason: 'share' }),
        ],
      }),
    )
    expect(reasons).toEqual([
      { result: 'fail', text: 'errors up' },
      { result: 'marginal', text: 'p50 slower' },
    ])
  })

  test.each([
    ['all within bounds: the judge`s sentence, as a pass', 'pass', ['Every metric is within bounds']],
    ['not enough data: why, once (not once per metric)', 'not_enough_data', ['Not enough data yet']],
  ] as const)('%s', (_label, verdict, reasons) => {
    const metrics = [metric({ result: verdict === 'pass' ? 'pass' : 'not_enough_data', reason: reasons[0] })]
    expect(verdictReasons(judgement({ verdict, metrics, reasons: [...reasons] }))).toEqual([{ result: verdict, text: reasons[0] }])
  })
})

describe('canaryChartRows', () => {
  test('error ratios and the canary share per minute; null where a side had no requests', () => {
    const rows = canaryChartRows([
      { bucketMs: 0, canary: { requests: 10, errors: 1, p95Us: 900 }, baseline: { requests: 30, errors: 0, p95Us: 800 } },
      { bucketMs: 60_000, canary: { requests: 0, errors: 0, p95Us: null }, baseline: { requests: 0, errors: 0, p95Us: null } },
    ])
    expect(rows).toEqual([
      { bucketMs: 0, canaryP95Us: 900, baselineP95Us: 800, canaryErrorRatio: 0.1, baselineErrorRatio: 0, canaryShare: 0.25 },
      { bucketMs: 60_000, canaryP95Us: null, baselineP95Us: null, canaryErrorRatio: null, baselineErrorRatio: null, canaryShare: null },
    ])
  })

  test.each([
    [0, 0],
    [12, 12],
    [300, 240],
  ])('%i minutes both versions ran: the verdict covers %i', (minutes, judged) => {
    expect(judgedMinuteCount(minutes)).toBe(judged)
  })
})

const difference = (operation: string, p95Ratio: number | null, errorRateDifference: number | null): OperationDifference => ({
  operation,
  spanKind: 'server',
  canary: { spans: 10, errors: 0, p95Us: 1 },
  baseline: { spans: 10, errors: 0, p95Us: 1 },
  p95Ratio,
  errorRateDifference,
})

describe('operations', () => {
  test('worst first: p95 ratio, then the error-rate rise, then by name; no ratio last', () => {
    const sorted = sortOperationDifferences([
      difference('d', null, 0.5),
      difference('c', 1.1, 0),
      difference('b', 1.5, 0),
      difference('a', 1.1, 0.02),
      difference('e', 1.1, 0),
    ])
    expect(sorted.map((row) => row.operation)).toEqual(['b', 'a', 'c', 'e', 'd'])
  })

  test.each([
    [1.2, true],
    [1.19, false],
    [null, false],
  ])('p95 ratio %s: slower (highlighted) %s', (p95Ratio, slower) => {
    expect(isSlowerOperation({ p95Ratio })).toBe(slower)
  })

  test.each([
    [0.01, true],
    [0.009, false],
    [-0.05, false],
    [null, false],
  ])('error rate up by %s: flagged %s', (errorRateDifference, flagged) => {
    expect(hasMoreErrors({ errorRateDifference })).toBe(flagged)
  })
})

describe('worstTracesSearch', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute))
  const deployment = { service: 'account-service', version: '2.31.4', firstSeenAt: at(-270), endedAt: null }
  const judged = judgement({ metrics: [metric({ metric: 'p50', canary: 182.4567 }), metric({ metric: 'p95', canary: 400 })] })
  test.each([
    [
      'running for 270 min: the last four hours to now, above the canary median',
      deployment,
      judged,
      { startMs: at(-240), endMs: at(0), minDurationUs: 182_456 },
    ],
    [
      'ended: the four hours before its end',
      { ...deployment, endedAt: at(-10) },
      judged,
      { startMs: at(-250), endMs: at(-10), minDurationUs: 182_456 },
    ],
    [
      'shorter than four hours: from its first span',
      { ...deployment, firstSeenAt: at(-10) },
      judged,
      { startMs: at(-10), endMs: at(0), minDurationUs: 182_456 },
    ],
    ['not judged: no floor', deployment, null, { startMs: at(-240), endMs: at(0), minDurationUs: 0 }],
  ])('%s', (_label, input, judgementOf, expected) => {
    expect(worstTracesSearch(input, judgementOf, at(0))).toEqual({
      service: 'account-service',
      version: '2.31.4',
      startUs: expected.startMs.getTime() * 1000,
      endUs: expected.endMs.getTime() * 1000,
      minDurationUs: expected.minDurationUs,
      limit: 10,
    })
  })

  test('announced only (no span yet): nothing to search', () => {
    expect(worstTracesSearch({ ...deployment, firstSeenAt: null }, null, at(0))).toBeNull()
  })
})
