// The generic JSON webhook: Spanlens' own body for a notification group (numbers as numbers, links
// included, null where Alertmanager writes Go's zero time), signed like our incident webhook and like
// Stripe: `X-Spanlens-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// The scheme itself lives in lib/incidents/signed-webhook.ts (createHmac, timingSafeEqual), so
// receivers verify both webhooks with one function.
import { z } from 'zod'
import {
  DEFAULT_TOLERANCE_SECONDS,
  SPANLENS_SIGNATURE_HEADER,
  signSpanlensWebhook,
  verifySpanlensWebhook,
  type SpanlensSignatureCheck,
} from '@/lib/incidents/signed-webhook'
import { describeAlert, type NotificationAlert } from './describe-alert'
import type { NotificationGroup } from './notification-groups'

const kv = z.record(z.string(), z.string())
const instant = z.iso.datetime({ offset: true })

export const spanlensWebhookSchema = z.strictObject({
  version: z.literal('1'),
  status: z.enum(['firing', 'resolved']),
  groupKey: z.string(),
  groupLabels: kv,
  alerts: z.array(
    z.strictObject({
      fingerprint: z.string(),
      status: z.enum(['firing', 'resolved']),
      labels: kv,
      annotations: kv,
      /** The value at the last evaluation where the condition held; null when it is not a finite number. */
      value: z.number().nullable(),
      /** The value as people read it ("812 ms"), and the threshold it was held against ("> 500 ms (p95)"). */
      valueText: z.string(),
      threshold: z.string().nullable(),
      startsAt: instant,
      endsAt: instant.nullable(),
      url: z.string(),
      serviceUrl: z.string().nullable(),
    }),
  ),
  externalUrl: z.string(),
  sentAt: instant,
})
export type SpanlensWebhook = z.infer<typeof spanlensWebhookSchema>

export function buildWebhookBody(
  group: NotificationGroup<NotificationAlert>,
  { externalUrl, sentAt }: { externalUrl: string; sentAt: number },
): SpanlensWebhook {
  const alerts = group.alerts.map((alert) => {
    const described = describeAlert(alert, externalUrl)
    return {
      fingerprint: alert.fingerprint,
      status: described.status,
      labels: { ...alert.labels },
      annotations: { ...alert.annotations },
      value: Number.isFinite(alert.value) ? alert.value : null,
      valueText: described.value,
      threshold: described.threshold,
      startsAt: new Date(described.since).toISOString(),
      endsAt: described.resolvedAt === null ? null : new Date(described.resolvedAt).toISOString(),
      url: described.links.alert,
      serviceUrl: described.links.service,
    }
  })
  return {
    version: '1',
    status: alerts.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved',
    groupKey: group.key,
    groupLabels: { ...group.labels },
    alerts,
    externalUrl,
    sentAt: new Date(sentAt).toISOString(),
  }
}

/** The X-Spanlens-Signature value for `body` (the exact bytes sent) signed at `at` (epoch ms, kept to the second). */
export const signWebhook = (body: string | Buffer, secret: string, at: number): string =>
  signSpanlensWebhook({ rawBody: body, secret, signedAt: new Date(at) })

/** Checks the signature (in constant time), then that it was made within `toleranceSeconds` of `now` (epoch ms). */
export const verifyWebhookSignature = (
  header: string | null | undefined,
  body: string | Buffer,
  secret: string | readonly string[],
  now: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SpanlensSignatureCheck => verifySpanlensWebhook({ rawBody: body, header, secret, now: new Date(now), toleranceSeconds })

/** The request to POST: the body as sent, and its headers. */
export function buildSignedWebhook(
  group: NotificationGroup<NotificationAlert>,
  { externalUrl, secret, at }: { externalUrl: string; secret: string; at: number },
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(buildWebhookBody(group, { externalUrl, sentAt: at }))
  return { body, headers: { 'Content-Type': 'application/json', [SPANLENS_SIGNATURE_HEADER]: signWebhook(body, secret, at) } }
}
