// An SLO's error budget and burn rates from its accounted buckets (slo-accounting.ts), pure.
//
//   occurrences   budget = (1 − objective) × events in the window so far; spent = bad events.
//                 At the window's start nothing is spent: the budget starts at 100 % (Pyrra #1576).
//   timeslices    budget = (1 − objective) × minutes in the whole window (less corrected minutes);
//                 spent = bad minutes. A minute without events is a good minute.
//   burn rate     the bad share over a window ÷ (1 − objective): 1 spends the budget exactly over the
//                 SLO's window, 14.4 spends a 30-day budget in 50 hours.
//   runs out      at the current (1 h) burn rate, remaining share × window length ÷ burn rate from now.
import type { Slo } from './schemas'

/** Accounted events over a span of time: an hour, a minute, or a window's sum. */
export type SloTotals = {
  /** Good and all events (weighted for composite SLOs). */
  good: number
  total: number
  /** Minutes counted (not corrected away) and, of those, minutes whose SLI was under the time-slice target. */
  minutes: number
  badMinutes: number
}

export type SloBucket = SloTotals & { startMs: number; endMs: number }

export const EMPTY_TOTALS: SloTotals = Object.freeze({ good: 0, total: 0, minutes: 0, badMinutes: 0 })

export function addTotals(into: SloTotals, other: SloTotals): SloTotals {
  return {
    good: into.good + other.good,
    total: into.total + other.total,
    minutes: into.minutes + other.minutes,
    badMinutes: into.badMinutes + other.badMinutes,
  }
}

/** Sums the buckets starting in [fromMs, toMs). */
export function sumBuckets(buckets: readonly SloBucket[], fromMs: number, toMs: number): SloTotals {
  // Summed in locals: the stage sums every SLO's few hundred minutes for each of its windows on every pass.
  let good = 0
  let total = 0
  let minutes = 0
  let badMinutes = 0
  for (const bucket of buckets)
    if (bucket.startMs >= fromMs && bucket.startMs < toMs) {
      good += bucket.good
      total += bucket.total
      minutes += bucket.minutes
      badMinutes += bucket.badMinutes
    }
  return { good, total, minutes, badMinutes }
}

type Budgeted = Pick<Slo, 'objective' | 'budgeting'>

/** The SLI over some totals: the good share of events, or of minutes for time-slice SLOs; null without any. */
export function sliOf(slo: Budgeted, totals: SloTotals): number | null {
  if (slo.budgeting === 'timeslices') return totals.minutes > 0 ? 1 - totals.badMinutes / totals.minutes : null
  return totals.total > 0 ? totals.good / totals.total : null
}

/** The burn rate over some totals; null without events (or minutes). */
export function burnRateOf(slo: Budgeted, totals: SloTotals): number | null {
  const sli = sliOf(slo, totals)
  return sli === null ? null : (1 - sli) / (1 - slo.objective)
}

export type ErrorBudget = {
  sli: number | null
  /** Share of the budget left, 1 at the start; below 0 once overspent. */
  remaining: number
  /** In events (occurrences) or minutes (timeslices): the budget, what is spent, and what is left. */
  unit: 'events' | 'minutes'
  allowed: number
  spent: number
  left: number
}

/**
 * The budget over a window so far. `windowMinutes` is the whole window's length in minutes less the
 * corrected ones (only time-slice budgets use it: their budget is known before the minutes pass).
 */
export function errorBudget(slo: Budgeted, totals: SloTotals, windowMinutes: number): ErrorBudget {
  const timeslices = slo.budgeting === 'timeslices'
  const allowed = (1 - slo.objective) * (timeslices ? windowMinutes : totals.total)
  const spent = timeslices ? totals.badMinutes : totals.total - totals.good
  return {
    sli: sliOf(slo, totals),
    remaining: allowed > 0 ? 1 - spent / allowed : spent > 0 ? -Infinity : 1,
    unit: timeslices ? 'minutes' : 'events',
    allowed,
    spent,
    left: allowed - spent,
  }
}

/** When the budget left runs out at a burn rate, from `atMs`; null when it does not (no burn) — `atMs` when it already has. */
export function budgetRunsOutAt(remaining: number, burnRate: number | null, windowLengthMs: number, atMs: number): number | null {
  if (remaining <= 0) return atMs
  if (burnRate === null || burnRate <= 0) return null
  return atMs + (remaining * windowLengthMs) / burnRate
}

export type BurnDownPoint = { atMs: number; remaining: number; ideal: number }

/**
 * The budget left after each bucket from the window's start, beside the ideal line (100 % at the start
 * to 0 at the window's end, spending evenly). Occurrence budgets are measured against the window's
 * events so far, so the last point is the budget left now.
 */
export function burnDown(slo: Budgeted, buckets: readonly SloBucket[], bounds: { startMs: number; endMs: number }, windowMinutes: number) {
  const inWindow = buckets.filter((bucket) => bucket.startMs >= bounds.startMs).sort((a, b) => a.startMs - b.startMs)
  const whole = inWindow.reduce<SloTotals>(addTotals, EMPTY_TOTALS)
  const allowed = (1 - slo.objective) * (slo.budgeting === 'timeslices' ? windowMinutes : whole.total)
  const length = bounds.endMs - bounds.startMs
  const points: BurnDownPoint[] = [{ atMs: bounds.startMs, remaining: 1, ideal: 1 }]
  let spent = 0
  for (const bucket of inWindow) {
    spent += slo.budgeting === 'timeslices' ? bucket.badMinutes : bucket.total - bucket.good
    const atMs = Math.min(bucket.endMs, bounds.endMs)
    points.push({ atMs, remaining: allowed > 0 ? 1 - spent / allowed : 1, ideal: 1 - (atMs - bounds.startMs) / length })
  }
  return points
}
