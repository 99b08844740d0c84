// An SLO's events per closed hour, from its series' rollup rows (pure; slo-stage.ts reads and stores).
//
//   good      availability: spans without error; latency: spans at or under the threshold (histogram-sli.ts)
//   minutes   an hour's minutes less those inside a correction; a minute is bad, for time-slice budgets,
//             when it had events and its SLI was under the time-slice target (a minute without events is good)
//   source    minute rows while they are kept (exact minutes, each kept in `perMinute` for short windows);
//             older hours, accounted once from the hour's row, scale by the share of the hour not corrected
//             and count all their minutes bad or good by the hour's SLI
import { HOUR_MS, MINUTE_MS } from './time'
import { encodedCountAtOrBelow } from './histogram-sli'
import type { SloBucket } from './error-budget'
import type { Slo } from './schemas'

/** One series' rollup row: a minute or an hour. */
export type SliRow = { bucketStartMs: number; spans: number; errors: number; histogram: Uint8Array | null }

export type AccountedHour = SloBucket & {
  fromHour: boolean
  /** Per minute, good then total ([g0, t0, g1, t1, …]); a corrected minute's total is −1. Empty when accounted from the hour's row. */
  perMinute: number[]
}

export type Interval = { startMs: number; endMs: number }

type Accountable = Pick<Slo, 'sli' | 'objective' | 'timeSliceTarget'>

/** The good events of one row under the SLO's SLI; null when the row cannot say (a latency SLI over a row without its histogram). */
export function goodOf(slo: Accountable, row: SliRow): number | null {
  if (slo.sli.kind === 'availability') return row.spans - row.errors
  if (slo.sli.kind === 'latency') return row.histogram ? encodedCountAtOrBelow(row.histogram, slo.sli.thresholdMs * 1000) : null
  return null
}

const inAny = (atMs: number, corrections: readonly Interval[]) => corrections.some((span) => atMs >= span.startMs && atMs < span.endMs)

/**
 * Accounts the hours in [fromMs, toMs) (both on the hour). Minute rows are used for an hour from
 * `minutesFromMs` on (where minute rows are kept whole); before it the hour's row, if there is one.
 */
export function accountHours(
  slo: Accountable,
  {
    fromMs,
    toMs,
    untilMs = toMs,
    minuteRows,
    hourRows,
    corrections,
    minutesFromMs,
  }: {
    fromMs: number
    toMs: number
    /** Minutes from here on are not counted (the hour still running at the evaluation instant). */
    untilMs?: number
    minuteRows: readonly SliRow[]
    hourRows: readonly SliRow[]
    corrections: readonly Interval[]
    minutesFromMs: number
  },
): AccountedHour[] {
  const target = slo.timeSliceTarget ?? slo.objective
  const minutes = sumByBucket(slo, minuteRows)
  const hours = sumByBucket(slo, hourRows)
  const accounted: AccountedHour[] = []
  for (let hourMs = fromMs; hourMs < toMs; hourMs += HOUR_MS) {
    const hourRow = hours.get(hourMs)
    if (hourRow && hourMs < minutesFromMs) {
      const corrected = Array.from({ length: 60 }, (_, index) => hourMs + index * MINUTE_MS).filter((at) => inAny(at, corrections)).length
      const kept = (60 - corrected) / 60
      const good = hourRow.good * kept
      const total = hourRow.total * kept
      const bad = total > 0 && good / total < target
      accounted.push({
        startMs: hourMs,
        endMs: hourMs + HOUR_MS,
        good,
        total,
        minutes: 60 - corrected,
        badMinutes: bad ? 60 - corrected : 0,
        fromHour: true,
        perMinute: [],
      })
      continue
    }
    const bucket: AccountedHour = {
      startMs: hourMs,
      endMs: hourMs + HOUR_MS,
      good: 0,
      total: 0,
      minutes: 0,
      badMinutes: 0,
      fromHour: false,
      perMinute: [],
    }
    for (let minuteMs = hourMs; minuteMs < Math.min(hourMs + HOUR_MS, untilMs); minuteMs += MINUTE_MS) {
      if (inAny(minuteMs, corrections)) {
        bucket.perMinute.push(0, -1)
        continue
      }
      const minute = minutes.get(minuteMs) ?? { good: 0, total: 0 }
      bucket.perMinute.push(minute.good, minute.total)
      bucket.good += minute.good
      bucket.total += minute.total
      bucket.minutes += 1
      if (minute.total > 0 && minute.good / minute.total < target) bucket.badMinutes += 1
    }
    accounted.push(bucket)
  }
  return accounted
}

/** The 1-minute buckets of accounted hours (not those accounted from an hour's row), for windows shorter than an hour. */
export function minuteBuckets(hours: readonly AccountedHour[], target: number): SloBucket[] {
  const buckets: SloBucket[] = []
  for (const hour of hours)
    for (let index = 0; index < hour.perMinute.length / 2; index++) {
      const good = hour.perMinute[index * 2]!
      const total = hour.perMinute[index * 2 + 1]!
      if (total < 0) continue
      const startMs = hour.startMs + index * MINUTE_MS
      const bad = total > 0 && good / total < target ? 1 : 0
      buckets.push({ startMs, endMs: startMs + MINUTE_MS, good, total, minutes: 1, badMinutes: bad })
    }
  return buckets
}

/** Good and all events per bucket start, over every series' rows. */
function sumByBucket(slo: Accountable, rows: readonly SliRow[]) {
  const sums = new Map<number, { good: number; total: number }>()
  for (const row of rows) {
    const good = goodOf(slo, row)
    if (good === null) continue
    const sum = sums.get(row.bucketStartMs) ?? { good: 0, total: 0 }
    sum.good += good
    sum.total += row.spans
    sums.set(row.bucketStartMs, sum)
  }
  return sums
}
