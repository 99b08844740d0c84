// Our signed incident webhook: an incident (incidentInput) as JSON, signed with
// X-Spanlens-Signature: t=<unix seconds>,v1=HMAC-SHA256(secret, "<t>.<body>"). Idempotent by (source, id).
import { NextResponse } from 'next/server'
import { env } from '@/lib/env'
import { InvalidInputError, UnavailableError } from '@/lib/errors'
import { defineRoute } from '@/lib/http/define-route'
import { applyIncidentWebhook } from '@/lib/incidents/repository'
import { parseIncidentWebhookBody, SPANLENS_SIGNATURE_HEADER, verifySpanlensWebhook } from '@/lib/incidents/signed-webhook'

export const POST = defineRoute({
  permission: { public: true },
  webhook: {
    verify: ({ rawBody, headers }) => {
      const secret = env().INCIDENT_WEBHOOK_SECRET
      // 503 rather than 404 while unconfigured: a sender retries, and nothing unsigned is accepted.
      if (secret.length === 0) throw new UnavailableError('the incident webhook is not configured (INCIDENT_WEBHOOK_SECRET)')
      return verifySpanlensWebhook({ rawBody, header: headers.get(SPANLENS_SIGNATURE_HEADER), secret, now: new Date() })
    },
  },
  run: async ({ rawBody }) => {
    const parsed = parseIncidentWebhookBody(rawBody!)
    if (!parsed.ok) throw new InvalidInputError(parsed.issues)
    const applied = await applyIncidentWebhook(parsed.incident)
    return NextResponse.json(
      { status: applied.status, id: parsed.incident.id, incidentId: applied.id },
      { status: applied.status === 'unchanged' ? 200 : 202 },
    )
  },
})
