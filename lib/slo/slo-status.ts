// One SLO's figures at an instant, as the stage stores them and the pages show them (pure).
import { BURN_WINDOWS_SECONDS } from './burn-tiers'
import { judgeBurnTiers, type TierJudgement } from './burn-rates'
import { budgetRunsOutAt, burnRateOf, errorBudget, type ErrorBudget, type SloTotals } from './error-budget'
import type { Interval } from './slo-accounting'
import { tierWindowSeconds } from './slo-rules'
import { windowBounds } from './slo-window'
import { MINUTE_MS } from './time'
import type { Slo } from './schemas'

export type SloStatus = {
  atMs: number
  windowStartMs: number
  windowEndMs: number
  /** The window's minutes less the corrected ones (a time-slice budget's base). */
  windowMinutes: number
  correctedMinutes: number
  totals: SloTotals
  budget: ErrorBudget
  /** The burn rate over each window in BURN_WINDOWS_SECONDS (null: no events in it). */
  burnRates: { seconds: number; rate: number | null }[]
  tiers: TierJudgement[]
  /** When the budget left runs out at the 1 h burn rate (null: it does not burn). */
  runsOutAtMs: number | null
  /** Accounting reaches back to here; a window starting earlier is counted from here (an SLO younger than its window's history). */
  accountedFromMs: number
}

/** Minutes of [startMs, endMs) inside any correction. */
export function correctedMinutesBetween(corrections: readonly Interval[], startMs: number, endMs: number): number {
  // Minute starts in [startMs, endMs) inside any correction: the corrections' spans merged, then counted.
  const first = Math.ceil(startMs / MINUTE_MS)
  const spans = corrections
    .map((span) => [
      Math.max(first, Math.ceil(span.startMs / MINUTE_MS)),
      Math.min(Math.ceil(endMs / MINUTE_MS), Math.ceil(span.endMs / MINUTE_MS)),
    ])
    .filter(([from, to]) => from! < to!)
    .sort((a, b) => a[0]! - b[0]!)
  let minutes = 0
  let reached = -Infinity
  for (const [from, to] of spans) {
    const start = Math.max(from!, reached)
    if (to! > start) minutes += to! - start
    reached = Math.max(reached, to!)
  }
  return minutes
}

export function computeSloStatus(
  slo: Slo,
  {
    atMs,
    windowTotals,
    totalsOver,
    corrections,
    accountedFromMs,
  }: {
    atMs: number
    windowTotals: SloTotals
    /** Totals over the last `seconds` before atMs. */
    totalsOver: (seconds: number) => SloTotals
    corrections: readonly Interval[]
    accountedFromMs: number
  },
): SloStatus {
  const bounds = windowBounds(slo.window, atMs)
  const correctedMinutes = correctedMinutesBetween(corrections, bounds.startMs, bounds.endMs)
  const windowMinutes = (bounds.endMs - bounds.startMs) / MINUTE_MS - correctedMinutes
  const budget = errorBudget(slo, windowTotals, windowMinutes)
  const burnRates = BURN_WINDOWS_SECONDS.map((seconds) => ({ seconds, rate: burnRateOf(slo, totalsOver(seconds)) }))
  const hourly = burnRates.find((burn) => burn.seconds === 3600)?.rate ?? null
  return {
    atMs,
    windowStartMs: bounds.startMs,
    windowEndMs: bounds.endMs,
    windowMinutes,
    correctedMinutes,
    totals: windowTotals,
    budget,
    burnRates,
    tiers: judgeBurnTiers(slo, tierWindowSeconds(slo), totalsOver),
    runsOutAtMs: budgetRunsOutAt(budget.remaining, hourly, bounds.endMs - bounds.startMs, atMs),
    accountedFromMs,
  }
}
