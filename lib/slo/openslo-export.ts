// Spanlens SLOs written as OpenSLO v1: per SLO one `kind: SLO` with its indicator inline, and one `kind: AlertPolicy`
// per burn-rate tier, referenced from the SLO's alertPolicies. importOpenSlo (openslo.ts) reads the file back into
// the same SLOs; what OpenSLO has no field for is in the Spanlens extension (openslo-spanlens.ts).
//
//   a tier's policy: one burnrate condition, op gte, threshold its factor for the SLO's window (burn-tiers.ts),
//   lookbackWindow its long window, alertAfter its short one (OpenSLO has no multi-window condition: the closest
//   field); severity page or ticket; the SLO's channels as notification targets (the spec wants at least one)
import { stringify } from 'yaml'
import { BURN_TIER_SPECS, burnTierFactor } from './burn-tiers'
import { MAX_NAME, OPENSLO_API_VERSION, toDnsLabel } from './openslo-schemas'
import { DEFAULT_CALENDAR_START, FOLLOWS_OBJECTIVE, SPANLENS_ANNOTATIONS, SPANLENS_SOURCE_TYPE } from './openslo-spanlens'
import type { BurnTier, Slo, SloWindow } from './schemas'
import { sloRuleName, tierWindowSeconds } from './slo-rules'

const HEADER = `# Spanlens SLOs as OpenSLO v1 (https://github.com/OpenSLO/OpenSLO). A metric source of type ${SPANLENS_SOURCE_TYPE} selects spans
# (operation, spanKind; none: the service's entry spans); spanlens.io/ annotations hold what OpenSLO has no field for.
`
/**
 * OpenSLO wants a calendar window's start. Without one of its own an SLO's months start on the 1st at midnight, its
 * weeks on Monday: 2024-01-01 was both. spanlens.io/calendar-start: default says the SLO has no start of its own.
 */
const CALENDAR_START = '2024-01-01 00:00:00'

export function exportOpenSlo(slos: readonly Slo[]): string {
  const documents = slos.flatMap((slo) => {
    const tiers = [...new Set(slo.alerting.tiers)]
    return [sloDocument(slo, tiers), ...tiers.map((tier) => policyDocument(slo, tier))]
  })
  return HEADER + documents.map((document) => stringify(document, { lineWidth: 0 })).join('---\n')
}

function sloDocument(slo: Slo, tiers: BurnTier[]) {
  const { alerting } = slo
  const annotations = {
    [SPANLENS_ANNOTATIONS.minEvents]: String(alerting.minEvents),
    ...(alerting.channels.length === 0 ? {} : { [SPANLENS_ANNOTATIONS.channels]: alerting.channels.join('\n') }),
    ...(slo.budgeting === 'timeslices' && slo.timeSliceTarget === undefined
      ? { [SPANLENS_ANNOTATIONS.timeSliceTarget]: FOLLOWS_OBJECTIVE }
      : {}),
    ...(slo.window.kind === 'calendar' && slo.window.startTime === undefined
      ? { [SPANLENS_ANNOTATIONS.calendarStart]: DEFAULT_CALENDAR_START }
      : {}),
  }
  return {
    apiVersion: OPENSLO_API_VERSION,
    kind: 'SLO',
    metadata: {
      name: slo.name,
      ...(slo.displayName === undefined ? {} : { displayName: slo.displayName }),
      ...(Object.keys(alerting.labels).length === 0 ? {} : { labels: alerting.labels }),
      annotations,
    },
    spec: {
      ...(slo.description === undefined ? {} : { description: slo.description }),
      // OpenSLO wants a service; a composite's services are its members', so it stands as its own (not read back).
      service: slo.service ?? slo.name,
      indicator: { metadata: { name: slo.name }, spec: indicatorSpec(slo) },
      timeWindow: [windowSpec(slo.window)],
      budgetingMethod: slo.budgeting === 'timeslices' ? 'Timeslices' : 'Occurrences',
      objectives: [
        {
          ...(slo.sli.kind === 'latency' ? { op: 'lte', value: slo.sli.thresholdMs } : {}),
          target: slo.objective,
          ...(slo.budgeting === 'timeslices' ? { timeSliceTarget: slo.timeSliceTarget ?? slo.objective, timeSliceWindow: '1m' } : {}),
        },
      ],
      alertPolicies: tiers.map((tier) => ({ alertPolicyRef: policyName(slo, tier) })),
    },
  }
}

