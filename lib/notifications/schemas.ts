// Notification channels (DESIGN.md: "channel"): where a rule's alerts are sent, in the format the other
// end already speaks, and how they are grouped on the way. One schema for the channel form, the API and
// what the dispatcher reads back.
//
//   alertmanager  POST the Alertmanager v4 webhook body to `url` (any Alertmanager receiver consumes it)
//   slack         POST a Block Kit message to an incoming-webhook URL (the URL is the secret)
//   pagerduty     Events API v2: trigger and resolve, dedup_key = the alert's fingerprint (the routing key is the secret)
//   webhook       POST Spanlens' JSON to `url`, signed with HMAC-SHA256 under the secret
import { z } from 'zod'
import { DEFAULT_GROUP_BY, DEFAULT_GROUP_TIMING, GROUP_BY_ALL } from '@/lib/alerts/notify/notification-groups'
import { PAGERDUTY_EVENTS_URL } from '@/lib/alerts/notify/pagerduty-event'
import { ALERT_STATES, conditionSchema, durationSchema, labelNameSchema } from '@/lib/alerts/schemas'

export const CHANNEL_TYPES = ['alertmanager', 'slack', 'pagerduty', 'webhook'] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export const CHANNEL_TYPE_LABELS: Record<ChannelType, string> = {
  alertmanager: 'Alertmanager webhook',
  slack: 'Slack incoming webhook',
  pagerduty: 'PagerDuty Events API v2',
  webhook: 'Signed JSON webhook',
}

/** Channel names are what rules list under `channels:`: short, no spaces, stable. */
export const CHANNEL_NAME = /^[a-z0-9][a-z0-9._-]*$/
export const channelNameSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(100, 'at most 100 characters')
  .regex(CHANNEL_NAME, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit')

const httpUrl = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .max(2_000, 'at most 2,000 characters')
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
      } catch {
        return false
      }
    }, `expected ${what} (an http or https URL)`)

const SLACK_WEBHOOK = /^https:\/\/hooks\.slack(-gov)?\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/

/** Grouping and timing, as Alertmanager's route has them; every field has Alertmanager's default. */
export const channelSettings = z.object({
  /** Labels an alert group is keyed by; ["..."] makes every alert its own group. */
  groupBy: z
    .array(z.union([z.literal(GROUP_BY_ALL), labelNameSchema]))
    .max(20)
    .default([...DEFAULT_GROUP_BY]),
  groupWait: durationSchema({ max: 3_600 }).default(DEFAULT_GROUP_TIMING.groupWaitSeconds),
  groupInterval: durationSchema({ min: 1, max: 86_400 }).default(DEFAULT_GROUP_TIMING.groupIntervalSeconds),
  repeatInterval: durationSchema({ min: 60, max: 30 * 86_400 }).default(DEFAULT_GROUP_TIMING.repeatIntervalSeconds),
  /** Whether resolved alerts are sent (Alertmanager's send_resolved). */
  sendResolved: z.boolean().default(true),
})
export type ChannelSettings = z.output<typeof channelSettings>

const common = {
  name: channelNameSchema,
  enabled: z.boolean().default(true),
  ...channelSettings.shape,
}

/**
 * A channel as written by the form or the API. `secret` is write-only: omitted (or empty) on an edit it
 * keeps the stored one. Slack's secret is its webhook URL; PagerDuty's, its routing key.
 */
export const channelInput = z.discriminatedUnion(
  'type',
  [
    z.object({
      ...common,
      type: z.literal('alertmanager'),
      url: httpUrl('the receiver URL'),
      secret: z.string().trim().max(1_000).optional(),
    }),
    z.object({
      ...common,
      type: z.literal('slack'),
      url: z.undefined().optional(),
      secret: z
        .string()
        .trim()
        .regex(SLACK_WEBHOOK, 'expected a Slack incoming-webhook URL (https://hooks.slack.com/services/…)')
        .optional(),
    }),
    z.object({
      ...common,
      type: z.literal('pagerduty'),
      /** The Events API endpoint: PagerDuty's own unless a proxy or the EU endpoint is used. */
      url: httpUrl('the Events API URL').default(PAGERDUTY_EVENTS_URL),
      secret: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{32}$/, 'expected a 32-character integration (routing) key')
        .optional(),
    }),
    z.object({
      ...common,
      type: z.literal('webhook'),
      url: httpUrl('the webhook URL'),
      secret: z.string().trim().min(16, 'at least 16 characters, to sign with').max(1_000).optional(),
    }),
  ],
  { error: `expected one of ${CHANNEL_TYPES.join(', ')}` },
)
export type ChannelInput = z.input<typeof channelInput>
export type ChannelDefinition = z.output<typeof channelInput>

/** Types whose secret is required before the channel can send. */
export const SECRET_REQUIRED: Record<ChannelType, boolean> = { alertmanager: false, slack: true, pagerduty: true, webhook: true }

/** A channel as pages and the API show it: never the secret, only whether one is set and its last characters. */
export const channelViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(CHANNEL_TYPES),
  url: z.string().nullable(),
  enabled: z.boolean(),
  settings: z.object({
    groupBy: z.array(z.string()),
    groupWait: z.number().describe('seconds'),
    groupInterval: z.number().describe('seconds'),
    repeatInterval: z.number().describe('seconds'),
    sendResolved: z.boolean(),
  }),
  secret: z.object({ set: z.boolean(), hint: z.string().nullable() }),
  createdAt: z.number().describe('epoch ms'),
  updatedAt: z.number().describe('epoch ms'),
})
export type ChannelView = z.infer<typeof channelViewSchema>

/** One attempt in a channel's delivery log. */
export const deliveryLogRowSchema = z.object({
  id: z.string(),
  channelId: z.uuid(),
  notificationId: z.string().nullable(),
  reason: z.string().nullable().describe('why the notification was sent: first_notification, new_alerts_in_group, …; null for a test'),
  groupKey: z.string().nullable(),
  attempt: z.number().int(),
  test: z.boolean(),
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
  at: z.number().describe('epoch ms'),
})
export type DeliveryLogRow = z.infer<typeof deliveryLogRowSchema>

/** What the receiver made of a test notification. */
export const testDeliverySchema = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
})

/** A channel as the dispatcher reads it, secret included. Never leaves the server. */
export type DispatchChannel = Omit<ChannelView, 'secret' | 'createdAt' | 'updatedAt'> & { secret: string | null }

/** The last four characters, enough to tell two keys apart. */
export const secretHint = (secret: string | null) => (secret ? `…${secret.slice(-4)}` : null)

const labelSet = z.record(z.string(), z.string())
const epochMs = z.number().nullable()

/** A queued notification's alerts as stored in the outbox (lib/alerts/notify/notification-groups.ts NotificationGroup). */
export const queuedGroupSchema = z.object({
  key: z.string(),
  labels: labelSet,
  alerts: z.array(
    z.looseObject({
      fingerprint: z.string(),
      labels: labelSet,
      annotations: labelSet,
      state: z.enum(ALERT_STATES),
      value: z
        .number()
        .nullable()
        .transform((value) => value ?? Number.NaN),
      activeAt: z.number(),
      firedAt: epochMs,
      resolvedAt: epochMs,
      lastSentAt: epochMs,
      keepFiringSince: epochMs,
      condition: conditionSchema.nullable().optional(),
    }),
  ),
})

export const channelParams = z.object({ id: z.uuid({ error: 'not a channel id (a UUID)' }) })
