// The worker's latency judgement of one operation (or a service's entry spans): its baseline from
// hourly points, and whether its recent buckets have stayed above the band. Pure.
//
//   hourly points ──────────────────────────────┐ recent rows (minutes) ───┐
//   |<── baseline window (7 d by default) ──────>|<── lookback: 8 steps ───>| judgedTo
//
// The baseline ends where the lookback begins, so the stretch being judged never judges itself.
// The detection step is the finest whose typical bucket holds enough spans to have a meaningful p95:
// a busy endpoint is judged on 5-minute buckets, a quiet one on 30-minute buckets.
import { bandAt, computeBaseline, type Baseline, type BaselineOptions, type LatencyPoint } from '@/lib/metrics/baseline'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { computeSlowDetection, SLOW_DETECTION_DEFAULTS } from '@/lib/metrics/slow-detection'
import { HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'

export const DETECTION_STEPS_US = [5 * MINUTE_US, 15 * MINUTE_US, 30 * MINUTE_US] as const
/** Buckets of lookback: room for the sustained rule (3 buckets) plus the recovery that ends a streak. */
export const LOOKBACK_STEPS = 8
export const MAX_LOOKBACK_US = LOOKBACK_STEPS * DETECTION_STEPS_US.at(-1)!

export type LatencyState = 'ok' | 'slow' | 'insufficient_data' | 'no_recent_data'

export type LatencyJudgement = {
  state: LatencyState
  baseline: Baseline
  /** Start of the current slow streak (as far back as the lookback sees); null unless slow. */
  slowSinceUs: number | null
  /** Robust z of the newest judged bucket's p95. */
  deviation: number | null
  /** p95 of the newest judged bucket. */
  currentP95Us: number | null
  detectionStepUs: number
}

/** A stored judgement (latency_health): operation and span kind '' for the service's own entry spans. */
export type LatencyHealth = {
  service: string
  operation: string
  spanKind: string
  state: LatencyState
  baseline: Baseline
  slowSinceUs: number | null
  deviation: number | null
  currentP95Us: number | null
  judgedToUs: number
  computedAtUs: number
}

/** The finest detection step at which the median usable hour would put ≥ minCount spans in a bucket. */
export function chooseDetectionStep(hourly: readonly LatencyPoint[], minCount = SLOW_DETECTION_DEFAULTS.minCount): number {
  const counts = hourly
    .filter((point) => point.count > 0)
    .map((point) => point.count)
    .sort((a, b) => a - b)
  return detectionStepFor(counts.length ? counts[Math.floor((counts.length - 1) / 2)]! : 0, minCount)
}

/** The detection step for the lower median of the non-empty hours' span counts (0 without any). */
export function detectionStepFor(medianPerHour: number, minCount = SLOW_DETECTION_DEFAULTS.minCount): number {
  return DETECTION_STEPS_US.find((stepUs) => medianPerHour * (stepUs / HOUR_US) >= minCount) ?? DETECTION_STEPS_US.at(-1)!
}

/** The judged stretch: LOOKBACK_STEPS whole steps ending at the last step boundary at or before judgedTo. */
export type DetectionWindow = { detectionStepUs: number; startUs: number; endUs: number }

export function detectionWindowAt(detectionStepUs: number, judgedToUs: number): DetectionWindow {
  // Whole steps, so buckets line up with the clock (and with the pages' charts).
  const endUs = Math.floor(judgedToUs / detectionStepUs) * detectionStepUs
  return { detectionStepUs, startUs: endUs - LOOKBACK_STEPS * detectionStepUs, endUs }
}

/** Where the recent rows start: minute rows before it are not read (with 30-minute steps it can cut into the first bucket). */
export const recentStartAt = (judgedToUs: number) => judgedToUs - MAX_LOOKBACK_US

export function judgeLatency(
  { hourly, recent, judgedToUs }: { hourly: readonly LatencyPoint[]; recent: readonly SeriesRow[]; judgedToUs: number },
  options: Pick<BaselineOptions, 'windowUs'> = {},
): LatencyJudgement {
  const window = detectionWindowAt(chooseDetectionStep(hourly), judgedToUs)
  const baseline = computeBaseline(hourly, { ...options, windowEndUs: window.startUs })
  const points =
    baseline.state === 'ready'
      ? computeSeries(recent, { startUs: window.startUs, endUs: window.endUs, stepUs: window.detectionStepUs })
      : []
  return judgeAgainstBaseline({ hourly: () => hourly, baseline, window, points })
}

/**
 * The verdict once the baseline and the judged stretch's points are known: what judgeLatency decides,
 * for callers that keep those between passes (lib/latency/series-history.ts). The points are read for
 * their count and p95 only; `hourly` is asked for only when a streak fills the whole lookback.
 */
export function judgeAgainstBaseline({
  hourly,
  baseline,
  window,
  points,
}: {
  hourly: () => readonly LatencyPoint[]
  baseline: Baseline
  window: DetectionWindow
  points: readonly LatencyPoint[]
}): LatencyJudgement {
  const { detectionStepUs } = window
  const empty = { baseline, slowSinceUs: null, deviation: null, currentP95Us: null, detectionStepUs }
  if (baseline.state !== 'ready') return { ...empty, state: 'insufficient_data' }

  const newest = points.findLast((point) => point.count >= SLOW_DETECTION_DEFAULTS.minCount && point.p95Us !== null)
  if (!newest) return { ...empty, state: 'no_recent_data' }
  const detection = computeSlowDetection(points, baseline, { bucketUs: detectionStepUs })
  const firstJudged = points.find((point) => point.count >= SLOW_DETECTION_DEFAULTS.minCount && point.p95Us !== null)
  const wholeLookback = detection.slow && detection.sinceUs === firstJudged?.bucketStartUs
  return {
    state: detection.slow ? 'slow' : 'ok',
    baseline,
    slowSinceUs: wholeLookback ? extendStreakBack(hourly(), baseline, detection.sinceUs!) : detection.sinceUs,
    deviation: detection.score,
    currentP95Us: newest.p95Us,
    detectionStepUs,
  }
}

/**
 * A streak that fills the whole lookback began earlier: walk back through the hourly points while
 * they too are above their band (hours with too few spans neither break nor extend it).
 *
 *   hourly   | in | up | up |·| up |[lookback: all up]     → slow since the first "up" hour
 */
function extendStreakBack(hourly: readonly LatencyPoint[], baseline: Baseline, sinceUs: number): number {
  let earliestUs = sinceUs
  const before = hourly.filter((point) => point.bucketStartUs < sinceUs).sort((a, b) => b.bucketStartUs - a.bucketStartUs)
  for (const point of before) {
    if (point.count < SLOW_DETECTION_DEFAULTS.minCount || point.p95Us === null) continue
    if (!(point.p95Us > bandAt(baseline, 'p95', point.bucketStartUs)!.upperUs)) break
    earliestUs = point.bucketStartUs
  }
  return earliestUs
}

/**
 * A streak that was already slow keeps its earlier start once the lookback no longer reaches it —
 * if the previous judgement saw the same streak (it judged data up to where this streak starts).
 */
export function carrySlowSince(
  previous: { state: LatencyState; slowSinceUs: number | null; judgedToUs: number } | null,
  next: LatencyJudgement,
): number | null {
  if (next.state !== 'slow' || next.slowSinceUs === null) return null
  const sameStreak = previous?.state === 'slow' && previous.slowSinceUs !== null && previous.judgedToUs >= next.slowSinceUs
  return sameStreak ? Math.min(previous.slowSinceUs!, next.slowSinceUs) : next.slowSinceUs
}
