// PagerDuty v3 webhook deliveries for the demo pager's incidents, shaped as PagerDuty sends them (the
// recorded incident.triggered / incident.resolved in fixtures/formats/pagerduty) and signed as it signs
// them: X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body, keyed with the subscription secret>.
import { createHmac } from 'node:crypto'
import { createRandom, hash32 } from '../simulator/random'
import { pagerDutyId, type PlannedIncident } from './plan-incidents'

const ACCOUNT = 'https://finova.pagerduty.com'
const API = 'https://api.pagerduty.com'

export type PagerDutyEventType = 'incident.triggered' | 'incident.resolved'
export type PagerDutyDelivery = { eventType: PagerDutyEventType; occurredAtMs: number; body: string }

/** PagerDuty's display name of a service: the name in words (matched back to the inventory ignoring case and spaces). */
export const pagerDutyServiceName = (service: string) => service.replace(/-/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase())

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** A ULID-like event id, as PagerDuty's recorded deliveries carry (01BZYIL05THJDFF2Y08X9SVMTU). */
function eventId(seed: number, incident: PlannedIncident, eventType: PagerDutyEventType): string {
  const rng = createRandom(hash32(seed, incident.number, eventType === 'incident.triggered' ? 1 : 2, 0xe7e4))
  return `01${Array.from({ length: 24 }, () => rng.pick([...ULID_ALPHABET])).join('')}`
}

const reference = (type: string, path: string, id: string, summary: string) => ({
  html_url: `${ACCOUNT}/${path}/${id}`,
  id,
  self: `${API}/${path}/${id}`,
  summary,
  type,
})

/** The incident's deliveries: triggered, then resolved (once resolved), each body as sent. */
export function pagerDutyDeliveries(incident: PlannedIncident, { seed }: { seed: number }): PagerDutyDelivery[] {
  const serviceRng = createRandom(hash32(seed, [...incident.service].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) >>> 0))
  const serviceId = pagerDutyId(serviceRng)
  const policyId = pagerDutyId(serviceRng)
  const onCall = reference('user_reference', 'users', pagerDutyId(serviceRng), 'On-call engineer')
  const events: { eventType: PagerDutyEventType; occurredAtMs: number }[] = [
    { eventType: 'incident.triggered', occurredAtMs: incident.triggeredAtMs },
  ]
  if (incident.resolvedAtMs !== null) events.push({ eventType: 'incident.resolved', occurredAtMs: incident.resolvedAtMs })
  return events.map(({ eventType, occurredAtMs }) => {
    const resolved = eventType === 'incident.resolved'
    const body = {
      event: {
        id: eventId(seed, incident, eventType),
        event_type: eventType,
        resource_type: 'incident',
        occurred_at: new Date(occurredAtMs).toISOString(),
        agent: resolved ? onCall : null,
        client: null,
        data: {
          id: incident.id,
          type: 'incident',
          self: `${API}/incidents/${incident.id}`,
          html_url: `${ACCOUNT}/incidents/${incident.id}`,
          number: incident.number,
          status: resolved ? 'resolved' : 'triggered',
          incident_key: `${incident.service}/${incident.number}`,
          created_at: new Date(incident.triggeredAtMs).toISOString(),
          title: incident.title,
          service: reference('service_reference', 'services', serviceId, pagerDutyServiceName(incident.service)),
          assignees: resolved ? [] : [onCall],
          escalation_policy: reference('escalation_policy_reference', 'escalation_policies', policyId, `${incident.service} on-call`),
          teams: [],
          priority: null,
          urgency: incident.urgency,
          conference_bridge: null,
          resolve_reason: null,
        },
      },
    }
    return { eventType, occurredAtMs, body: JSON.stringify(body) }
  })
}

/** The X-PagerDuty-Signature header for a raw body (docs/webhooks/04-Signatures.md). */
export const signPagerDutyBody = (body: string, secret: string) => `v1=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
