import { Badge } from '@/components/ui/badge'

/** For admins: where the two incident webhooks are and how they are signed (never the secrets themselves). */
export function WebhookHelp({
  baseUrl,
  pagerDutyConfigured,
  incidentsConfigured,
}: {
  baseUrl: string
  pagerDutyConfigured: boolean
  incidentsConfigured: boolean
}) {
  const state = (configured: boolean, variable: string) =>
    configured ? <Badge tone="ok">configured</Badge> : <Badge tone="warn">off: set {variable} (answers 503 until then)</Badge>
  return (
    <div className="space-y-4 text-sm">
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          PagerDuty v3 {state(pagerDutyConfigured, 'PAGERDUTY_WEBHOOK_SECRETS')}
        </p>
        <p>
          Add a webhook subscription (events <code>incident.triggered</code>, <code>incident.acknowledged</code>,{' '}
          <code>incident.resolved</code>) to <code className="break-all">{baseUrl}/api/v1/webhooks/pagerduty</code> and put its signing
          secret in <code>PAGERDUTY_WEBHOOK_SECRETS</code> (comma-separated while rotating). Each delivery is checked against{' '}
          <code>X-PagerDuty-Signature</code> and applied once per event id; the PagerDuty service is matched to the inventory by name,
          ignoring case.
        </p>
      </div>
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">Signed JSON {state(incidentsConfigured, 'INCIDENT_WEBHOOK_SECRET')}</p>
        <p>
          POST one incident (<code>id</code>, <code>source</code>, <code>services</code>, <code>startedAt</code>, <code>detectedAt</code>,{' '}
          <code>resolvedAt</code>, <code>tracesUsed</code>, <code>traceIds</code>) to{' '}
          <code className="break-all">{baseUrl}/api/v1/webhooks/incidents</code> with{' '}
          <code>X-Spanlens-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of &quot;t.body&quot;&gt;</code> keyed with{' '}
          <code>INCIDENT_WEBHOOK_SECRET</code>; <code>t</code> must be within 5 minutes. The same (source, id) again updates the incident.
          The schema is in{' '}
          <a href="/api/v1/openapi.json" className="text-accent underline">
            the OpenAPI document
          </a>
          .
        </p>
      </div>
    </div>
  )
}
