// What one series' latency judgement reads — the hourly points of its history and the buckets of its
// lookback — kept between the worker's passes and brought forward with the minute rows committed
// since, so that a pass costs what changed. It builds exactly what judgeLatency builds from all rows
// (series-history.test.ts holds it to that), and says when none of it changed. Pure.
//
//   final hours (immutable)                                    partial hour
//   |h|h|h|h| … |h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|h|[rows……… ) judgedTo
//                             |b0 |b1 |b2 |b3 |b4 |b5 |b6 |b7 |[open ) ← rows of the open step
//                          ↑ recent rows start 4 h before judgedTo: with 30-minute steps this
//                            cuts into b0, so each bucket keeps its suffixes (rows from minute k on)
//
// Rows are immutable once committed and arrive only at the watermark, so a final hour or a completed
// bucket never changes; compaction turns minutes into hours without changing what they merge to.
import { computeBaseline, type Baseline } from '@/lib/metrics/baseline'
import { floorTo, HOUR_US } from '@/lib/time/time-buckets'
import { DetectionBuckets } from './detection-buckets'
import { HourlyHistory, type HistoryRow } from './hourly-history'
import {
  detectionStepFor,
  detectionWindowAt,
  judgeAgainstBaseline,
  LOOKBACK_STEPS,
  MAX_LOOKBACK_US,
  type DetectionWindow,
  type LatencyJudgement,
} from './judge-latency'

/** What a verdict depends on besides the baseline window's length: equal signatures, equal verdicts. */
export type JudgementSignature = {
  hourlyRevision: number
  detectionStepUs: number
  endUs: number
  firstCount: number
  firstP95Us: number | null
}

/** The hourly history starts here: the baseline window before the longest lookback, whole hours. */
export const historyStartAt = (judgedToUs: number, windowUs: number) => floorTo(judgedToUs - MAX_LOOKBACK_US - windowUs, HOUR_US)
/** Minute rows a series' buckets are built from: every step's lookback, with b0 whole (see above). */
export const bucketRowsStartAt = (judgedToUs: number) => floorTo(judgedToUs, DETECTION_STEP_MAX_US) - MAX_LOOKBACK_US
const DETECTION_STEP_MAX_US = MAX_LOOKBACK_US / LOOKBACK_STEPS

const ceilTo = (us: number, bucketUs: number) => Math.ceil(us / bucketUs) * bucketUs

export class SeriesHistory {
  private buckets: DetectionBuckets | null = null
  private baselineMemo: { key: string; startUs: number; baseline: Baseline } | null = null
  /** The baseline the window will have once its last hour moves on, computed ahead (prepareNextBaseline). */
  private nextBaselineMemo: { key: string; startUs: number; baseline: Baseline } | null = null
  private stepMemo: { revision: number; detectionStepUs: number } | null = null

  private constructor(
    readonly windowUs: number,
    private readonly hourly: HourlyHistory,
    private judgedToUs: number,
  ) {}

  /**
   * From the rows a full judgement reads: `historyRows` over [historyStartAt, judgedTo) (hours where
   * compacted) and `recentRows`, minute rows over [bucketRowsStartAt, judgedTo).
   */
  static build({
    historyRows,
    recentRows,
    judgedToUs,
    windowUs,
  }: {
    historyRows: readonly HistoryRow[]
    recentRows: readonly HistoryRow[]
    judgedToUs: number
    windowUs: number
  }): SeriesHistory {
    const history = new SeriesHistory(
      windowUs,
      HourlyHistory.fromRows(historyRows, historyStartAt(judgedToUs, windowUs), judgedToUs),
      judgedToUs,
    )
    history.rebuildBuckets(recentRows)
    return history
  }

  get judgedTo(): number {
    return this.judgedToUs
  }

  /** Whether a full judgement would judge this series: it has rows in [historyStartAt, judgedTo). */
  get hasSpans(): boolean {
    return this.hourly.hasSpans
  }

  /** Brings the series forward to `judgedToUs` with the minute rows committed since (ascending). */
  advance(rows: readonly HistoryRow[], judgedToUs: number): void {
    if (judgedToUs < this.judgedToUs) throw new RangeError(`judgedTo went back from ${this.judgedToUs} to ${judgedToUs}`)
    this.hourly.advance(rows, historyStartAt(judgedToUs, this.windowUs), judgedToUs)
    this.buckets?.advance(rows, judgedToUs)
    this.judgedToUs = judgedToUs
  }

