// An SLO's past from its accounted hours (pure): the SLI hour by hour over its window, and its compliance
// month by month (calendar months in the SLO's time zone, UTC for rolling windows).
import { addTotals, EMPTY_TOTALS, errorBudget, sliOf, type SloBucket } from './error-budget'
import type { Slo } from './schemas'
import { calendarMonthsBetween } from './slo-window'
import { MINUTE_MS } from './time'

export type SliPoint = { atMs: number; sli: number | null; total: number }

/** The SLI of each accounted hour from `fromMs` on: null in hours without events. */
export function hourlySli(slo: Pick<Slo, 'objective' | 'budgeting'>, hours: readonly SloBucket[], fromMs: number): SliPoint[] {
  return hours.filter((hour) => hour.startMs >= fromMs).map((hour) => ({ atMs: hour.startMs, sli: sliOf(slo, hour), total: hour.total }))
}

export type MonthCompliance = {
  label: string
  startMs: number
  endMs: number
  sli: number | null
  met: boolean | null
  /** The budget left at the month's end (or now, for the month running). */
  remaining: number
  /** Accounting began after the month began, or the month is still running. */
  partial: boolean
}

export function monthlyCompliance(
  slo: Pick<Slo, 'objective' | 'budgeting' | 'window'>,
  hours: readonly SloBucket[],
  { fromMs, atMs }: { fromMs: number; atMs: number },
): MonthCompliance[] {
  const zone = slo.window.kind === 'calendar' ? slo.window.timeZone : 'UTC'
  return calendarMonthsBetween(fromMs, atMs, zone)
    .map((month) => {
      const totals = hours.filter((hour) => hour.startMs >= month.startMs && hour.startMs < month.endMs).reduce(addTotals, EMPTY_TOTALS)
      const sli = sliOf(slo, totals)
      const budget = errorBudget(slo, totals, (month.endMs - month.startMs) / MINUTE_MS)
      return {
        ...month,
        sli,
        met: sli === null ? null : sli >= slo.objective,
        remaining: budget.remaining,
        partial: fromMs > month.startMs || atMs < month.endMs,
      }
    })
    .reverse()
}
