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
import { computeBaseline, type Baseline, type LatencyPoint } from '@/lib/metrics/baseline'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import {
  detectionStepFor,
  detectionWindowAt,
  judgeAgainstBaseline,
  LOOKBACK_STEPS,
  MAX_LOOKBACK_US,
  recentStartAt,
  type DetectionWindow,
  type LatencyJudgement,
} from './judge-latency'

/** A rollup row as the judgement reads it: minute rows, or hour rows in the history. */
export type HistoryRow = Pick<SeriesRow, 'bucketStartUs' | 'count' | 'histogram'>

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

const orNull = (us: number) => (Number.isNaN(us) ? null : us)
const ceilTo = (us: number, bucketUs: number) => Math.ceil(us / bucketUs) * bucketUs
const pointOf = (bucketStartUs: number, count: number, histogram: LatencyHistogram): LatencyPoint => ({
  bucketStartUs,
  count,
  p50Us: histogram.quantile(0.5),
  p95Us: histogram.quantile(0.95),
  p99Us: histogram.quantile(0.99),
})

/** The hourly points, as computeSeries gives them with an hour step, less the empty hours (which no rule counts). */
class HourlyHistory {
  /** Final hours with spans, ascending; kept as columns of unboxed doubles, NaN for null (thousands of series × 170 hours). */
  private readonly starts: number[] = []
  private readonly counts: number[] = []
  private readonly p50s: number[] = []
  private readonly p95s: number[] = []
  private readonly p99s: number[] = []
  /** The final hours' span counts, ascending: their median picks the detection step every pass. */
  private readonly sortedCounts: number[] = []
  private partial: { startUs: number; count: number; histogram: LatencyHistogram }
  private partialPoint: LatencyPoint | null = null
  /** Bumps whenever the points a judgement sees change. */
  revision = 0

  constructor(partialStartUs: number) {
    this.partial = { startUs: partialStartUs, count: 0, histogram: new LatencyHistogram() }
  }

  static fromRows(rows: readonly HistoryRow[], historyStartUs: number, judgedToUs: number): HourlyHistory {
    const partialStartUs = floorTo(judgedToUs, HOUR_US)
    const history = new HourlyHistory(partialStartUs)
    for (const point of computeSeries(rows as SeriesRow[], { startUs: historyStartUs, endUs: partialStartUs, stepUs: HOUR_US }))
      history.push(point)
    for (const row of rows) if (row.bucketStartUs >= partialStartUs && row.bucketStartUs < judgedToUs) history.addToPartial(row)
    return history
  }

  private push(point: LatencyPoint): void {
    if (point.count <= 0) return
    this.starts.push(point.bucketStartUs)
    this.counts.push(point.count)
    this.sortedCounts.splice(lowerBound(this.sortedCounts, point.count), 0, point.count)
    this.p50s.push(point.p50Us ?? NaN)
    this.p95s.push(point.p95Us ?? NaN)
    this.p99s.push(point.p99Us ?? NaN)
  }

  private addToPartial(row: HistoryRow): void {
    this.partial.count += row.count
    if (row.histogram) this.partial.histogram.mergeBytes(row.histogram)
    this.partialPoint = null
    this.revision++
  }

  private closePartial(nextStartUs: number): void {
    if (this.partial.count > 0) this.push(this.partialPointOrCompute())
    this.partial = { startUs: nextStartUs, count: 0, histogram: new LatencyHistogram() }
    this.partialPoint = null
  }

  private partialPointOrCompute(): LatencyPoint {
    return (this.partialPoint ??= pointOf(this.partial.startUs, this.partial.count, this.partial.histogram))
  }

  /** Rows in [previous judgedTo, judgedToUs), ascending. */
  advance(rows: readonly HistoryRow[], historyStartUs: number, judgedToUs: number): void {
    for (const row of rows) {
      const hourUs = floorTo(row.bucketStartUs, HOUR_US)
      if (hourUs < this.partial.startUs)
        throw new RangeError(`a row at ${row.bucketStartUs} is older than the open hour ${this.partial.startUs}`)
      if (hourUs > this.partial.startUs) this.closePartial(hourUs)
      this.addToPartial(row)
    }
    if (floorTo(judgedToUs, HOUR_US) > this.partial.startUs) this.closePartial(floorTo(judgedToUs, HOUR_US))
    let dropped = 0
    while (dropped < this.starts.length && this.starts[dropped]! < historyStartUs) dropped++
    if (dropped === 0) return
    for (const count of this.counts.slice(0, dropped)) this.sortedCounts.splice(lowerBound(this.sortedCounts, count), 1)
    for (const column of [this.starts, this.counts, this.p50s, this.p95s, this.p99s]) column.splice(0, dropped)
    this.revision++
  }

  get hasSpans(): boolean {
    return this.starts.length > 0 || this.partial.count > 0
  }

