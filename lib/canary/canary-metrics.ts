// The canary's metrics, each judged on its own: p50/p95/p99, the whole latency distribution (the
// Mann–Whitney rank test), the error rate (a two-proportion z-test), and the traffic share for
// information. canary-judge.ts turns them into a verdict.
import type { LatencyHistogram } from '@/lib/metrics/histogram'
import { QUANTILES, type Quantile } from '@/lib/metrics/baseline'
import { computeMannWhitney } from './mann-whitney'
import { computeTwoProportions } from './two-proportions'
import {
  describeErrorRateChange,
  describeLatencyChange,
  describeProbabilitySlower,
  describeThroughputShare,
  formatPValue,
} from './canary-reasons'

export type VersionSample = {
  version: string
  /** Entry spans of this version in the window. */
  requests: number
  /** Entry spans with an error. */
  errors: number
  /** Durations of those entry spans, µs. */
  histogram: LatencyHistogram
}

export type CanaryInput = { canary: VersionSample; baseline: VersionSample }

export type CanaryMetricName = Quantile | 'latency_distribution' | 'error_rate' | 'throughput_share'
/** 'info' is reported, never judged. */
export type CanaryMetricResult = 'pass' | 'marginal' | 'fail' | 'not_enough_data' | 'info'

export type CanaryMetric = {
  metric: CanaryMetricName
  result: CanaryMetricResult
  /**
   * What `canary` and `baseline` hold: ms for p50/p95/p99; a 0..1 ratio for the error rate, the
   * traffic share, and for latency_distribution P(a canary request is slower) (baseline: null).
   */
  unit: 'ms' | 'ratio'
  canary: number | null
  baseline: number | null
  /** canary / baseline, for p50/p95/p99; null elsewhere, and when the baseline is 0. */
  ratio: number | null
  /** canary − baseline in `unit` (for the error rate 0.01 is one percentage point); null for the distribution. */
  difference: number | null
  /** The one-sided p-value behind the result: the canary is slower (rank test), or errs more. */
  pValue: number | null
  /** One sentence with the figures: "p95 is 31 % higher on the canary (182 ms vs 139 ms)". */
  reason: string
}

/** Where pass turns marginal and fail; CANARY_JUDGE_DEFAULTS (canary-judge.ts) explains each default. */
export type CanaryThresholds = {
  alpha: number
  trendAlpha: number
  latencyFailRatio: number
  latencyMarginalRatio: number
  latencyNoiseFloorMs: number
  distributionFailProbability: number
  distributionMarginalProbability: number
  errorRateFailDifference: number
  errorRateMarginalErrors: number
}

const QUANTILE_LEVEL = { p50: 0.5, p95: 0.95, p99: 0.99 } satisfies Record<Quantile, number>
const US_PER_MS = 1000

/** p50/p95/p99, confirmed by the rank test: a percentile has no test of its own. Histograms must not be empty. */
function judgeQuantile(
  quantile: Quantile,
  { canary, baseline }: CanaryInput,
  pValueSlower: number,
  thresholds: CanaryThresholds,
): CanaryMetric {
  const canaryMs = (canary.histogram.quantile(QUANTILE_LEVEL[quantile]) ?? 0) / US_PER_MS
  const baselineMs = (baseline.histogram.quantile(QUANTILE_LEVEL[quantile]) ?? 0) / US_PER_MS
  const ratio = baselineMs > 0 ? canaryMs / baselineMs : null
  const slowerBy = ratio ?? (canaryMs > 0 ? Infinity : 1) // over a 0 ms baseline, any canary latency exceeds every ratio
  const significant = pValueSlower < thresholds.alpha
  const trending = pValueSlower < thresholds.trendAlpha
  const aboveFloor = canaryMs - baselineMs >= thresholds.latencyNoiseFloorMs
  const notable = slowerBy >= thresholds.latencyMarginalRatio
  let result: CanaryMetricResult = 'pass'
  if (aboveFloor && slowerBy >= thresholds.latencyFailRatio) result = significant ? 'fail' : trending ? 'marginal' : 'pass'
  else if (aboveFloor && notable && significant) result = 'marginal'
  let clause = ''
  if (notable && !aboveFloor) clause = `, under the ${thresholds.latencyNoiseFloorMs} ms noise floor`
  else if (notable && !significant) clause = `, not significant${trending ? ' yet' : ''} (${formatPValue(pValueSlower)})`
  const reason = describeLatencyChange(quantile, canaryMs, baselineMs) + clause
  return {
    metric: quantile,
    result,
    unit: 'ms',
    canary: canaryMs,
    baseline: baselineMs,
    ratio,
    difference: canaryMs - baselineMs,
    pValue: pValueSlower,
    reason,
  }
}

