// Alertmanager's grouping and deduplication for one channel, as pure functions over plain data:
// alerts → groups keyed by the channel's group_by labels (a fleet-wide burst of one rule is one
// message), then per group whether to notify now, given what the last delivered notification held.
// The caller stores GroupNotificationState per (channel, group key) once a delivery succeeded.
//
// Sources (prometheus/alertmanager): dispatch/dispatch.go (aggrGroup: a new group is flushed
// group_wait after its alert started, at once when that is past; then every group_interval) and
// notify/dedup_stage.go (DedupStage.needsUpdate: what makes a flush a notification).
import type { Alert, Labels } from '../schemas'
import { notificationStatus } from './describe-alert'

/** Alertmanager's group_by: ['...']: group by every label, so each alert is its own group. */
export const GROUP_BY_ALL = '...'
export const DEFAULT_GROUP_BY: readonly string[] = ['alertname']

export type GroupTiming = { groupWaitSeconds: number; groupIntervalSeconds: number; repeatIntervalSeconds: number }
/** Alertmanager's route defaults (dispatch/route.go, DefaultRouteOpts). */
export const DEFAULT_GROUP_TIMING: GroupTiming = { groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalSeconds: 4 * 3_600 }

/** Alerts one notification is about; `key` is Alertmanager's groupKey, `{}/{channel="…"}:{alertname="…"}`. */
export type NotificationGroup<A extends Alert = Alert> = { key: string; labels: Labels; alerts: A[] }

/** What the last delivered notification of a group held. Plain data: the caller stores it as JSON. */
export type GroupNotificationState = {
  /** Epoch ms. */
  sentAt: number
  firing: string[]
  resolved: string[]
}

/** Alertmanager's notification reasons (notify/notify.go, NotifyReason), snake_cased. */
export type NotifyReason =
  'first_notification' | 'new_alerts_in_group' | 'new_resolved_alerts' | 'all_alerts_resolved' | 'repeat_interval_elapsed'

export type GroupDecision<A extends Alert = Alert> =
  | { action: 'send'; reason: NotifyReason; group: NotificationGroup<A>; stateAfterSend: GroupNotificationState }
  /** Nothing left to send (resolved alerts not sent on this channel, or gone from the input): store the state only. */
  | { action: 'record'; reason: 'all_alerts_resolved'; stateAfterSend: GroupNotificationState }
  /** A notification is due at `dueAt` (epoch ms) unless the group changes before. */
  | { action: 'wait'; reason: NotifyReason; dueAt: number }
  | { action: 'none' }

const isNotifiable = (alert: Alert) => alert.state === 'firing' || (alert.state === 'inactive' && alert.resolvedAt !== null)

/** Firing and resolved alerts grouped by `groupBy`; pending ones are left out. Groups and their alerts in a stable order. */
export function groupAlerts<A extends Alert>(
  alerts: readonly A[],
  { channel, groupBy = DEFAULT_GROUP_BY }: { channel: string; groupBy?: readonly string[] },
): NotificationGroup<A>[] {
  const groups = new Map<string, NotificationGroup<A>>()
  for (const alert of alerts) {
    if (!isNotifiable(alert)) continue
    const labels = groupLabelsOf(alert.labels, groupBy)
    const key = `{}/{channel=${quote(channel)}}:${formatLabelSet(labels)}`
    const group = groups.get(key) ?? { key, labels, alerts: [] }
    group.alerts.push(alert)
    groups.set(key, group)
  }
  return [...groups.values()]
    .sort((a, b) => compareText(a.key, b.key))
    .map((group) => ({ ...group, alerts: group.alerts.sort(byLabelsThenFingerprint) }))
}

/** A group's labels: the alert's values of the group_by names it has (a missing label groups with other missing ones). */
export function groupLabelsOf(labels: Labels, groupBy: readonly string[]): Labels {
  if (groupBy.includes(GROUP_BY_ALL)) return { ...labels }
  return Object.fromEntries(groupBy.filter((name) => labels[name] !== undefined).map((name) => [name, labels[name]!]))
}

