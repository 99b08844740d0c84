// The notifications stage, last after alert evaluation (lib/worker/stages.ts): plan and queue what each
// channel should be told (plan-notifications.ts, under one lock for all workers), then send what is due
// from the outbox (notifications-repository.ts), retrying with backoff. Sending runs in a loop of its own
// in the worker (NotificationSender), so a receiver that hangs never holds up the sync or the evaluator.
import { listNotifiableAlerts } from '@/lib/alerts/alerts-repository'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import { listActiveSilences } from '@/lib/alerts/silences-repository'
import { computeBackoffMs, type BackoffPolicy } from '@/lib/retry/backoff'
import { listDispatchChannels } from './channels-repository'
import {
  claimDueNotifications,
  completeNotification,
  planUnderLock,
  recordDeliveries,
  type ClaimedNotification,
  type DeliveryRecord,
  type NotificationOutcome,
} from './notifications-repository'
import { planNotifications, type PlanAlert } from './plan-notifications'
import { postRequest, type PostOutcome } from './post-request'
import { renderNotification, testGroup } from './render-notification'
import type { DispatchChannel } from './schemas'

/** Retries of a notification: 10 s, then doubling (with jitter) up to 10 minutes between attempts. */
export const NOTIFY_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 600_000 }
/** Attempts before a notification is given up on (about an hour of retrying, with the backoff above). */
export const MAX_ATTEMPTS = 10
/** Notifications one worker claims at a time, and how many it sends at once. */
const CLAIM_LIMIT = 20
const CONCURRENCY = 4

export type PlanReport = { queued: number; recorded: number; silenced: number; nextDueAt: number | null }

/** Plans and queues notifications for every channel; null when another worker is planning at this moment. */
export async function planAndQueueNotifications({ now }: { now: Date }): Promise<PlanReport | null> {
  const result = await planUnderLock(now, async (states) => {
    const [channels, { rules }, alerts, silences] = await Promise.all([
      listDispatchChannels(),
      listAlertRules(),
      listNotifiableAlerts(),
      listActiveSilences(now),
    ])
    const ruleById = new Map(rules.map((rule) => [rule.id, rule]))
    const routed: PlanAlert[] = alerts.flatMap(({ ruleId, service: _service, ...alert }) => {
      const rule = ruleById.get(ruleId)
      return rule?.channels.length ? [{ ...alert, ruleChannels: rule.channels, condition: rule.condition }] : []
    })
    return planNotifications({ channels, alerts: routed, silences, states, now: now.getTime() })
  })
  if (!result) return null
  const { plan, queued } = result
  return { queued: queued.length, recorded: plan.states.length - queued.length, silenced: plan.silenced, nextDueAt: plan.nextDueAt }
}

export type DeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number }

/** Sends what is due, a few at a time; every attempt lands in the delivery log. */
export async function deliverDueNotifications({
  now,
  externalUrl,
  timeoutMs,
  random = Math.random,
}: {
  now: Date
  externalUrl: string
  timeoutMs?: number
  random?: () => number
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 }
  // A lease long enough for every request of a claim to time out in turn.
  const claimed = await claimDueNotifications({ now, limit: CLAIM_LIMIT, leaseMs: (CLAIM_LIMIT / CONCURRENCY + 1) * 60_000 })
  report.claimed = claimed.length
  if (claimed.length === 0) return report
  const channels = new Map((await listDispatchChannels([...new Set(claimed.map((row) => row.channelId))])).map((row) => [row.id, row]))
  const queue = [...claimed]
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const outcome = await deliver(next, channels.get(next.channelId), { externalUrl, timeoutMs, random })
        report[outcome.status === 'delivered' ? 'delivered' : outcome.status === 'retry' ? 'retrying' : 'failed'] += 1
      }
    }),
  )
  return report
}

async function deliver(
  notification: ClaimedNotification,
  channel: DispatchChannel | undefined,
  { externalUrl, timeoutMs, random }: { externalUrl: string; timeoutMs?: number; random: () => number },
): Promise<NotificationOutcome> {
  const at = new Date()
  const requests = channel
    ? renderNotification(channel, notification.group, { externalUrl, at: at.getTime() })
    : new Error('the channel is gone')
  const deliveries: DeliveryRecord[] = []
  let outcome: NotificationOutcome
  if (requests instanceof Error || !channel?.enabled) {
    const error = requests instanceof Error ? requests.message : 'the channel is disabled'
    outcome = { status: 'failed', error }
    if (channel)
      deliveries.push(record(channel.id, notification, { ok: false, httpStatus: null, latencyMs: 0, error, retryable: false }, at))
  } else {
    // A group's requests in order (PagerDuty: one event per alert); the first failure stops them, and the retry sends all again (PagerDuty dedups by dedup_key).
    let failure: PostOutcome | null = null
    for (const request of requests) {
      const posted = await postRequest(request, { timeoutMs })
      deliveries.push(record(channel.id, notification, posted, new Date()))
      if (!posted.ok) {
        failure = posted
        break
      }
    }
    outcome =
      failure === null
        ? { status: 'delivered' }
        : failure.retryable && notification.attempt < MAX_ATTEMPTS
          ? {
              status: 'retry',
              retryAt: new Date(
                Date.now() + NOTIFY_BACKOFF.baseMs / 2 + computeBackoffMs(notification.attempt - 1, NOTIFY_BACKOFF, random),
              ),
              error: failure.error!,
            }
          : { status: 'failed', error: failure.error! }
  }
  await completeNotification(notification, outcome, deliveries)
  return outcome
}

const record = (channelId: string, notification: ClaimedNotification | null, posted: PostOutcome, at: Date): DeliveryRecord => ({
  channelId,
  notificationId: notification?.id ?? null,
  attempt: notification?.attempt ?? 1,
  test: notification === null,
  ok: posted.ok,
  httpStatus: posted.httpStatus,
  latencyMs: posted.latencyMs,
  error: posted.error,
  at,
})

/** "Send test": one firing test alert (PagerDuty: triggered, then resolved), sent now and logged. */
export async function sendTestNotification(
  channelId: string,
  { externalUrl, timeoutMs }: { externalUrl: string; timeoutMs?: number },
): Promise<PostOutcome> {
  const [channel] = await listDispatchChannels([channelId])
  if (!channel) return { ok: false, httpStatus: null, latencyMs: 0, error: 'the channel is gone', retryable: false }
  const at = Date.now()
  const group = testGroup(channel.name, at)
  const requests = renderNotification(channel, group, { externalUrl, at })
  if (requests instanceof Error) {
    const outcome = { ok: false, httpStatus: null, latencyMs: 0, error: requests.message, retryable: false }
    await recordDeliveries([record(channel.id, null, outcome, new Date())])
    return outcome
  }
  if (channel.type === 'pagerduty') {
    const resolved = renderNotification(
      channel,
      { ...group, alerts: group.alerts.map((alert) => ({ ...alert, state: 'inactive', resolvedAt: at })) },
      { externalUrl, at },
    )
    if (!(resolved instanceof Error)) requests.push(...resolved)
  }
  let last: PostOutcome | null = null
  const deliveries: DeliveryRecord[] = []
  for (const request of requests) {
    last = await postRequest(request, { timeoutMs })
    deliveries.push(record(channel.id, null, last, new Date()))
    if (!last.ok) break
  }
  await recordDeliveries(deliveries)
  return last!
}
