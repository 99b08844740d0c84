// The canary judge (issue 14), after Netflix's Kayenta: over the same minutes of a deployment, compare
// the new version (canary) with the one it replaces (baseline), metric by metric (canary-metrics.ts).
// The verdict is the worst metric's result, with a 0–100 score beside it. Pure.
import { describeShortSample } from './canary-reasons'
import {
  judgeCanaryMetrics,
  notJudgedMetrics,
  throughputShare,
  type CanaryInput,
  type CanaryMetric,
  type CanaryThresholds,
  type VersionSample,
} from './canary-metrics'

export type { CanaryInput, CanaryMetric, CanaryMetricName, CanaryMetricResult, VersionSample } from './canary-metrics'

export type CanaryVerdict = 'pass' | 'marginal' | 'fail' | 'not_enough_data'

export type CanaryJudgement = {
  verdict: CanaryVerdict
  /** 0–100: the judged (not info) metrics that passed, marginal ones counting half (Kayenta's score); null without enough data. */
  score: number | null
  /** The judged metrics (p50, p95, p99, latency_distribution, error_rate), then throughput_share. */
  metrics: CanaryMetric[]
  /** Failing metrics' reasons, then marginal ones'; or one sentence saying all are within bounds, or why nothing was judged. */
  reasons: string[]
  canary: { version: string; requests: number }
  baseline: { version: string; requests: number }
}

export const CANARY_JUDGE_DEFAULTS = {
  // Requests (with a duration) each version needs before anything is judged. At 50, p95 is already
  // the 4th-slowest span and p99 the 2nd-slowest: fewer, and the tail is an anecdote.
  minRequests: 50,
  // One-sided significance. Stricter than 0.05 because the judge looks again every few minutes of a
  // rollout: at 0.05 a healthy canary would be called slower by chance once in 20 looks.
  alpha: 0.01,
  // A big change that is not significant yet is marginal only with some evidence behind it (p < 0.1):
  // over 50 requests p99 is the second-slowest one, and a healthy canary's is 20 % off by chance often.
  trendAlpha: 0.1,
  // p50/p95/p99: 20 % slower and significant fails; 10 % and significant, or 20 % but not significant
  // yet, is marginal. Significance comes from the rank test, as a percentile has no test of its own.
  latencyFailRatio: 1.2,
  latencyMarginalRatio: 1.1,
  // No latency metric is marginal or fails by less than this: 0.3 ms against 0.2 ms is +50 % that no
  // user feels. The distribution is held to it through its percentiles: one must be this much slower.
  latencyNoiseFloorMs: 1,
  // latency_distribution, P(a canary request is slower than a baseline one): 0.5 is no change; a
  // log-normal latency (σ = 0.5) 20 % slower gives 0.60 and 10 % slower 0.55, in step with the ratios.
  distributionFailProbability: 0.6,
  distributionMarginalProbability: 0.55,
  // Error rate (0..1): a significant rise of 0.01, one percentage point (absolute), fails; a smaller
  // significant rise is marginal.
  errorRateFailDifference: 0.01,
  // A rise of a point or more that is not significant yet is marginal once the canary has this many
  // errors; fewer is one unlucky minute.
  errorRateMarginalErrors: 5,
} satisfies CanaryThresholds & { minRequests: number }

export type CanaryJudgeOptions = Partial<typeof CANARY_JUDGE_DEFAULTS>

/** Requests that also have a duration: the smaller count, so neither the error rate nor the latencies rest on too few. */
const sampleSize = (sample: VersionSample) => Math.min(sample.requests, sample.histogram.count)

/** Throws RangeError when a side's errors are not an integer within [0, requests]. */
export function judgeCanary(input: CanaryInput, options: CanaryJudgeOptions = {}): CanaryJudgement {
  const settings = { ...CANARY_JUDGE_DEFAULTS, ...options }
  const versions = {
    canary: { version: input.canary.version, requests: input.canary.requests },
    baseline: { version: input.baseline.version, requests: input.baseline.requests },
  }
  const canarySize = sampleSize(input.canary)
  const baselineSize = sampleSize(input.baseline)
  if (canarySize < settings.minRequests || baselineSize < settings.minRequests) {
    const reason = describeShortSample(canarySize, baselineSize, settings.minRequests)
    // The traffic share is still reported: it is never judged, and a starved canary is worth seeing.
    return {
      verdict: 'not_enough_data',
      score: null,
      metrics: [...notJudgedMetrics(reason), throughputShare(input)],
      reasons: [reason],
      ...versions,
    }
  }

  const judged = judgeCanaryMetrics(input, settings)
  const failing = judged.filter((metric) => metric.result === 'fail')
  const marginal = judged.filter((metric) => metric.result === 'marginal')
  const passing = judged.filter((metric) => metric.result === 'pass')
  const verdict = failing.length > 0 ? 'fail' : marginal.length > 0 ? 'marginal' : 'pass'
  const score = Math.round((100 * (passing.length + marginal.length / 2)) / judged.length)
  const reasons =
    verdict === 'pass' ? [`All ${judged.length} metrics are within bounds`] : [...failing, ...marginal].map((metric) => metric.reason)
  return { verdict, score, metrics: [...judged, throughputShare(input)], reasons, ...versions }
}
