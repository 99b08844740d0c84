// Receiving PagerDuty v3 webhooks: the signature check (docs/webhooks/04-Signatures.md in
// PagerDuty/developer-docs), the event as our incident fields, and the times an incident's events give.
import type { FieldIssue } from '@/lib/errors'
import { anySignatureMatches, hmacSha256, isSha256Hex, signatureHeaderParts } from './hmac'
import { issuesOf, pagerDutyEnvelopeSchema, pagerDutyIncidentSchema, type PagerDutyIncident } from './schemas'

export const PAGERDUTY_SIGNATURE_HEADER = 'X-PagerDuty-Signature'

export type PagerDutySignatureCheck =
  { ok: true } | { ok: false; reason: 'missing_header' | 'malformed_header' | 'empty_body' | 'no_secret' | 'mismatch' }

/**
 * Checks `X-PagerDuty-Signature`: one or more comma-separated `v1=<hex>` (several while a secret is
 * rotated), each the HMAC-SHA256 of the raw body keyed with a subscription secret. Valid when any value
 * matches any secret. Values of other versions (`v2=…`) are skipped, as PagerDuty's pseudo-algorithm
 * says; a part that is not `name=value`, or a v1 value that is not 64 hex digits, makes the header
 * malformed. Pass the body's bytes as received (`Buffer.from(await request.arrayBuffer())`): a
 * re-serialized body, or text decoded with its BOM dropped, no longer matches.
 */
export function verifyPagerDutySignature({
  rawBody,
  header,
  secrets,
}: {
  rawBody: string | Buffer
  header: string | null | undefined
  secrets: readonly string[]
}): PagerDutySignatureCheck {
  if (!header?.trim()) return { ok: false, reason: 'missing_header' }
  const signatures = v1Signatures(header)
  if (!signatures) return { ok: false, reason: 'malformed_header' }
  if (rawBody.length === 0) return { ok: false, reason: 'empty_body' }
  const usable = secrets.filter((secret) => secret.length > 0)
  if (usable.length === 0) return { ok: false, reason: 'no_secret' }
  const expected = usable.map((secret) => hmacSha256(secret, rawBody))
  return anySignatureMatches(signatures, expected) ? { ok: true } : { ok: false, reason: 'mismatch' }
}

/** The v1 values of the header, or null when it is malformed or has none. */
function v1Signatures(header: string): string[] | null {
  const parts = signatureHeaderParts(header)
  const signatures = parts?.filter(({ name }) => name === 'v1').map(({ value }) => value) ?? []
  return signatures.length > 0 && signatures.every(isSha256Hex) ? signatures : null
}

/** The events that move an incident's clock; every other incident.* event (priority, notes, reassignment, …) is ignored. */
export const PAGERDUTY_INCIDENT_EVENTS = ['incident.triggered', 'incident.acknowledged', 'incident.resolved'] as const
export type PagerDutyIncidentEventType = (typeof PAGERDUTY_INCIDENT_EVENTS)[number]

export type PagerDutyEvent =
  | { kind: 'incident'; eventId: string; eventType: PagerDutyIncidentEventType; occurredAt: Date; incident: PagerDutyIncident }
  /** A well-formed delivery we do not read: answer 2xx so PagerDuty does not retry it. */
  | { kind: 'ignored'; eventId: string; eventType: string; reason: string }
  /** Not a v3 webhook, or an incident event without the fields we need: `issues` name the paths. */
  | { kind: 'invalid'; issues: FieldIssue[] }

const isHandled = (eventType: string): eventType is PagerDutyIncidentEventType =>
  (PAGERDUTY_INCIDENT_EVENTS as readonly string[]).includes(eventType)

/** Reads a parsed v3 webhook body; never throws. */
export function parsePagerDutyEvent(json: unknown): PagerDutyEvent {
  const envelope = pagerDutyEnvelopeSchema.safeParse(json)
  if (!envelope.success) return { kind: 'invalid', issues: issuesOf(envelope.error) }
  const { id: eventId, event_type: eventType, resource_type: resourceType, occurred_at: occurredAt, data } = envelope.data.event
  if (resourceType !== 'incident' || !eventType.startsWith('incident.')) {
    return { kind: 'ignored', eventId, eventType, reason: `not an incident event (${eventType})` }
  }
  if (!isHandled(eventType)) {
    return { kind: 'ignored', eventId, eventType, reason: `${eventType} neither triggers, acknowledges nor resolves an incident` }
  }
  const incident = pagerDutyIncidentSchema.safeParse(data)
  if (!incident.success) return { kind: 'invalid', issues: issuesOf(incident.error, ['event', 'data']) }
  return { kind: 'incident', eventId, eventType, occurredAt, incident: incident.data }
}

export type PagerDutyIncidentTimes = { startedAt: Date | null; acknowledgedAt: Date | null; resolvedAt: Date | null }
export const NO_PAGERDUTY_TIMES: PagerDutyIncidentTimes = { startedAt: null, acknowledgedAt: null, resolvedAt: null }

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a <= b ? a : b) : (a ?? b))
const latest = (a: Date | null, b: Date | null) => (a && b ? (a >= b ? a : b) : (a ?? b))

/**
 * An incident's times after one more of its events. PagerDuty does not promise delivery order, so each
 * time is the earliest (start, acknowledgement) or latest (resolution) seen, whatever order they came in:
 * started = the triggered event's occurred_at or the incident's created_at (they agree; whichever came
 * first), resolved = the resolved event's occurred_at (the last one, after a reopen). Returns a new object.
 */
export function applyPagerDutyEvent(
  times: PagerDutyIncidentTimes,
  event: Extract<PagerDutyEvent, { kind: 'incident' }>,
): PagerDutyIncidentTimes {
  const started = event.eventType === 'incident.triggered' ? event.occurredAt : null
  return {
    startedAt: earliest(times.startedAt, earliest(started, event.incident.createdAt)),
    acknowledgedAt: event.eventType === 'incident.acknowledged' ? earliest(times.acknowledgedAt, event.occurredAt) : times.acknowledgedAt,
    resolvedAt: event.eventType === 'incident.resolved' ? latest(times.resolvedAt, event.occurredAt) : times.resolvedAt,
  }
}
