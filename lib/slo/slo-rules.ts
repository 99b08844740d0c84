// The alert rules an SLO generates: one per enabled burn-rate tier (burn-tiers.ts), named after the SLO
// and the tier, with the SLO's channels and labels. They are stored as alert rules, so their alerts show
// on /alerts, and go through the channels, grouping and silences, as every other alert does; the SLO
// stage judges them (slo-stage.ts), and they change only with their SLO.
import type { AlertRuleInput } from '@/lib/alerts/schemas'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { BURN_TIER_SPECS, burnTierFactor } from './burn-tiers'
import type { BurnTier, Slo } from './schemas'

/** A generated rule's name: `checkout-latency-page-fast`. */
export const sloRuleName = (slo: Pick<Slo, 'name'>, tier: BurnTier) => `${slo.name}-${tier.replace('_', '-')}`

/** The length of an SLO's window in seconds for its tiers' factors: a calendar month counts as 30 days (as Sloth does), a week as 7. */
export const tierWindowSeconds = (slo: Pick<Slo, 'window'>) =>
  slo.window.kind === 'rolling' ? slo.window.duration : slo.window.unit === 'week' ? 7 * 86_400 : 30 * 86_400

export function sloAlertRules(slo: Slo): AlertRuleInput[] {
  return slo.alerting.tiers.map((tier) => {
    const spec = BURN_TIER_SPECS[tier]
    const factor = burnTierFactor(tier, tierWindowSeconds(slo))
    const long = formatPrometheusDuration(spec.longSeconds)
    const short = formatPrometheusDuration(spec.shortSeconds)
    return {
      name: sloRuleName(slo, tier),
      condition: { kind: 'slo_burn_rate', slo: slo.name, tier, factor, longWindow: spec.longSeconds, shortWindow: spec.shortSeconds },
      selector: {
        service: slo.service ?? '*',
        ...(slo.operation ? { operation: slo.operation } : {}),
        ...(slo.spanKind ? { spanKind: slo.spanKind } : {}),
      },
      severity: spec.severity,
      labels: { ...slo.alerting.labels, slo: slo.name, action: spec.action, long_window: long, short_window: short },
      annotations: {
        summary: `${slo.displayName ?? slo.name} is burning its error budget {{value}}× as fast as it may (${spec.action} tier: ${factor}× over ${long} and ${short})`,
        description: `At this rate ${Math.round(spec.budgetShare * 100)} % of the budget goes every ${long}. Objective ${slo.objective * 100} %.`,
      },
      channels: slo.alerting.channels,
    }
  })
}
