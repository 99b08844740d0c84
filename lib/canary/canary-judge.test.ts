import { describe, expect, it } from 'vitest'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'
import { judgeCanary, type CanaryMetric, type CanaryMetricName, type CanaryMetricResult, type VersionSample } from './canary-judge'

type SampleSpec = {
  seed: number
  requests?: number
  errorRate?: number
  medianMs?: number
  /** This share of requests is `slowFactor` times slower: a regression in the tail only. */
  slowShare?: number
  slowFactor?: number
}

/** σ of ln(duration): p95 ≈ 2.3 × p50, p99 ≈ 3.2 × p50, as a typical HTTP service. */
const SIGMA = 0.5

/** A version's window: `requests` entry spans with seeded log-normal durations. */
function sample({ seed, requests = 4000, errorRate = 0.01, medianMs = 100, slowShare = 0, slowFactor = 1 }: SampleSpec): VersionSample {
  const uniform = uniformSource(seed)
  const histogram = new LatencyHistogram()
  for (let i = 0; i < requests; i++) {
    // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
    const gaussian = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())
    const slowdown = uniform() < slowShare ? slowFactor : 1
    histogram.add(medianMs * 1000 * Math.exp(SIGMA * gaussian) * slowdown)
  }
  return { version: `v${seed}`, requests, errors: Math.round(requests * errorRate), histogram }
}

const resultsOf = (metrics: CanaryMetric[]) => Object.fromEntries(metrics.map(({ metric, result }) => [metric, result]))
const metricOf = (metrics: CanaryMetric[], name: CanaryMetricName) => metrics.find(({ metric }) => metric === name)!

const ALL_PASS = {
  p50: 'pass',
  p95: 'pass',
  p99: 'pass',
  latency_distribution: 'pass',
  error_rate: 'pass',
  throughput_share: 'info',
} as const

// A row changes one thing: the canary is the baseline's own seeded sample, slowed down or erring
// more, so the rank test sees only that change. Only "identical versions" draws two samples, to
// show that sampling noise alone passes.
const SCENARIOS: {
  name: string
  canary: SampleSpec
  baseline: SampleSpec
  verdict: string
  results: Partial<Record<CanaryMetricName, CanaryMetricResult>>
}[] = [
  { name: 'identical versions pass', canary: { seed: 1 }, baseline: { seed: 2 }, verdict: 'pass', results: ALL_PASS },
  {
    name: 'a 30 % p95 regression fails',
    canary: { seed: 3, medianMs: 130 },
    baseline: { seed: 3 },
    verdict: 'fail',
    results: { ...ALL_PASS, p50: 'fail', p95: 'fail', p99: 'fail', latency_distribution: 'fail' },
  },
  {
    name: 'a tiny sample says not enough data yet',
    canary: { seed: 5, requests: 20 },
    baseline: { seed: 6, requests: 400 },
    verdict: 'not_enough_data',
    results: {
      p50: 'not_enough_data',
      p95: 'not_enough_data',
      p99: 'not_enough_data',
      latency_distribution: 'not_enough_data',
      error_rate: 'not_enough_data',
      throughput_share: 'info',
    },
  },
  {
    name: 'an error burst (1 % → 8 %) fails',
    canary: { seed: 7, errorRate: 0.08 },
    baseline: { seed: 7 },
    verdict: 'fail',
    results: { ...ALL_PASS, error_rate: 'fail' },
  },
  { name: 'a faster canary passes', canary: { seed: 9, medianMs: 70 }, baseline: { seed: 9 }, verdict: 'pass', results: ALL_PASS },
  {
    name: 'a 15 % slowdown is marginal',
    canary: { seed: 11, medianMs: 115 },
    baseline: { seed: 11 },
    verdict: 'marginal',
    results: { ...ALL_PASS, p50: 'marginal', p95: 'marginal', p99: 'marginal', latency_distribution: 'marginal' },
  },
  {
    name: 'a tail regression on 1,000 requests is marginal: p95 and p99 rise, the rank test cannot confirm it yet',
    canary: { seed: 13, requests: 1000, slowShare: 0.03, slowFactor: 5 },
    baseline: { seed: 13, requests: 1000 },
    verdict: 'marginal',
    results: { ...ALL_PASS, p95: 'marginal', p99: 'marginal' },
  },
  {
    name: 'a small but significant error rise (1 % → 1.6 %) is marginal',
    canary: { seed: 15, requests: 20_000, errorRate: 0.016 },
    baseline: { seed: 15, requests: 20_000 },
    verdict: 'marginal',
    results: { ...ALL_PASS, error_rate: 'marginal' },
  },
  {
    name: 'a 2-point error rise that is not significant yet is marginal once the canary has 5 errors',
    canary: { seed: 17, requests: 200, errorRate: 0.03 },
    baseline: { seed: 17, requests: 200 },
    verdict: 'marginal',
    results: { ...ALL_PASS, error_rate: 'marginal' },
  },
  {
    name: 'a 3-point error rise from 4 errors passes',
    canary: { seed: 19, requests: 100, errorRate: 0.04 },
    baseline: { seed: 19, requests: 100 },
    verdict: 'pass',
    results: ALL_PASS,
  },
  {
    name: 'a 50 % slowdown under the 1 ms noise floor passes',
    canary: { seed: 21, medianMs: 0.15 },
    baseline: { seed: 21, medianMs: 0.1 },
    verdict: 'pass',
    results: ALL_PASS,
  },
  {
    name: 'two slow requests in 60 are noise: p99 jumps, the rank test sees nothing (p ≥ 0.1), it passes',
    canary: { seed: 13, requests: 60, slowShare: 0.03, slowFactor: 3 },
    baseline: { seed: 13, requests: 60 },
    verdict: 'pass',
    results: ALL_PASS,
  },
]

