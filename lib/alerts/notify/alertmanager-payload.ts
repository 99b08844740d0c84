// The Alertmanager webhook body (version "4"), so any receiver written for Alertmanager consumes
// Spanlens' notifications, and the schema a receiver parses it with. Shape from prometheus/alertmanager:
// notify/webhook/webhook.go (Message: version, groupKey, truncatedAlerts around template.Data) and
// template/template.go (Data, Alert); real deliveries in fixtures/formats/alertmanager-webhook/.
import { z } from 'zod'
import { describeAlert, type NotificationAlert } from './describe-alert'
import type { NotificationGroup } from './notification-groups'

/** Go's zero time.Time: a firing alert's endsAt (dispatch/dispatch.go, aggrGroup.flush clears it). */
export const ZERO_TIME = '0001-01-01T00:00:00Z'

const required = (expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : `expected ${expected}`),
})
const kv = (what: string) => z.record(z.string(), z.string({ error: 'expected a string' }), required(`${what} (an object of strings)`))
// RFC 3339 with any fraction (Go writes up to 9 digits and trims zeros) and a Z or ±hh:mm offset.
const timestamp = z.iso.datetime({ offset: true, ...required('an RFC 3339 time') })
const status = z.enum(['firing', 'resolved'], required('"firing" or "resolved"'))

// Alert status, generatorURL and fingerprint are optional: older senders leave them out
// (prometheus-msteams' prom_post_request.json); Alertmanager itself always sends them.
export const alertmanagerAlertSchema = z.object({
  status: status.optional(),
  labels: kv('labels'),
  annotations: kv('annotations'),
  startsAt: timestamp,
  endsAt: timestamp,
  generatorURL: z.string().optional(),
  fingerprint: z.string().optional(),
})

// groupKey, truncatedAlerts and the group/common sets are optional for the same reason
// (idealista/prom2teams' all_ok_multiple.json has none of them). Unknown keys (notification_reason,
// routeLabels in newer Alertmanagers) are dropped.
export const alertmanagerWebhookSchema = z.object({
  receiver: z.string(required('a receiver name')),
  status,
  alerts: z.array(alertmanagerAlertSchema, required('a list of alerts')),
  groupLabels: kv('groupLabels').optional(),
  commonLabels: kv('commonLabels').optional(),
  commonAnnotations: kv('commonAnnotations').optional(),
  externalURL: z.string(required('a URL')),
  version: z.literal('4', required('version "4"')),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
})
export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhookSchema>
export type AlertmanagerAlert = z.infer<typeof alertmanagerAlertSchema>

export type AlertmanagerPayloadOptions = {
  /** The channel's name, sent as `receiver`. */
  receiver: string
  /** Spanlens' own address: `externalURL`, and the base of each alert's generatorURL. */
  externalUrl: string
  /** Alertmanager's webhook max_alerts: 0 sends all; beyond it alerts are dropped and counted in truncatedAlerts. */
  maxAlerts?: number
}

/** The body Alertmanager would POST for this group; firing alerts first, so truncation drops resolved ones first. */
export function buildAlertmanagerPayload(
  group: NotificationGroup<NotificationAlert>,
  { receiver, externalUrl, maxAlerts = 0 }: AlertmanagerPayloadOptions,
): AlertmanagerWebhook {
  const described = group.alerts
    .map((alert) => ({ alert, description: describeAlert(alert, externalUrl) }))
    .sort((a, b) => Number(a.description.status === 'resolved') - Number(b.description.status === 'resolved'))
  const kept = maxAlerts > 0 ? described.slice(0, maxAlerts) : described
  const alerts = kept.map(({ alert, description }): AlertmanagerAlert => ({
    status: description.status,
    labels: { ...alert.labels },
    annotations: { ...alert.annotations },
    startsAt: new Date(description.since).toISOString(),
    endsAt: description.resolvedAt === null ? ZERO_TIME : new Date(description.resolvedAt).toISOString(),
    generatorURL: description.links.alert,
    fingerprint: alert.fingerprint,
  }))
  return {
    receiver,
    status: alerts.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved',
    alerts,
    groupLabels: { ...group.labels },
    commonLabels: common(alerts.map((alert) => alert.labels)),
    commonAnnotations: common(alerts.map((alert) => alert.annotations)),
    externalURL: externalUrl,
    version: '4',
    groupKey: group.key,
    truncatedAlerts: described.length - kept.length,
  }
}

/** The pairs every set has with the same value (template.go, Data: commonLabels, commonAnnotations). */
function common(sets: Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = sets
  if (!first) return {}
  return Object.fromEntries(Object.entries(first).filter(([name, value]) => rest.every((set) => set[name] === value)))
}
