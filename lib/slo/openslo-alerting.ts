// What an OpenSLO SLO says about its alerts, read as Spanlens alerts: alert policies become burn-rate tiers,
// metadata.labels the alerts' labels (the channels and low-traffic guard are spanlens.io/ annotations: openslo-spanlens.ts).
//
//   a policy whose condition is kind: burnrate over a lookbackWindow of
//     1h → page_fast   6h → page_slow   1d → ticket_fast   3d → ticket_slow      (burn-tiers.ts, SRE Workbook)
//   Its op and threshold are not read: each tier alerts at its own factor of the SLO's window. Nor are notification
//   targets: Spanlens notifies its own channels (spanlens.io/channels). Other policies (another lookback window, or
//   alertWhenBreaching: false) are checked against the spec and left out.
import { BURN_TIER_SPECS } from './burn-tiers'
import { DURATION_SHORTHAND, type AlertConditionSpec, type AlertPolicySpec, type OpenSloMetadata } from './openslo-schemas'
import type { OpenSloObject, OpenSloObjects } from './openslo-objects'
import { BURN_TIERS, type BurnTier } from './schemas'
import { nested, type Located, type Report } from './yaml-errors'

const DAY = 86_400
/** Months, quarters and years have no fixed length: go-sdk (DurationShorthand.Duration) counts 30, 90 and 365 days. */
const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: DAY, w: 7 * DAY, M: 30 * DAY, Q: 90 * DAY, Y: 365 * DAY }

/** Seconds in a duration shorthand (1M is 30 days, as go-sdk reads it), null when it is none. */
export function shorthandSeconds(duration: string): number | null {
  const [, count, unit] = DURATION_SHORTHAND.exec(duration) ?? []
  const size = unit === undefined ? undefined : UNIT_SECONDS[unit]
  return size === undefined ? null : Number(count) * size
}

/**
 * The SLO's tiers in the order its policies give them (each once); undefined when it has no alertPolicies key
 * (the schema's default: every tier), null after reporting a problem. An empty list (or `alertPolicies:` alone) is no tier.
 * Every reference on the way must name an object of the file, as go-sdk's reference inliner requires.
 */
export function readTiers(slo: OpenSloObject<'SLO'>, objects: OpenSloObjects, report: Report): BurnTier[] | undefined | null {
  const at = nested(slo.at)
  if (!slo.at.document.hasIn([...slo.at.path, 'spec', 'alertPolicies'])) return undefined
  const tiers = new Set<BurnTier>()
  let failed = false
  for (const [index, entry] of (slo.spec.alertPolicies ?? []).entries()) {
    const entryAt = at(['spec', 'alertPolicies', index])
    const named =
      entry.alertPolicyRef === undefined
        ? null
        : objects.resolve('AlertPolicy', entry.alertPolicyRef, nested(entryAt)(['alertPolicyRef']), report)
    const policy = named
      ? { spec: named.spec, at: nested(named.at)(['spec']) }
      : entry.spec
        ? { spec: entry.spec, at: nested(entryAt)(['spec']) }
        : null
    const tier = policy ? policyTier(policy.spec, policy.at, objects, report) : undefined
    if (tier === undefined) failed = true
    else if (tier !== null) tiers.add(tier)
  }
  return failed ? null : [...tiers]
}

/** The tier a policy alerts for, null for a policy that is not a tier, undefined after reporting a problem. */
function policyTier(policy: AlertPolicySpec, at: Located, objects: OpenSloObjects, report: Report): BurnTier | null | undefined {
  let failed = false
  for (const [index, target] of policy.notificationTargets.entries())
    if (target.targetRef !== undefined)
      failed ||= !objects.resolve(
        'AlertNotificationTarget',
        target.targetRef,
        nested(at)(['notificationTargets', index, 'targetRef']),
        report,
      )
  const [entry] = policy.conditions
  const conditionAt = nested(at)(['conditions', 0])
  const named =
    entry?.conditionRef === undefined
      ? null
      : objects.resolve('AlertCondition', entry.conditionRef, nested(conditionAt)(['conditionRef']), report)
  const condition: AlertConditionSpec | undefined = named ? named.spec : entry?.spec
  if (failed || !condition) return undefined
  if (policy.alertWhenBreaching === false) return null
  const lookback = shorthandSeconds(condition.condition.lookbackWindow)
  return BURN_TIERS.find((tier) => BURN_TIER_SPECS[tier].longSeconds === lookback) ?? null
}

/**
 * metadata.labels as alert labels: a key becomes a Prometheus label name (cost-centre → cost_centre, as Prometheus
 * sanitizes names), a list of values is joined with ",". Each label name maps back to the key it was read from.
 */
export function readLabels(
  metadata: OpenSloMetadata,
  at: Located,
  report: Report,
): { labels: Record<string, string>; keys: Map<string, string> } | null {
  const labels: Record<string, string> = {}
  const keys = new Map<string, string>()
  for (const [key, value] of Object.entries(metadata.labels ?? {})) {
    const name = key.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^(\d)/, '_$1')
    const other = keys.get(name)
    if (other !== undefined)
      return (report(nested(at)(['metadata', 'labels', key]), [], `labels ${other} and ${key} are both the alert label ${name}`), null)
    keys.set(name, key)
    labels[name] = Array.isArray(value) ? value.map(String).join(',') : String(value)
  }
  return { labels, keys }
}
