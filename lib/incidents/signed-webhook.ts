// Our own incident webhook: a JSON incident (incidentInput) signed like Stripe's webhooks, so a captured
// delivery cannot be replayed later. Header `X-Spanlens-Signature: t=<unix seconds>,v1=<hex>`, where
// v1 = HMAC-SHA256(secret, "<t>.<raw body>"); several v1 values are allowed while a secret is rotated.
import type { FieldIssue } from '@/lib/errors'
import { anySignatureMatches, hmacSha256, isSha256Hex, signatureHeaderParts } from './hmac'
import { incidentInput, issuesOf, type IncidentInput } from './schemas'

export const SPANLENS_SIGNATURE_HEADER = 'X-Spanlens-Signature'
/** How far the signed time may be from ours, either way (Stripe's default, 5 minutes). */
export const DEFAULT_TOLERANCE_SECONDS = 300

const toUnixSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

/** The header value for a body signed at `signedAt` (whole seconds). */
export function signSpanlensWebhook({ rawBody, secret, signedAt }: { rawBody: string | Buffer; secret: string; signedAt: Date }): string {
  const t = toUnixSeconds(signedAt)
  return `t=${t},v1=${hmacSha256(secret, `${t}.`, rawBody).toString('hex')}`
}

export type SpanlensSignatureCheck =
  | { ok: true; signedAt: Date }
  | { ok: false; reason: 'missing_header' | 'malformed_header' | 'no_secret' | 'mismatch' | 'outside_tolerance' }

/**
 * Checks the signature first and the time second, so `outside_tolerance` is only ever said of a
 * delivery signed with our secret (a late retry or a replay), never of a forgery. `secret` may be a
 * list while one is rotated. Pass the body's bytes as received.
 */
export function verifySpanlensWebhook({
  rawBody,
  header,
  secret,
  now,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
}: {
  rawBody: string | Buffer
  header: string | null | undefined
  secret: string | readonly string[]
  now: Date
  toleranceSeconds?: number
}): SpanlensSignatureCheck {
  if (!header?.trim()) return { ok: false, reason: 'missing_header' }
  const parsed = parseHeader(header)
  if (!parsed) return { ok: false, reason: 'malformed_header' }
  const secrets = (typeof secret === 'string' ? [secret] : secret).filter((value) => value.length > 0)
  if (secrets.length === 0) return { ok: false, reason: 'no_secret' }
  const expected = secrets.map((value) => hmacSha256(value, `${parsed.t}.`, rawBody))
  if (!anySignatureMatches(parsed.signatures, expected)) return { ok: false, reason: 'mismatch' }
  if (Math.abs(toUnixSeconds(now) - parsed.t) > toleranceSeconds) return { ok: false, reason: 'outside_tolerance' }
  return { ok: true, signedAt: new Date(parsed.t * 1000) }
}

/** `t` exactly once and at least one v1; other names are skipped (room for a later scheme). */
function parseHeader(header: string): { t: number; signatures: string[] } | null {
  const parts = signatureHeaderParts(header)
  const times = parts?.filter(({ name }) => name === 't').map(({ value }) => value) ?? []
  const signatures = parts?.filter(({ name }) => name === 'v1').map(({ value }) => value) ?? []
  const [t] = times
  if (times.length !== 1 || !/^\d{1,12}$/.test(t!) || signatures.length === 0 || !signatures.every(isSha256Hex)) return null
  return { t: Number(t), signatures }
}

export type IncidentWebhookBody = { ok: true; incident: IncidentInput } | { ok: false; issues: FieldIssue[] }

/** The verified body as an incident, or the 400's issues naming each field (`services.0`, `startedAt`). */
export function parseIncidentWebhookBody(rawBody: string | Buffer): IncidentWebhookBody {
  let json: unknown
  try {
    json = JSON.parse(rawBody.toString())
  } catch {
    return { ok: false, issues: [{ path: '(root)', message: 'the body is not JSON' }] }
  }
  const parsed = incidentInput.safeParse(json)
  return parsed.success ? { ok: true, incident: parsed.data } : { ok: false, issues: issuesOf(parsed.error) }
}