/** The rank test itself. `aboveFloor`: some percentile is slower by at least the noise floor. */
function judgeDistribution(
  probabilitySlower: number,
  pValueSlower: number,
  aboveFloor: boolean,
  thresholds: CanaryThresholds,
): CanaryMetric {
  const significant = pValueSlower < thresholds.alpha
  const notable = probabilitySlower >= thresholds.distributionMarginalProbability
  let result: CanaryMetricResult = 'pass'
  if (significant && notable && aboveFloor) result = probabilitySlower >= thresholds.distributionFailProbability ? 'fail' : 'marginal'
  let clause = ''
  if (significant && !notable) clause = ', too small a shift to matter'
  else if (significant && !aboveFloor) clause = `, under the ${thresholds.latencyNoiseFloorMs} ms noise floor`
  const reason = describeProbabilitySlower(probabilitySlower, pValueSlower) + clause
  return {
    metric: 'latency_distribution',
    result,
    unit: 'ratio',
    canary: probabilitySlower,
    baseline: null,
    ratio: null,
    difference: null,
    pValue: pValueSlower,
    reason,
  }
}

/** Both sides must have requests. */
function judgeErrorRate({ canary, baseline }: CanaryInput, thresholds: CanaryThresholds): CanaryMetric {
  const test = computeTwoProportions(canary, baseline)
  const [canaryRate, baselineRate] = [test.canaryRate ?? 0, test.baselineRate ?? 0]
  const difference = canaryRate - baselineRate
  const significant = test.pValueWorse < thresholds.alpha
  const large = difference >= thresholds.errorRateFailDifference
  const enoughErrors = canary.errors >= thresholds.errorRateMarginalErrors
  let result: CanaryMetricResult = 'pass'
  const trending = test.pValueWorse < thresholds.trendAlpha
  if (significant) result = large ? 'fail' : 'marginal'
  else if (large && enoughErrors && trending) result = 'marginal'
  let clause = ''
  const points = Number((thresholds.errorRateFailDifference * 100).toPrecision(3))
  if (significant && !large) clause = `, significant (${formatPValue(test.pValueWorse)}) but under ${points} percentage point`
  else if (large && !significant)
    clause = enoughErrors
      ? `, not significant${trending ? ' yet' : ''} (${formatPValue(test.pValueWorse)})`
      : `, from only ${canary.errors} errors`
  const reason = describeErrorRateChange(canaryRate, baselineRate) + clause
  return {
    metric: 'error_rate',
    result,
    unit: 'ratio',
    canary: canaryRate,
    baseline: baselineRate,
    ratio: null,
    difference,
    pValue: test.pValueWorse,
    reason,
  }
}

/** Informational: the rollout tool sets the canary's share of traffic, so it never fails the canary. */
export function throughputShare({ canary, baseline }: CanaryInput): CanaryMetric {
  const total = canary.requests + baseline.requests
  const share = total > 0 ? canary.requests / total : null
  const reason = describeThroughputShare(canary.requests, total)
  return {
    metric: 'throughput_share',
    result: 'info',
    unit: 'ratio',
    canary: share,
    baseline: share === null ? null : 1 - share,
    ratio: null,
    difference: null,
    pValue: null,
    reason,
  }
}

/** The judged metrics: p50, p95, p99, latency_distribution, error_rate. Both histograms must hold spans and both sides requests. */
export function judgeCanaryMetrics(input: CanaryInput, thresholds: CanaryThresholds): CanaryMetric[] {
  const rank = computeMannWhitney(input.canary.histogram, input.baseline.histogram)
  const quantiles = QUANTILES.map((quantile) => judgeQuantile(quantile, input, rank.pValueSlower, thresholds))
  const aboveFloor = quantiles.some((metric) => metric.difference! >= thresholds.latencyNoiseFloorMs)
  const distribution = judgeDistribution(rank.probabilityCanarySlower, rank.pValueSlower, aboveFloor, thresholds)
  return [...quantiles, distribution, judgeErrorRate(input, thresholds)]
}

/** The judged metrics when the samples are too small to judge, `reason` saying so. */
export const notJudgedMetrics = (reason: string): CanaryMetric[] =>
  [...QUANTILES, 'latency_distribution' as const, 'error_rate' as const].map((metric) => ({
    metric,
    result: 'not_enough_data',
    unit: metric === 'latency_distribution' || metric === 'error_rate' ? 'ratio' : 'ms',
    canary: null,
    baseline: null,
    ratio: null,
    difference: null,
    pValue: null,
    reason,
  }))
