// The notification outbox, the groups' notification log and the delivery log.
//
// Queueing: one worker at a time plans (a transaction-scoped advisory lock, tried, not waited for), reads
// the groups' last notifications under it and writes the new ones with the notifications they queue,
// in the same transaction: a notification is queued once, however many workers run.
// Sending: a worker claims due notifications with FOR UPDATE SKIP LOCKED and a lease (claimed_until), so
// each is sent by one worker; a lease that runs out (the worker died mid-send) makes it claimable again.
// A group's notifications go out in the order they were queued: one waits while an earlier one of its
// group is still pending (a resolved notification never overtakes the firing one being retried).
import { z } from 'zod'
import { db } from '@/lib/db/client'
import type { NotificationAlert } from '@/lib/alerts/notify/describe-alert'
import type { GroupNotificationState, NotificationGroup } from '@/lib/alerts/notify/notification-groups'
import { stateKey, type NotificationPlan } from './plan-notifications'
import { queuedGroupSchema, type DeliveryLogRow } from './schemas'

/** hashtext('spanlens.notifications.plan'), fixed so every worker takes the same lock. */
const PLAN_LOCK_KEY = 727_001_412

const groupStateSchema = z.object({ sentAt: z.number(), firing: z.array(z.string()), resolved: z.array(z.string()) })

/**
 * Plans under the lock: `plan` gets the stored group states and returns what to queue; its notifications
 * and states are written before the lock is let go. Null when another worker is planning right now.
 */
