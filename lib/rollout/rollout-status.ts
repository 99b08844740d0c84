// A service's rollout status (DESIGN.md: not_started → instrumented → verified) from its daily trace
// quality, and a manager's override of it.
//
// Only full UTC days count: today is partial, so the last day judged is yesterday. A day is *good* when
//   - it has spans (a day missing from the record has none),
//   - complete traces / traces seen ≥ minCompleteShare (a day with spans but no trace checked fails),
//   - (server spans with http.route + HTTP spans with a status) / (server spans + HTTP spans)
//     ≥ minKeyAttributeShare (a day with neither kind of span meets it: nothing to carry them).
//
//   not_started   no spans ever (firstSpanAt null and no day with spans)
//   instrumented  spans seen, never verifyDays good days in a row
//   verified      the last verifyDays full days are all good
//   regressed     some earlier run of verifyDays good days, but the last verifyDays are not all good
//
// The whole record is judged with today's thresholds: a change of thresholds re-judges the past, and
// the caller passes the record since go-live (a verification older than the record is not seen).
import { formatPercent } from '@/lib/format/percent'
import { addDays, dayOf, daysBetween, type CalendarDay } from './calendar-day'
import { DEFAULT_ROLLOUT_THRESHOLDS, type DailyQuality, type RolloutOverride, type RolloutStatus, type RolloutThresholds } from './schemas'

export type RolloutCheck = 'live_days' | 'spans' | 'complete_traces' | 'key_attributes'
/** A check that failed on a day, said as a person reads it. */
export type RolloutFailure = { day: CalendarDay; check: RolloutCheck; message: string }

export type RolloutStatusResult = {
  status: RolloutStatus
  goLiveAt: Date | null
  /** While verified: the day the current run of good days first reached verifyDays. */
  verifiedSince: CalendarDay | null
  /** What keeps the last verifyDays full days from all being good, oldest first (empty when verified or not started). */
  failing: RolloutFailure[]
  /** Consecutive good full days ending yesterday. */
  goodDays: number
}

export type RolloutStatusInput = {
  /** UTC days in any order, gaps allowed; two rows for one day are added together. */
  days: readonly DailyQuality[]
  firstSpanAt: Date | null
  today: CalendarDay
  thresholds?: RolloutThresholds
}

export function computeRolloutStatus({
  days,
  firstSpanAt,
  today,
  thresholds = DEFAULT_ROLLOUT_THRESHOLDS,
}: RolloutStatusInput): RolloutStatusResult {
  const byDay = mergeDays(days)
  const firstSpanDay = firstSpanAt
    ? dayOf(firstSpanAt)
    : ([...byDay.values()]
        .filter((d) => d.spans > 0)
        .map((d) => d.day)
        .sort()[0] ?? null)
  if (firstSpanDay === null) return { status: 'not_started', goLiveAt: firstSpanAt, verifiedSince: null, failing: [], goodDays: 0 }

  const { verifyDays } = thresholds
  const yesterday = addDays(today, -1)
  const failuresOn = (day: CalendarDay) => dayFailures(day, byDay.get(day), thresholds)

  let goodDays = 0
  while (failuresOn(addDays(yesterday, -goodDays)).length === 0) goodDays++

  if (goodDays >= verifyDays) {
    return { status: 'verified', goLiveAt: firstSpanAt, verifiedSince: addDays(yesterday, verifyDays - goodDays), failing: [], goodDays }
  }

  // window |-------- verifyDays --------| ends yesterday; days before go-live are one failure, not one each
  const windowStart = addDays(yesterday, 1 - verifyDays)
  const failing: RolloutFailure[] = []
  if (firstSpanDay > windowStart) {
    const liveDays = Math.max(0, daysBetween(firstSpanDay, today))
    failing.push({
      day: firstSpanDay,
      check: 'live_days',
      message: `live for ${liveDays} of ${verifyDays} full days (first spans on ${firstSpanDay})`,
    })
  }
  for (let day = firstSpanDay > windowStart ? firstSpanDay : windowStart; day <= yesterday; day = addDays(day, 1)) {
    failing.push(...failuresOn(day))
  }

  const status = wasEverVerified(byDay, today, thresholds) ? 'regressed' : 'instrumented'
  return { status, goLiveAt: firstSpanAt, verifiedSince: null, failing, goodDays }
}

