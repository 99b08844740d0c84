// PagerDuty v3 webhooks (incident.triggered / acknowledged / resolved). No session: the
// X-PagerDuty-Signature over the raw body is the credential; a replayed event id changes nothing.
import { NextResponse } from 'next/server'
import { env } from '@/lib/env'
import { InvalidInputError, UnavailableError } from '@/lib/errors'
import { defineRoute } from '@/lib/http/define-route'
import { parsePagerDutyEvent, PAGERDUTY_SIGNATURE_HEADER, verifyPagerDutySignature } from '@/lib/incidents/pagerduty-webhook'
import { applyPagerDutyIncidentEvent } from '@/lib/incidents/repository'

export const POST = defineRoute({
  permission: { public: true },
  webhook: {
    verify: ({ rawBody, headers }) => {
      const secrets = env().PAGERDUTY_WEBHOOK_SECRETS
      // Unconfigured is 503, not 404: PagerDuty retries a 5xx, so deliveries sent before an operator
      // sets the secret are not lost; and nothing unsigned is ever accepted.
      if (secrets.length === 0) throw new UnavailableError('the PagerDuty webhook is not configured (PAGERDUTY_WEBHOOK_SECRETS)')
      return verifyPagerDutySignature({ rawBody, header: headers.get(PAGERDUTY_SIGNATURE_HEADER), secrets })
    },
  },
  run: async ({ rawBody }) => {
    let json: unknown
    try {
      json = JSON.parse(rawBody!.toString('utf8'))
    } catch {
      throw new InvalidInputError([{ path: '(body)', message: 'expected a JSON document' }])
    }
    const event = parsePagerDutyEvent(json)
    if (event.kind === 'invalid') throw new InvalidInputError(event.issues)
    if (event.kind === 'ignored')
      return NextResponse.json({ status: 'ignored', eventId: event.eventId, reason: event.reason }, { status: 200 })
    const applied = await applyPagerDutyIncidentEvent(event)
    return NextResponse.json(
      { status: applied.status, eventId: event.eventId, incidentId: applied.id },
      { status: applied.status === 'replay' ? 200 : 202 },
    )
  },
})
