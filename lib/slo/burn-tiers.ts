// The SRE Workbook's multi-window, multi-burn-rate alerts (chapter 5, "Alerting on SLOs", table 5-8),
// one tier per row. For a 30-day window: 2 % of the budget spent in 1 h (14.4×) or 5 % in 6 h (6×)
// pages; 10 % in 1 d (3×) or in 3 d (1×) opens a ticket. Each tier also needs its short window (1/12 of
// the long one) burning as fast, so an alert resolves soon after the burning stops.
//
// Other windows keep the budget shares, not the factors (as Sloth and Pyrra do): factor = share ×
// window ÷ long window, so a 28-day SLO pages at 13.44× over 1 h, having spent the same 2 %.
import type { BurnTier } from './schemas'

export type BurnTierSpec = {
  tier: BurnTier
  severity: 'critical' | 'warning'
  /** What the alert asks of people: page someone now, or open a ticket. */
  action: 'page' | 'ticket'
  longSeconds: number
  shortSeconds: number
  /** Share of the window's budget spent when the long window burns at the tier's factor. */
  budgetShare: number
}

const HOUR = 3600

export const BURN_TIER_SPECS: Readonly<Record<BurnTier, BurnTierSpec>> = {
  page_fast: { tier: 'page_fast', severity: 'critical', action: 'page', longSeconds: HOUR, shortSeconds: 5 * 60, budgetShare: 0.02 },
  page_slow: { tier: 'page_slow', severity: 'critical', action: 'page', longSeconds: 6 * HOUR, shortSeconds: 30 * 60, budgetShare: 0.05 },
  ticket_fast: {
    tier: 'ticket_fast',
    severity: 'warning',
    action: 'ticket',
    longSeconds: 24 * HOUR,
    shortSeconds: 2 * HOUR,
    budgetShare: 0.1,
  },
  ticket_slow: {
    tier: 'ticket_slow',
    severity: 'warning',
    action: 'ticket',
    longSeconds: 72 * HOUR,
    shortSeconds: 6 * HOUR,
    budgetShare: 0.1,
  },
}

/** The burn rate at which a tier alerts, for an SLO whose window is `windowSeconds` long (14.4 for page_fast over 30 d). */
export function burnTierFactor(tier: BurnTier, windowSeconds: number): number {
  const spec = BURN_TIER_SPECS[tier]
  // Rounded to 4 decimals so 30 d gives the Workbook's 14.4, not 14.400000000000002.
  return Math.round(((spec.budgetShare * windowSeconds) / spec.longSeconds) * 1e4) / 1e4
}

/** The windows burn rates are shown over, and the ones the tiers read. */
export const BURN_WINDOWS_SECONDS = [5 * 60, 30 * 60, HOUR, 2 * HOUR, 6 * HOUR, 24 * HOUR, 72 * HOUR] as const