describe('judgeCanary', () => {
  it.each(SCENARIOS)('$name', ({ canary, baseline, verdict, results }) => {
    const judgement = judgeCanary({ canary: sample(canary), baseline: sample(baseline) })
    expect(judgement.verdict).toBe(verdict)
    expect(resultsOf(judgement.metrics)).toMatchObject(results)
  })

  it('says by how much, with the figures', () => {
    const judgement = judgeCanary({ canary: sample({ seed: 3, medianMs: 130 }), baseline: sample({ seed: 3 }) })
    expect(metricOf(judgement.metrics, 'p95')).toMatchObject({
      unit: 'ms',
      canary: expect.closeTo(294, 0),
      baseline: expect.closeTo(226, 0),
      ratio: expect.closeTo(1.3, 2),
      reason: 'p95 is 30 % higher on the canary (294 ms vs 226 ms)',
    })
    expect(metricOf(judgement.metrics, 'latency_distribution')).toMatchObject({
      unit: 'ratio',
      canary: expect.closeTo(0.65, 2),
      reason: 'A canary request is slower than a baseline request 65 % of the time (p = 2.8e-113)',
    })
  })

  it('puts failing reasons before marginal ones', () => {
    const judgement = judgeCanary({ canary: sample({ seed: 11, medianMs: 115, errorRate: 0.08 }), baseline: sample({ seed: 11 }) })
    expect(judgement.reasons).toEqual([
      'Error rate is 7.00 percentage points higher on the canary (8.00 % vs 1.00 %)',
      'p50 is 15 % higher on the canary (115 ms vs 99.7 ms)',
      'p95 is 15 % higher on the canary (261 ms vs 226 ms)',
      'p99 is 15 % higher on the canary (359 ms vs 312 ms)',
      'A canary request is slower than a baseline request 58 % of the time (p = 2.4e-34)',
    ])
  })

  it('explains a marginal error rate and a pass under the noise floor', () => {
    const errors = judgeCanary({
      canary: sample({ seed: 17, requests: 200, errorRate: 0.03 }),
      baseline: sample({ seed: 17, requests: 200 }),
    })
    expect(errors.reasons).toEqual([
      'Error rate is 2.00 percentage points higher on the canary (3.00 % vs 1.00 %), not significant yet (p = 0.077)',
    ])
    const tiny = judgeCanary({ canary: sample({ seed: 21, medianMs: 0.15 }), baseline: sample({ seed: 21, medianMs: 0.1 }) })
    expect(tiny.reasons).toEqual(['All 5 metrics are within bounds'])
    expect(metricOf(tiny.metrics, 'p50').reason).toBe('p50 is 49 % higher on the canary (150 µs vs 100 µs), under the 1 ms noise floor')
  })

  it.each([
    { name: 'every metric passing', canary: { seed: 1 }, score: 100 },
    { name: 'the error rate failing', canary: { seed: 7, errorRate: 0.08 }, score: 80 },
    { name: 'the error rate marginal', canary: { seed: 7, errorRate: 0.016 }, score: 90 },
    { name: 'every latency metric marginal and the error rate failing', canary: { seed: 11, medianMs: 115, errorRate: 0.08 }, score: 40 },
  ])('scores $score with $name: passes count 1, marginals ½, out of the 5 judged metrics', ({ canary, score }) => {
    expect(judgeCanary({ canary: sample(canary), baseline: sample({ seed: 2 }) }).score).toBe(score)
  })

  it('judges nothing below minRequests, naming both sides, and counts only spans that have a duration', () => {
    const short = { ...sample({ seed: 5, requests: 400 }), histogram: sample({ seed: 5, requests: 30 }).histogram }
    const judgement = judgeCanary({ canary: short, baseline: sample({ seed: 6, requests: 400 }) })
    expect(judgement).toMatchObject({
      verdict: 'not_enough_data',
      score: null,
      reasons: ['Not enough data yet: the canary has 30 requests and the baseline 400; each version needs at least 50'],
      canary: { version: 'v5', requests: 400 },
      baseline: { version: 'v6', requests: 400 },
    })
    expect(judgeCanary({ canary: sample({ seed: 1 }), baseline: sample({ seed: 2 }) }, { minRequests: 5000 }).verdict).toBe(
      'not_enough_data',
    )
  })

  it('reports the traffic share without judging it', () => {
    const judgement = judgeCanary({ canary: sample({ seed: 1, requests: 1000 }), baseline: sample({ seed: 2, requests: 9000 }) })
    expect(metricOf(judgement.metrics, 'throughput_share')).toEqual({
      metric: 'throughput_share',
      result: 'info',
      unit: 'ratio',
      canary: 0.1,
      baseline: 0.9,
      ratio: null,
      difference: null,
      pValue: null,
      reason: 'The canary serves 10.0 % of requests (1,000 of 10,000)',
    })
  })

  it('takes options over the defaults: a stricter alpha leaves a 30 % regression marginal', () => {
    const input = { canary: sample({ seed: 3, medianMs: 130 }), baseline: sample({ seed: 3 }) }
    expect(judgeCanary(input, { alpha: 1e-200 })).toMatchObject({ verdict: 'marginal' })
  })
})
