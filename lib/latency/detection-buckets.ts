// The buckets of one series' lookback at its detection step (SeriesHistory's), kept between the
// worker's passes: a completed bucket never changes, so it is merged once, into the suffixes that
// let the recent rows' cut fall inside b0 (series-history.ts draws it). Pure.
import type { LatencyPoint } from '@/lib/metrics/baseline'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { floorTo, MINUTE_US } from '@/lib/time/time-buckets'
import { lowerBound, orNull, type HistoryRow } from './hourly-history'
import { LOOKBACK_STEPS, recentStartAt, type DetectionWindow } from './judge-latency'

/** A completed bucket: for each minute offset with rows, the count and p95 (NaN: none) of the rows from that minute on. */
type BucketSuffixes = { minutes: Uint8Array; counts: Float64Array; p95s: Float64Array }

/** The lookback's buckets at one detection step: completed ones, and the rows of the open one. */
export class DetectionBuckets {
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
