// An SLO's burn rates over the tiers' windows, and which tiers would alert: a tier holds when its long
// and its short window both burn at least at its factor, and the short window saw enough events to
// judge (the low-traffic guard: three requests, one slow, are not a page).
import { BURN_TIER_SPECS, burnTierFactor, type BurnTierSpec } from './burn-tiers'
import { burnRateOf, type SloTotals } from './error-budget'
import type { BurnTier, Slo } from './schemas'

const EPSILON = 1e-9

export type TierJudgement = BurnTierSpec & {
  enabled: boolean
  factor: number
  longBurn: number | null
  shortBurn: number | null
  /** Events (requests) in the short window, whatever the budgeting. */
  shortEvents: number
  /** The guard kept this tier quiet: too few events in the short window. */
  lowTraffic: boolean
  holds: boolean
}

/**
 * Judges every tier at one instant. `totalsOver(seconds)` gives the SLO's totals over the last
 * `seconds` before the instant.
 */
export function judgeBurnTiers(
  slo: Pick<Slo, 'objective' | 'budgeting' | 'alerting'>,
  windowSeconds: number,
  totalsOver: (seconds: number) => SloTotals,
): TierJudgement[] {
  return (Object.keys(BURN_TIER_SPECS) as BurnTier[]).map((tier) => {
    const spec = BURN_TIER_SPECS[tier]
    const factor = burnTierFactor(tier, windowSeconds)
    const long = totalsOver(spec.longSeconds)
    const short = totalsOver(spec.shortSeconds)
    const longBurn = burnRateOf(slo, long)
    const shortBurn = burnRateOf(slo, short)
    // Events, not minutes, for time slices too: a few requests make a few bad minutes as easily as a few bad events.
    const shortEvents = short.total
    const lowTraffic = shortEvents < slo.alerting.minEvents
    const enabled = slo.alerting.tiers.includes(tier)
    // A hair of tolerance: 1 − 0.999 is 0.0010000000000000009 in floating point, so an exact 14.4× reads 14.399….
    const burning = longBurn !== null && shortBurn !== null && longBurn >= factor - EPSILON && shortBurn >= factor - EPSILON
    return { ...spec, enabled, factor, longBurn, shortBurn, shortEvents, lowTraffic, holds: enabled && burning && !lowTraffic }
  })
}