  /** The lower median of the span counts of every hour with spans (as chooseDetectionStep takes it); 0 without any. */
  medianSpanCount(): number {
    const sorted = this.sortedCounts
    if (this.partial.count <= 0) return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0
    // The partial hour's count inserted where it sorts: the median index of the merged list.
    const at = lowerBound(sorted, this.partial.count)
    const k = Math.floor(sorted.length / 2)
    return k < at ? sorted[k]! : k === at ? this.partial.count : sorted[k - 1]!
  }

  /** The points of hours in [fromUs, toUs). */
  points(fromUs = -Infinity, toUs = Infinity): LatencyPoint[] {
    const points: LatencyPoint[] = []
    for (let i = lowerBound(this.starts, fromUs); i < this.starts.length && this.starts[i]! < toUs; i++) {
      points.push({
        bucketStartUs: this.starts[i]!,
        count: this.counts[i]!,
        p50Us: orNull(this.p50s[i]!),
        p95Us: orNull(this.p95s[i]!),
        p99Us: orNull(this.p99s[i]!),
      })
    }
    if (this.partial.count > 0 && this.partial.startUs >= fromUs && this.partial.startUs < toUs) points.push(this.partialPointOrCompute())
    return points
  }

  /**
   * Identifies the points of hours in [fromUs, toUs): final hours never change, so the range and the
   * partial hour's content (when inside it) name them.
   */
  rangeKey(fromUs: number, toUs: number): string {
    const partialInside = this.partial.count > 0 && this.partial.startUs >= fromUs && this.partial.startUs < toUs
    return `${fromUs}:${toUs}:${partialInside ? `partial ${this.revision}` : 'final'}`
  }
}

function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** A completed bucket: for each minute offset with rows, the count and p95 (NaN: none) of the rows from that minute on. */
type BucketSuffixes = { minutes: Uint8Array; counts: Float64Array; p95s: Float64Array }

/** The lookback's buckets at one detection step: completed ones, and the rows of the open one. */
class DetectionBuckets {
  private readonly completed = new Map<number, BucketSuffixes>()
  private open: { startUs: number; rows: HistoryRow[] }

  constructor(
    readonly stepUs: number,
    openStartUs: number,
  ) {
    this.open = { startUs: floorTo(openStartUs, stepUs), rows: [] }
  }

  /** Rows in [previous judgedTo, judgedToUs), ascending (minute rows). */
  advance(rows: readonly HistoryRow[], judgedToUs: number): void {
    for (const row of rows) {
      const bucketUs = floorTo(row.bucketStartUs, this.stepUs)
      if (bucketUs < this.open.startUs)
        throw new RangeError(`a row at ${row.bucketStartUs} is older than the open bucket ${this.open.startUs}`)
      if (bucketUs > this.open.startUs) this.complete(bucketUs)
      // A copy: rows read from Postgres are views into shared 8 KB slabs, which a kept view would pin.
      this.open.rows.push({ bucketStartUs: row.bucketStartUs, count: row.count, histogram: row.histogram && new Uint8Array(row.histogram) })
    }
    const openStartUs = floorTo(judgedToUs, this.stepUs)
    if (openStartUs > this.open.startUs) this.complete(openStartUs)
    const lookbackStartUs = openStartUs - LOOKBACK_STEPS * this.stepUs
    for (const startUs of this.completed.keys()) if (startUs < lookbackStartUs) this.completed.delete(startUs)
  }

  private complete(nextStartUs: number): void {
    const { startUs, rows } = this.open
    this.open = { startUs: nextStartUs, rows: [] }
    if (rows.length === 0) return
    const suffixes: BucketSuffixes = {
      minutes: new Uint8Array(rows.length),
      counts: new Float64Array(rows.length),
      p95s: new Float64Array(rows.length),
    }
    const merged = new LatencyHistogram()
    let count = 0
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!
      count += row.count
      if (row.histogram) merged.mergeBytes(row.histogram)
      suffixes.minutes[i] = (row.bucketStartUs - startUs) / MINUTE_US
      suffixes.counts[i] = count
      suffixes.p95s[i] = merged.quantile(0.95) ?? NaN
    }
    this.completed.set(startUs, suffixes)
  }

  /** computeSeries' points over the window from rows read since recentStartAt(judgedTo); count and p95 only. */
  points(window: DetectionWindow, judgedToUs: number): LatencyPoint[] {
    const cutUs = recentStartAt(judgedToUs)
    const points: LatencyPoint[] = []
    for (let bucketStartUs = window.startUs; bucketStartUs < window.endUs; bucketStartUs += this.stepUs) {
      const suffixes = this.completed.get(bucketStartUs)
      const fromMinute = cutUs > bucketStartUs ? (cutUs - bucketStartUs) / MINUTE_US : 0
      const i = suffixes ? lowerBound(suffixes.minutes, fromMinute) : 0
      const found = suffixes && i < suffixes.minutes.length
      points.push({
        bucketStartUs,
        count: found ? suffixes.counts[i]! : 0,
        p50Us: null,
        p95Us: found ? orNull(suffixes.p95s[i]!) : null,
        p99Us: null,
      })
    }
    return points
  }
}

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
