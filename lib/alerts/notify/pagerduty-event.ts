// PagerDuty Events API v2 bodies (POST https://events.pagerduty.com/v2/enqueue): a trigger per firing
// alert and a resolve per resolved one, with dedup_key = the alert's fingerprint, so PagerDuty folds
// every re-send of an alert into one PagerDuty alert and the resolve closes it. Fields and limits from
// PagerDuty/developer-docs docs/events-API-v2/02-Trigger-Events.md (fixtures/formats/pagerduty/).
import { z } from 'zod'
import type { Severity } from '../schemas'
import { describeAlert, type NotificationAlert } from './describe-alert'
import type { NotificationGroup } from './notification-groups'
import { truncateText } from './truncate-text'

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue'
const SUMMARY_LENGTH = 1024 // payload.summary: "The maximum permitted length of this property is 1024 characters"
const DEDUP_KEY_LENGTH = 255 // dedup_key: "The maximum permitted length of this property is 255 characters"

export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const
/** Ours to PagerDuty's; nothing maps to `error`. A severity label we do not know becomes warning, a rule's default. */
const SEVERITY_TO_PAGERDUTY = { critical: 'critical', warning: 'warning', info: 'info' } as const satisfies Record<
  Severity,
  (typeof PAGERDUTY_SEVERITIES)[number]
>

// The docs' example writes `+0000` (ISO 8601 basic offset), which RFC 3339 (z.iso.datetime) refuses.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/

// routing_key is documented as 32 characters, but the docs' own samples are not: any non-empty key is accepted.
const routingKey = z.string().min(1, 'required')
const dedupKey = z.string().min(1).max(DEDUP_KEY_LENGTH, `at most ${DEDUP_KEY_LENGTH} characters`)
const link = z.strictObject({ href: z.string().min(1), text: z.string().optional() })
const image = z.strictObject({ src: z.string().min(1), href: z.string().optional(), alt: z.string().optional() })

export const pagerDutyTriggerSchema = z.strictObject({
  routing_key: routingKey,
  event_action: z.literal('trigger'),
  dedup_key: dedupKey.optional(),
  payload: z.strictObject({
    summary: z.string().min(1).max(SUMMARY_LENGTH, `at most ${SUMMARY_LENGTH} characters`),
    source: z.string().min(1),
    severity: z.enum(PAGERDUTY_SEVERITIES),
    timestamp: z.string().regex(ISO_8601, 'expected an ISO 8601 time').optional(),
    component: z.string().optional(),
    group: z.string().optional(),
    class: z.string().optional(),
    custom_details: z.record(z.string(), z.unknown()).optional(),
  }),
  images: z.array(image).optional(),
  links: z.array(link).optional(),
  client: z.string().optional(),
  client_url: z.string().optional(),
})
export const pagerDutyResolveSchema = z.strictObject({ routing_key: routingKey, event_action: z.literal('resolve'), dedup_key: dedupKey })
export const pagerDutyEventSchema = z.discriminatedUnion('event_action', [pagerDutyTriggerSchema, pagerDutyResolveSchema])

export const pagerDutySeverity = (severity: string | null) =>
  severity !== null && Object.hasOwn(SEVERITY_TO_PAGERDUTY, severity) ? SEVERITY_TO_PAGERDUTY[severity as Severity] : 'warning'

export type PagerDutyTrigger = z.infer<typeof pagerDutyTriggerSchema>
export type PagerDutyResolve = z.infer<typeof pagerDutyResolveSchema>
export type PagerDutyEvent = z.infer<typeof pagerDutyEventSchema>

export type PagerDutyOptions = { routingKey: string; externalUrl: string }

/** One event per alert of the group, in the group's order. */
export function buildPagerDutyEvents(group: NotificationGroup<NotificationAlert>, options: PagerDutyOptions): PagerDutyEvent[] {
  return group.alerts.map((alert) =>
    describeAlert(alert, options.externalUrl).status === 'firing'
      ? buildPagerDutyTrigger(alert, options)
      : buildPagerDutyResolve(alert, options),
  )
}

export function buildPagerDutyTrigger(alert: NotificationAlert, { routingKey, externalUrl }: PagerDutyOptions): PagerDutyTrigger {
  const described = describeAlert(alert, externalUrl)
  const value = described.threshold ? `${described.value} (threshold ${described.threshold})` : described.value
  const links = [
    { href: described.links.alert, text: 'Alert in Spanlens' },
    described.links.service ? { href: described.links.service, text: `${described.service} in Spanlens` } : null,
    described.links.runbook ? { href: described.links.runbook, text: 'Runbook' } : null,
  ]
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: alert.fingerprint,
    payload: {
      summary: truncateText(`${described.title}: ${value}`, SUMMARY_LENGTH),
      source: described.service ?? 'spanlens',
      severity: pagerDutySeverity(described.severity),
      timestamp: new Date(described.since).toISOString(),
      ...(described.operation ? { component: described.operation } : {}),
      ...(described.service ? { group: described.service } : {}),
      class: described.alertname,
      custom_details: {
        value,
        firing_since: new Date(described.since).toISOString(),
        ...(described.description ? { description: described.description } : {}),
        labels: { ...alert.labels },
        annotations: { ...alert.annotations },
        fingerprint: alert.fingerprint,
      },
    },
    links: links.filter((entry) => entry !== null),
    client: 'Spanlens',
    client_url: externalUrl,
  }
}

export function buildPagerDutyResolve(alert: NotificationAlert, { routingKey }: Pick<PagerDutyOptions, 'routingKey'>): PagerDutyResolve {
  return { routing_key: routingKey, event_action: 'resolve', dedup_key: alert.fingerprint }
}
