// The minutes a canary is judged on: the stretch in which both the new version and its baseline were
// serving — from the first minute both served entry spans to the last — so both saw the same traffic
// mix, time of day and downstream weather; the most recent `judgedMinutes` of it. Every request of
// either version in that stretch counts, also in a minute a quiet canary happened to serve none.
// Step by step too (a minute, or several merged), for the deployment page's side-by-side charts. Pure.
import { LatencyHistogram } from '@/lib/metrics/histogram'
import type { VersionSample } from './canary-metrics'

/**
 * One version's entry spans in one bucket (version_rollups; the histogram read from the service's row
 * where the version served them all): a minute, or an hour where the minutes are past their retention.
 */
export type VersionBucket = {
  bucketMs: number
  widthMs: number
  version: string
  requests: number
  errors: number
  histogram: Uint8Array | null
}

/** Both versions in one step of the side-by-side charts (a minute, or several): its start, requests, errors and p95. */
export type CanaryStep = {
  bucketMs: number
  canary: { requests: number; errors: number; p95Us: number | null }
  baseline: { requests: number; errors: number; p95Us: number | null }
}

export type CanaryWindow = {
  canary: VersionSample
  baseline: VersionSample
  /**
   * The judged stretch: the start of its first and of its last bucket, its end, and how many minutes
   * it spans; null (0) when the versions never overlapped.
   */
  fromMs: number | null
  toMs: number | null
  endMs: number | null
  minutes: number
}

/** Judge over the last four hours both versions ran: long enough for a small canary of a quiet service at night, short enough that a long rollout is judged on how it runs now. */
export const JUDGED_MINUTES = 240
const MINUTE_MS = 60_000

const emptySample = (version: string): VersionSample => ({ version, requests: 0, errors: 0, histogram: new LatencyHistogram() })

export type Overlap = {
  /** Start of the first and of the last bucket in which both versions served entry spans. */
  fromMs: number
  toMs: number
  /** Where that last bucket ends. */
  endMs: number
}

/** The stretch in which both versions served entry spans; null if they never did in these rows. */
export function overlap(rows: readonly VersionBucket[], canary: string, baseline: string): Overlap | null {
  const served = { canary: new Map<number, number>(), baseline: new Map<number, number>() }
  for (const row of rows) {
    if (row.requests === 0) continue
    if (row.version === canary) served.canary.set(row.bucketMs, row.widthMs)
    else if (row.version === baseline) served.baseline.set(row.bucketMs, row.widthMs)
  }
  const both = [...served.canary.keys()].filter((bucketMs) => served.baseline.has(bucketMs))
  if (both.length === 0) return null
  const toMs = Math.max(...both)
  return { fromMs: Math.min(...both), toMs, endMs: toMs + served.canary.get(toMs)! }
}

export function canaryWindow(
  rows: readonly VersionBucket[],
  { canary, baseline, judgedMinutes = JUDGED_MINUTES }: { canary: string; baseline: string; judgedMinutes?: number },
): CanaryWindow {
  const samples = { canary: emptySample(canary), baseline: emptySample(baseline) }
  const span = overlap(rows, canary, baseline)
  if (!span) return { ...samples, fromMs: null, toMs: null, endMs: null, minutes: 0 }
  const fromMs = Math.max(span.fromMs, span.endMs - judgedMinutes * MINUTE_MS)
  for (const row of rows) {
    if (row.bucketMs < fromMs || row.bucketMs > span.toMs) continue
    const side = row.version === canary ? samples.canary : row.version === baseline ? samples.baseline : null
    if (!side) continue
    side.requests += row.requests
    side.errors += row.errors
    if (row.histogram) side.histogram.mergeBytes(row.histogram)
  }
  return { ...samples, fromMs, toMs: span.toMs, endMs: span.endMs, minutes: (span.endMs - fromMs) / MINUTE_MS }
}

const CHART_STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60] as const
/** At most this many points a line: each of a long rollout's steps then holds several minutes' requests. */
const MAX_CHART_POINTS = 60

/**
 * The side-by-side charts' step for a stretch of `minutes`: the finest of 1, 2, 5, 10, 15, 30, 60 minutes
 * giving ≤ 60 points, and no finer than the rows' buckets (hours, where the minutes are past their retention).
 */
export function canaryChartStepMinutes(minutes: number, rows: readonly Pick<VersionBucket, 'widthMs'>[] = []): number {
  const widest = Math.max(MINUTE_MS, ...rows.map((row) => row.widthMs)) / MINUTE_MS
  return CHART_STEPS_MINUTES.find((step) => step >= widest && Math.ceil(minutes / step) <= MAX_CHART_POINTS) ?? CHART_STEPS_MINUTES.at(-1)!
}

/**
 * Both versions step by step over the stretch they overlapped, from its first minute: each step's
 * requests and errors summed and its histograms merged (p95 of the step, not a mean of minutes), so a
 * quiet service's long rollout draws a readable line in steps of several minutes.
 */
export function canarySteps(rows: readonly VersionBucket[], canary: string, baseline: string, stepMinutes = 1): CanaryStep[] {
  const span = overlap(rows, canary, baseline)
  if (!span) return []
  const stepMs = stepMinutes * MINUTE_MS
  type Side = { requests: number; errors: number; histogram: LatencyHistogram | null }
  const steps = new Map<number, { canary: Side; baseline: Side }>()
  const empty = (): Side => ({ requests: 0, errors: 0, histogram: null })
  for (let bucketMs = span.fromMs; bucketMs <= span.toMs; bucketMs += stepMs) steps.set(bucketMs, { canary: empty(), baseline: empty() })
  for (const row of rows) {
    if (row.bucketMs < span.fromMs || row.bucketMs > span.toMs) continue
    const version = row.version === canary ? 'canary' : row.version === baseline ? 'baseline' : null
    if (!version) continue
    const side = steps.get(span.fromMs + Math.floor((row.bucketMs - span.fromMs) / stepMs) * stepMs)![version]
    side.requests += row.requests
    side.errors += row.errors
    if (row.histogram) (side.histogram ??= new LatencyHistogram()).mergeBytes(row.histogram)
  }
  const figures = ({ requests, errors, histogram }: Side) => ({ requests, errors, p95Us: histogram ? histogram.quantile(0.95) : null })
  return [...steps].map(([bucketMs, step]) => ({ bucketMs, canary: figures(step.canary), baseline: figures(step.baseline) }))
}
