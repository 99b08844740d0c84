// The hourly points of one series' history (SeriesHistory's), kept between the worker's passes: the
// final hours as columns, never recomputed, and the open hour merged as its minute rows arrive. Pure.
import type { LatencyPoint } from '@/lib/metrics/baseline'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { floorTo, HOUR_US } from '@/lib/time/time-buckets'

/** A rollup row as the judgement reads it: minute rows, or hour rows in the history. */
export type HistoryRow = Pick<SeriesRow, 'bucketStartUs' | 'count' | 'histogram'>

/** A column's value back as a point's: NaN was null. */
export const orNull = (us: number) => (Number.isNaN(us) ? null : us)
const pointOf = (bucketStartUs: number, count: number, histogram: LatencyHistogram): LatencyPoint => ({
  bucketStartUs,
  count,
  p50Us: histogram.quantile(0.5),
  p95Us: histogram.quantile(0.95),
  p99Us: histogram.quantile(0.99),
})

/** The hourly points, as computeSeries gives them with an hour step, less the empty hours (which no rule counts). */
export class HourlyHistory {
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

/** The first index in `sorted` (ascending) whose value is not below `value`. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
