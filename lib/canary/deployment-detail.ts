// What the deployment page derives from a deployment: its id in the URL, the verdict's reasons in
// the order to read them, the per-minute rows of its side-by-side charts, and which operations stand
// out. Pure.
import { z } from 'zod'
import { CANARY_JUDGE_DEFAULTS, type CanaryJudgement, type CanaryMetricResult } from './canary-judge'
import { JUDGED_MINUTES, type CanaryStep } from './canary-window'
import type { DeploymentSummary, OperationDifference } from './deployment-read-repository'

export const deploymentParams = z.object({ id: z.uuid({ error: 'not a deployment id (a UUID)' }) })

export type VerdictReason = { result: Exclude<CanaryMetricResult, 'info'>; text: string }

const RESULT_ORDER: Record<VerdictReason['result'], number> = { fail: 0, marginal: 1, not_enough_data: 2, pass: 3 }

/**
 * Failing metrics first, then marginal ones, each with its own sentence; when none is either, the
 * judge's own reasons (all within bounds, or why nothing was judged), under the verdict.
 */
export function verdictReasons(judgement: CanaryJudgement): VerdictReason[] {
  const flagged = judgement.metrics
    .flatMap((metric) => (metric.result === 'fail' || metric.result === 'marginal' ? [{ result: metric.result, text: metric.reason }] : []))
    .sort((a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result])
  if (flagged.length > 0) return flagged
  return judgement.reasons.map((text) => ({ result: judgement.verdict, text }))
}

/** How many minutes the verdict covers: the last JUDGED_MINUTES of the `minutes` both versions ran. */
export const judgedMinuteCount = (minutes: number) => Math.min(JUDGED_MINUTES, minutes)

/** "minute", "5 minutes": a chart title's "per …". */
export const stepWords = (stepMinutes: number) => (stepMinutes === 1 ? 'minute' : `${stepMinutes} minutes`)

export type CanaryChartRow = {
  /** The step's start, ms since the epoch. */
  bucketMs: number
  canaryP95Us: number | null
  baselineP95Us: number | null
  /** 0..1; null without requests. */
  canaryErrorRatio: number | null
  baselineErrorRatio: number | null
  /** The canary's share of both versions' requests in the step (0..1). */
  canaryShare: number | null
}

const ratioOf = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export function canaryChartRows(steps: readonly CanaryStep[]): CanaryChartRow[] {
  return steps.map(({ bucketMs, canary, baseline }) => ({
    bucketMs,
    canaryP95Us: canary.p95Us,
    baselineP95Us: baseline.p95Us,
    canaryErrorRatio: ratioOf(canary.errors, canary.requests),
    baselineErrorRatio: ratioOf(baseline.errors, baseline.requests),
    canaryShare: ratioOf(canary.requests, canary.requests + baseline.requests),
  }))
}

/** The judge's fail ratio for a percentile (1.2: 20 % slower), applied to each operation's p95. */
export const SLOWER_OPERATION_RATIO = CANARY_JUDGE_DEFAULTS.latencyFailRatio

/** An operation whose canary p95 is at least SLOWER_OPERATION_RATIO times the baseline's. */
export const isSlowerOperation = (difference: Pick<OperationDifference, 'p95Ratio'>) =>
  difference.p95Ratio !== null && difference.p95Ratio >= SLOWER_OPERATION_RATIO

/** An operation whose error rate rose by the judge's fail difference or more (one percentage point). */
export const hasMoreErrors = (difference: Pick<OperationDifference, 'errorRateDifference'>) =>
  difference.errorRateDifference !== null && difference.errorRateDifference >= CANARY_JUDGE_DEFAULTS.errorRateFailDifference

/** Worst first: highest p95 ratio, then the largest rise in error rate; operations without a ratio last. */
export function sortOperationDifferences(differences: readonly OperationDifference[]): OperationDifference[] {
  const byNullLast = (a: number | null, b: number | null) => (a === null || b === null ? (a === b ? 0 : a === null ? 1 : -1) : b - a)
  return [...differences].sort(
    (a, b) =>
      byNullLast(a.p95Ratio, b.p95Ratio) ||
      byNullLast(a.errorRateDifference, b.errorRateDifference) ||
      a.operation.localeCompare(b.operation) ||
      a.spanKind.localeCompare(b.spanKind),
  )
}

/** How far back the canary's worst traces are searched, from its end (or now): Jaeger keeps recent traces, and a search sees the newest first. */
export const WORST_TRACES_LOOKBACK_MS = JUDGED_MINUTES * 60_000
export const WORST_TRACES_LIMIT = 10

export type WorstTracesSearch = { service: string; version: string; startUs: number; endUs: number; minDurationUs: number; limit: number }

/**
 * The Jaeger search for the canary's slowest traces: its spans (by `service.version`) over the last
 * four hours it ran (JUDGED_MINUTES), at least as slow as its judged median (any when not judged); null before its first span.
 */
export function worstTracesSearch(
  deployment: Pick<DeploymentSummary, 'service' | 'version' | 'firstSeenAt' | 'endedAt'>,
  judgement: CanaryJudgement | null,
  now: Date,
): WorstTracesSearch | null {
  if (!deployment.firstSeenAt) return null
  const endMs = (deployment.endedAt ?? now).getTime()
  const startMs = Math.max(deployment.firstSeenAt.getTime(), endMs - WORST_TRACES_LOOKBACK_MS)
  // Above the canary's median, not its p95: a small canary has only a few spans past its p95 in the window.
  const p50Ms = judgement?.metrics.find((metric) => metric.metric === 'p50')?.canary ?? null
  return {
    service: deployment.service,
    version: deployment.version,
    startUs: startMs * 1000,
    endUs: endMs * 1000,
    minDurationUs: p50Ms === null ? 0 : Math.floor(p50Ms * 1000),
    limit: WORST_TRACES_LIMIT,
  }
}