  /** The detection step moved away from the one the buckets were built for: rebuildBuckets() first. */
  get needsBucketRows(): boolean {
    return this.buckets?.stepUs !== this.detectionStepUs()
  }

  /** Minute rows over [bucketRowsStartAt(judgedTo), judgedTo), ascending. */
  rebuildBuckets(rows: readonly HistoryRow[]): void {
    const buckets = new DetectionBuckets(this.detectionStepUs(), bucketRowsStartAt(this.judgedToUs))
    buckets.advance(rows, this.judgedToUs)
    this.buckets = buckets
  }

  private detectionStepUs(): number {
    if (this.stepMemo?.revision !== this.hourly.revision)
      this.stepMemo = { revision: this.hourly.revision, detectionStepUs: detectionStepFor(this.hourly.medianSpanCount()) }
    return this.stepMemo.detectionStepUs
  }

  private detectionBuckets(): DetectionBuckets {
    if (!this.buckets || this.needsBucketRows) throw new Error('the detection buckets need rebuilding at the new step (rebuildBuckets)')
    return this.buckets
  }

  private window(): DetectionWindow {
    return detectionWindowAt(this.detectionStepUs(), this.judgedToUs)
  }

  signature(): JudgementSignature {
    const window = this.window()
    const [first] = this.detectionBuckets().points({ ...window, endUs: window.startUs + window.detectionStepUs }, this.judgedToUs)
    return {
      hourlyRevision: this.hourly.revision,
      detectionStepUs: window.detectionStepUs,
      endUs: window.endUs,
      firstCount: first!.count,
      firstP95Us: first!.p95Us,
    }
  }

  /**
   * Computes ahead of time the baseline this series will judge against once its window's last hour
   * moves on by one — when the hour that will enter is already final (its rows are immutable), as it
   * is for 15- and 30-minute steps long before it enters. Otherwise every series of a fleet recomputes
   * its baseline in the same minute (the half hour, for 30-minute steps); prepared a few at a time in
   * the passes before, that minute costs what the others do. True when it computed one.
   *
   *   hours  |from ……………………… to)|next|        the next window: [from + 1 h, to + 1 h), all final
   */
  prepareNextBaseline(): boolean {
    if (!this.buckets || this.needsBucketRows) return false
    const window = this.window()
    const toUs = ceilTo(window.startUs, HOUR_US) + HOUR_US
    const fromUs = toUs - this.windowUs
    if (toUs > floorTo(this.judgedToUs, HOUR_US)) return false // the entering hour is still open
    const key = this.hourly.rangeKey(fromUs, toUs)
    if (this.nextBaselineMemo?.key === key || this.baselineMemo?.key === key) return false
    // Any window ending inside the hour before `toUs` selects these points; its edges are set when used.
    const baseline = computeBaseline(this.hourly.points(fromUs, toUs), { windowUs: this.windowUs, windowEndUs: toUs })
    this.nextBaselineMemo = { key, startUs: Number.NaN, baseline }
    return true
  }

  /** The baseline judgeLatency computes, recomputed only when the points inside its window changed. */
  private baseline(window: DetectionWindow): Baseline {
    const fromUs = ceilTo(window.startUs - this.windowUs, HOUR_US)
    const toUs = ceilTo(window.startUs, HOUR_US)
    const key = this.hourly.rangeKey(fromUs, toUs)
    if (this.baselineMemo?.key !== key && this.nextBaselineMemo?.key === key) {
      this.baselineMemo = this.nextBaselineMemo
      this.nextBaselineMemo = null
    }
    const memo = this.baselineMemo
    if (memo?.key === key) {
      if (memo.startUs === window.startUs || memo.baseline.state !== 'ready') return memo.baseline
      // Same points, window moved within the hour: only its edges change.
      const baseline = { ...memo.baseline, windowStartUs: window.startUs - this.windowUs, windowEndUs: window.startUs }
      this.baselineMemo = { key, startUs: window.startUs, baseline }
      return baseline
    }
    const baseline = computeBaseline(this.hourly.points(fromUs, toUs), { windowUs: this.windowUs, windowEndUs: window.startUs })
    this.baselineMemo = { key, startUs: window.startUs, baseline }
    return baseline
  }

  /** judgeLatency's verdict on all the rows up to judgedTo. */
  judge(): LatencyJudgement {
    const window = this.window()
    const baseline = this.baseline(window)
    const points = baseline.state === 'ready' ? this.detectionBuckets().points(window, this.judgedToUs) : []
    return judgeAgainstBaseline({ hourly: () => this.hourly.points(), baseline, window, points })
  }
}