export type EffectiveRolloutStatus = {
  computed: RolloutStatusResult
  /** The override in force, or null (none, or expired). */
  override: RolloutOverride | null
  effective: RolloutStatus
}

/** The status to show: an override while it is in force (until expiresAt, exclusive), else the computed one. */
export function applyOverride(computed: RolloutStatusResult, override: RolloutOverride | null, now: Date): EffectiveRolloutStatus {
  const active = override && (override.expiresAt === null || override.expiresAt.getTime() > now.getTime()) ? override : null
  return { computed, override: active, effective: active ? active.status : computed.status }
}

function mergeDays(days: readonly DailyQuality[]): Map<CalendarDay, DailyQuality> {
  const byDay = new Map<CalendarDay, DailyQuality>()
  for (const row of days) {
    const seen = byDay.get(row.day)
    byDay.set(
      row.day,
      seen
        ? {
            day: row.day,
            spans: seen.spans + row.spans,
            tracesSeen: seen.tracesSeen + row.tracesSeen,
            tracesComplete: seen.tracesComplete + row.tracesComplete,
            serverSpans: seen.serverSpans + row.serverSpans,
            serverSpansWithRoute: seen.serverSpansWithRoute + row.serverSpansWithRoute,
            httpSpans: seen.httpSpans + row.httpSpans,
            httpSpansWithStatus: seen.httpSpansWithStatus + row.httpSpansWithStatus,
          }
        : row,
    )
  }
  return byDay
}

function dayFailures(day: CalendarDay, quality: DailyQuality | undefined, thresholds: RolloutThresholds): RolloutFailure[] {
  if (!quality || quality.spans === 0) return [{ day, check: 'spans', message: `no spans on ${day}` }]
  const failures: RolloutFailure[] = []
  if (quality.tracesSeen === 0) {
    failures.push({ day, check: 'complete_traces', message: `no traces checked on ${day}` })
  } else {
    const share = quality.tracesComplete / quality.tracesSeen
    if (share < thresholds.minCompleteShare) {
      failures.push({ day, check: 'complete_traces', message: shortfall('complete traces', share, thresholds.minCompleteShare, day) })
    }
  }
  const keySpans = quality.serverSpans + quality.httpSpans
  if (keySpans > 0) {
    const share = (quality.serverSpansWithRoute + quality.httpSpansWithStatus) / keySpans
    if (share < thresholds.minKeyAttributeShare) {
      failures.push({ day, check: 'key_attributes', message: shortfall('key attributes', share, thresholds.minKeyAttributeShare, day) })
    }
  }
  return failures
}

/** Any run of verifyDays consecutive good full days in the record. */
function wasEverVerified(byDay: Map<CalendarDay, DailyQuality>, today: CalendarDay, thresholds: RolloutThresholds): boolean {
  const fullDays = [...byDay.keys()].filter((day) => day < today).sort()
  let run = 0
  let previous: CalendarDay | null = null
  for (const day of fullDays) {
    const good = dayFailures(day, byDay.get(day), thresholds).length === 0
    run = good ? (previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1) : 0
    if (run >= thresholds.verifyDays) return true
    previous = good ? day : null
  }
  return false
}

/** "complete traces 97.2 % on 2026-12-03 (needs ≥ 99 %)": as many digits as it takes to show it short. */
function shortfall(what: string, share: number, min: number, day: CalendarDay): string {
  const minDigits = [0, 1, 2, 3].find((digits) => Math.abs(Number((min * 100).toFixed(digits)) - min * 100) < 1e-9) ?? 3
  const shareDigits = [1, 2, 3, 4].find((digits) => Number((share * 100).toFixed(digits)) < Number((min * 100).toFixed(minDigits))) ?? 4
  return `${what} ${formatPercent(share, shareDigits)} on ${day} (needs ≥ ${formatPercent(min, minDigits)})`
}