/** Prometheus' LabelSet.String(): `{a="x", b="y"}`, names sorted, values quoted. */
export function formatLabelSet(labels: Labels): string {
  const pairs = Object.keys(labels)
    .sort(compareText)
    .map((name) => `${name}=${quote(labels[name]!)}`)
  return `{${pairs.join(', ')}}`
}

// Go's %q and JSON agree on `"` and `\`; label values hold no control characters (singleLineText).
const quote = (text: string) => JSON.stringify(text)
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byLabelsThenFingerprint = (a: Alert, b: Alert) =>
  compareText(formatLabelSet(a.labels), formatLabelSet(b.labels)) || compareText(a.fingerprint, b.fingerprint)

/**
 * Whether to notify `group` at `now` (epoch ms), after `last` was delivered (null: never). A change
 * (a new firing alert, a newly resolved one) is sent group_interval after the last notification;
 * a group whose receiver knows of nothing firing waits group_wait from its first alert's start;
 * an unchanged group with alerts firing is re-sent every repeat_interval.
 */
export function decideGroupNotification<A extends Alert>(
  group: NotificationGroup<A>,
  last: GroupNotificationState | null,
  now: number,
  { timing = DEFAULT_GROUP_TIMING, sendResolved = true }: { timing?: GroupTiming; sendResolved?: boolean } = {},
): GroupDecision<A> {
  const firing = group.alerts.filter((alert) => notificationStatus(alert) === 'firing')
  const resolved = group.alerts.filter((alert) => notificationStatus(alert) === 'resolved')
  const lastFiring = new Set(last?.firing ?? [])
  const lastResolved = new Set(last?.resolved ?? [])

  const reason = reasonToNotify({ firing, resolved, last, lastFiring, lastResolved, sendResolved })
  if (reason === null) return { action: 'none' }

  const dueAt =
    last === null || reason === 'first_notification'
      ? Math.min(...firing.map((alert) => alert.firedAt ?? alert.activeAt)) + timing.groupWaitSeconds * 1000
      : last.sentAt + (reason === 'repeat_interval_elapsed' ? timing.repeatIntervalSeconds : timing.groupIntervalSeconds) * 1000
  if (now < dueAt) return { action: 'wait', reason, dueAt }

  const stateAfterSend: GroupNotificationState = {
    sentAt: now,
    firing: firing.map((alert) => alert.fingerprint),
    resolved: resolved.map((alert) => alert.fingerprint),
  }
  // Resolved alerts already sent are left out, as Alertmanager deletes them from the group after a flush.
  const toSend = group.alerts.filter(
    (alert) => notificationStatus(alert) === 'firing' || (sendResolved && !lastResolved.has(alert.fingerprint)),
  )
  if (toSend.length === 0) return { action: 'record', reason: 'all_alerts_resolved', stateAfterSend }
  return { action: 'send', reason, group: { ...group, alerts: toSend }, stateAfterSend }
}

/** DedupStage.needsUpdate, with the repeat check left to the caller's clock (it returns the reason, not yes/no). */
function reasonToNotify({
  firing,
  resolved,
  last,
  lastFiring,
  lastResolved,
  sendResolved,
}: {
  firing: Alert[]
  resolved: Alert[]
  last: GroupNotificationState | null
  lastFiring: Set<string>
  lastResolved: Set<string>
  sendResolved: boolean
}): NotifyReason | null {
  if (last === null) return firing.length > 0 ? 'first_notification' : null
  if (firing.some((alert) => !lastFiring.has(alert.fingerprint)))
    return lastFiring.size === 0 ? 'first_notification' : 'new_alerts_in_group'
  // Alerts that fired and resolved between two notifications while the receiver knew of nothing firing: not news to it.
  if (firing.length === 0) return lastFiring.size > 0 ? 'all_alerts_resolved' : null
  if (sendResolved && resolved.some((alert) => !lastResolved.has(alert.fingerprint))) return 'new_resolved_alerts'
  return 'repeat_interval_elapsed'
}