export async function planUnderLock(
  now: Date,
  plan: (states: ReadonlyMap<string, GroupNotificationState>) => Promise<NotificationPlan>,
): Promise<{ plan: NotificationPlan; queued: bigint[] } | null> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PLAN_LOCK_KEY}) AS locked`
      if (!lock?.locked) return null
      const rows = await tx.notificationGroupState.findMany()
      const states = new Map<string, GroupNotificationState>()
      for (const row of rows) {
        const state = groupStateSchema.safeParse(row.state)
        if (state.success) states.set(stateKey(row.channelId, row.groupKey), state.data)
      }
      const planned = await plan(states)
      if (planned.states.length)
        await tx.$executeRaw`
          INSERT INTO notification_group_states (channel_id, group_key, state, updated_at)
          SELECT channel_id, group_key, state, ${now}::timestamptz FROM unnest(
            ${planned.states.map((row) => row.channelId)}::uuid[], ${planned.states.map((row) => row.groupKey)}::text[],
            ${planned.states.map((row) => JSON.stringify(row.state))}::jsonb[]) AS s(channel_id, group_key, state)
          ON CONFLICT (channel_id, group_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`
      const queued = planned.notifications.length
        ? await tx.$queryRaw<{ id: bigint }[]>`
            INSERT INTO notifications (channel_id, group_key, reason, firing, resolved, payload, next_attempt_at, created_at)
            SELECT *, ${now}::timestamptz, ${now}::timestamptz FROM unnest(
              ${planned.notifications.map((row) => row.channelId)}::uuid[], ${planned.notifications.map((row) => row.groupKey)}::text[],
              ${planned.notifications.map((row) => row.reason)}::text[],
              ${planned.notifications.map((row) => row.group.alerts.filter((alert) => alert.state === 'firing').length)}::int[],
              ${planned.notifications.map((row) => row.group.alerts.filter((alert) => alert.state !== 'firing').length)}::int[],
              ${planned.notifications.map((row) => JSON.stringify(row.group))}::jsonb[])
            RETURNING id`
        : []
      return { plan: planned, queued: queued.map((row) => row.id) }
    },
    { timeout: 30_000 },
  )
}

export type ClaimedNotification = {
  id: bigint
  channelId: string
  groupKey: string
  attempt: number
  claimedUntil: Date
  group: NotificationGroup<NotificationAlert>
}

/** Claims up to `limit` due notifications for `leaseMs` (long enough to send them, retries of the requests included). */
export async function claimDueNotifications({
  now,
  limit,
  leaseMs,
}: {
  now: Date
  limit: number
  leaseMs: number
}): Promise<ClaimedNotification[]> {
  const leaseEnd = new Date(now.getTime() + leaseMs)
  const rows = await db.$queryRaw<{ id: bigint; channel_id: string; group_key: string; attempts: number; payload: unknown }[]>`
    UPDATE notifications n SET claimed_until = ${leaseEnd}, attempts = n.attempts + 1
    FROM (
      SELECT c.id FROM notifications c
      WHERE c.status = 'pending' AND c.next_attempt_at <= ${now} AND (c.claimed_until IS NULL OR c.claimed_until < ${now})
        AND NOT EXISTS (
          SELECT 1 FROM notifications e
          WHERE e.channel_id = c.channel_id AND e.group_key = c.group_key AND e.status = 'pending' AND e.id < c.id)
      ORDER BY c.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE n.id = due.id
    RETURNING n.id, n.channel_id, n.group_key, n.attempts, n.payload`
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    groupKey: row.group_key,
    attempt: row.attempts,
    claimedUntil: leaseEnd,
    group: queuedGroupSchema.parse(row.payload) as NotificationGroup<NotificationAlert>,
  }))
}

export type DeliveryRecord = {
  channelId: string
  notificationId: bigint | null
  attempt: number
  test: boolean
  ok: boolean
  httpStatus: number | null
  latencyMs: number
  error: string | null
  at: Date
}

/** What became of a claimed notification: delivered, to be retried at `retryAt`, or given up on. */
export type NotificationOutcome =
  { status: 'delivered' } | { status: 'retry'; retryAt: Date; error: string } | { status: 'failed'; error: string }

/**
 * Records the attempt and what became of the notification — only while this worker's lease still holds
 * it (a lease that ran out may have been taken over; then the other worker's outcome stands).
 */
export async function completeNotification(
  claimed: ClaimedNotification,
  outcome: NotificationOutcome,
  deliveries: DeliveryRecord[],
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const data =
      outcome.status === 'delivered'
        ? { status: 'delivered' as const, deliveredAt: new Date(), claimedUntil: null, lastError: null }
        : outcome.status === 'retry'
          ? { nextAttemptAt: outcome.retryAt, claimedUntil: null, lastError: outcome.error }
          : { status: 'failed' as const, claimedUntil: null, lastError: outcome.error }
    const { count } = await tx.notification.updateMany({ where: { id: claimed.id, claimedUntil: claimed.claimedUntil }, data })
    if (count === 1 && deliveries.length) await tx.notificationDelivery.createMany({ data: deliveries })
    return count === 1
  })
}

export async function recordDeliveries(deliveries: DeliveryRecord[]): Promise<void> {
  if (deliveries.length) await db.notificationDelivery.createMany({ data: deliveries })
}

/** A channel's delivery log, newest first. */
export async function listDeliveries(channelId: string, { limit = 50 }: { limit?: number } = {}): Promise<DeliveryLogRow[]> {
  const rows = await db.notificationDelivery.findMany({ where: { channelId }, orderBy: { id: 'desc' }, take: limit })
  const notifications = await db.notification.findMany({
    where: { id: { in: rows.flatMap((row) => (row.notificationId === null ? [] : [row.notificationId])) } },
    select: { id: true, reason: true, groupKey: true },
  })
  const byId = new Map(notifications.map((row) => [row.id, row]))
  return rows.map((row) => ({
    id: row.id.toString(),
    channelId: row.channelId,
    notificationId: row.notificationId?.toString() ?? null,
    attempt: row.attempt,
    test: row.test,
    ok: row.ok,
    httpStatus: row.httpStatus,
    latencyMs: row.latencyMs,
    error: row.error,
    at: row.at.getTime(),
    reason: row.notificationId === null ? null : (byId.get(row.notificationId)?.reason ?? null),
    groupKey: row.notificationId === null ? null : (byId.get(row.notificationId)?.groupKey ?? null),
  }))
}

export type ChannelDeliveryStats = {
  pending: number
  failed: number
  lastDelivery: { ok: boolean; at: number; error: string | null } | null
}

/** Per channel: notifications waiting, given up on (last 7 days), and the last attempt. */
export async function channelDeliveryStats(now: Date): Promise<Map<string, ChannelDeliveryStats>> {
  const since = new Date(now.getTime() - 7 * 86_400_000)
  const [counts, last] = await Promise.all([
    db.notification.groupBy({
      by: ['channelId', 'status'],
      where: { status: { in: ['pending', 'failed'] }, createdAt: { gte: since } },
      _count: true,
    }),
    db.$queryRaw<{ channel_id: string; ok: boolean; at: Date; error: string | null }[]>`
      SELECT DISTINCT ON (channel_id) channel_id, ok, at, error FROM notification_deliveries ORDER BY channel_id, id DESC`,
  ])
  const stats = new Map<string, ChannelDeliveryStats>()
  const of = (id: string) => stats.get(id) ?? stats.set(id, { pending: 0, failed: 0, lastDelivery: null }).get(id)!
  for (const row of counts) of(row.channelId)[row.status === 'pending' ? 'pending' : 'failed'] = row._count
  for (const row of last) of(row.channel_id).lastDelivery = { ok: row.ok, at: row.at.getTime(), error: row.error }
  return stats
}

/** Deletes delivered and failed notifications, and delivery log rows, older than `before`. */
export async function pruneNotifications(before: Date): Promise<number> {
  const [notifications] = await db.$transaction([
    db.notification.deleteMany({ where: { status: { in: ['delivered', 'failed'] }, createdAt: { lt: before } } }),
    db.notificationDelivery.deleteMany({ where: { at: { lt: before } } }),
  ])
  return notifications.count
}