function indicatorSpec(slo: Slo) {
  const spans = {
    ...(slo.operation === undefined ? {} : { operation: slo.operation }),
    ...(slo.spanKind === undefined ? {} : { spanKind: slo.spanKind }),
  }
  const source = (spec: Record<string, unknown>) => ({ metricSource: { type: SPANLENS_SOURCE_TYPE, spec } })
  if (slo.sli.kind === 'latency') return { thresholdMetric: source({ ...spans, thresholdMs: slo.sli.thresholdMs }) }
  const selected = slo.sli.kind === 'composite' ? { members: slo.sli.members } : spans
  return { ratioMetric: { counter: true, good: source({ ...selected, events: 'good' }), total: source({ ...selected, events: 'total' }) } }
}

function windowSpec(window: SloWindow) {
  if (window.kind === 'rolling') return { duration: durationShorthand(window.duration), isRolling: true }
  // The schema keeps a start as 2022-01-01T12:00:00; OpenSLO writes it as Go's time.DateTime, 2022-01-01 12:00:00.
  const startTime = window.startTime?.replace('T', ' ') ?? CALENDAR_START
  return { duration: window.unit === 'week' ? '1w' : '1M', isRolling: false, calendar: { startTime, timeZone: window.timeZone } }
}

function policyDocument(slo: Slo, tier: BurnTier) {
  const spec = BURN_TIER_SPECS[tier]
  const name = policyName(slo, tier)
  const factor = burnTierFactor(tier, tierWindowSeconds(slo))
  const [long, short] = [durationShorthand(spec.longSeconds), durationShorthand(spec.shortSeconds)]
  const action = spec.action === 'page' ? 'Page' : 'Open a ticket'
  return {
    apiVersion: OPENSLO_API_VERSION,
    kind: 'AlertPolicy',
    metadata: { name },
    spec: {
      description: `${action} when ${slo.name} spends ${spec.budgetShare * 100} % of its error budget in ${long} (${factor}×), its last ${short} as fast`,
      alertWhenBreaching: true,
      conditions: [
        {
          kind: 'AlertCondition',
          metadata: { name },
          spec: {
            severity: spec.action,
            condition: { kind: 'burnrate', op: 'gte', threshold: factor, lookbackWindow: long, alertAfter: short },
          },
        },
      ],
      notificationTargets: (slo.alerting.channels.length === 0 ? [null] : slo.alerting.channels).map(notificationTarget),
    },
  }
}

/** A channel as a notification target; none (null): the Spanlens alerts page, the one place such alerts show. */
function notificationTarget(channel: string | null) {
  const name = channel === null ? 'spanlens' : toDnsLabel(channel) || 'channel'
  const spec =
    channel === null ? { target: 'spanlens', description: 'the Spanlens alerts page: the SLO names no channel' } : { target: channel }
  return { kind: 'AlertNotificationTarget', metadata: { name }, spec }
}

/** The tier's alert rule name (checkout-latency-page-fast), shortened with a hash of the SLO's name past 63 characters. */
function policyName(slo: Slo, tier: BurnTier): string {
  const name = sloRuleName(slo, tier)
  if (name.length <= MAX_NAME) return name
  const suffix = name.slice(slo.name.length)
  const hash = fnv1a(slo.name).toString(36).padStart(7, '0').slice(0, 7)
  return `${slo.name.slice(0, MAX_NAME - suffix.length - hash.length - 1).replace(/-+$/, '')}-${hash}${suffix}`
}

/** The shortest OpenSLO duration for whole seconds: days, else hours, else minutes (OpenSLO has no seconds). */
function durationShorthand(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (seconds % size === 0) return `${seconds / size}${unit}`
  throw new RangeError(`${seconds} s is not a whole number of minutes: OpenSLO durations have no seconds`)
}

/** FNV-1a, 32 bits: a short stable hash for names (not security). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0
  return hash
}
