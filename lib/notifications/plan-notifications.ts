// Which notifications to queue now, for every channel: Alertmanager's dispatch (group by the channel's
// labels), mute (silences) and dedup (what the group's last notification held) stages, as one pure
// function over what the caller read. The caller queues each `send` and stores each new group state in
// one transaction, so a notification is queued once however many workers plan.
//
// Silences mute firing alerts only. A silenced alert is left out of its group while it fires — no
// first notification, no repeats — and the receiver's knowledge of it is kept, so when it resolves the
// resolved notification still goes out and closes what the receiver opened (Alertmanager mutes
// resolved alerts too and leaves such alerts open at the receiver: alertmanager#1406, #2347).
import {
  decideGroupNotification,
  groupAlerts,
  type GroupNotificationState,
  type NotifyReason,
} from '@/lib/alerts/notify/notification-groups'
import type { NotificationAlert } from '@/lib/alerts/notify/describe-alert'
import type { NotificationGroup } from '@/lib/alerts/notify/notification-groups'
import type { Condition } from '@/lib/alerts/schemas'
import { isSilenced, type StoredSilence } from '@/lib/alerts/silences'
import type { ChannelSettings } from './schemas'

export type PlanChannel = { id: string; name: string; enabled: boolean; settings: ChannelSettings }
/** An alert with the rule that raised it: its channels and condition. */
export type PlanAlert = NotificationAlert & { ruleChannels: readonly string[]; condition: Condition | null }
export type PlanSilence = Pick<StoredSilence, 'id' | 'matchers' | 'startsAt' | 'endsAt'>

export type PlannedNotification = {
  channelId: string
  groupKey: string
  reason: NotifyReason
  group: NotificationGroup<NotificationAlert>
}
export type PlannedState = { channelId: string; groupKey: string; state: GroupNotificationState }

export type NotificationPlan = {
  notifications: PlannedNotification[]
  /** Group states to store: each queued notification's, and those recorded without sending. */
  states: PlannedState[]
  /** Firing alerts left out by a silence (counted once per channel). */
  silenced: number
  /** Epoch ms of the soonest notification waiting on group_wait or group_interval; null if none. */
  nextDueAt: number | null
}

export const stateKey = (channelId: string, groupKey: string) => `${channelId}\u0000${groupKey}`

export function planNotifications({
  channels,
  alerts,
  silences,
  states,
  now,
}: {
  channels: readonly PlanChannel[]
  alerts: readonly PlanAlert[]
  silences: readonly PlanSilence[]
  /** Stored group states by stateKey(channelId, groupKey). */
  states: ReadonlyMap<string, GroupNotificationState>
  now: number
}): NotificationPlan {
  const plan: NotificationPlan = { notifications: [], states: [], silenced: 0, nextDueAt: null }
  const silencedFingerprints = new Set(
    alerts
      .filter((alert) => alert.state === 'firing' && isSilenced(alert.labels, silences, now).length > 0)
      .map((alert) => alert.fingerprint),
  )
  for (const channel of channels) {
    if (!channel.enabled) continue
    const routed = alerts.filter((alert) => alert.ruleChannels.includes(channel.name))
    const audible = routed.filter((alert) => !silencedFingerprints.has(alert.fingerprint))
    plan.silenced += routed.length - audible.length
    const muted = new Set(routed.filter((alert) => silencedFingerprints.has(alert.fingerprint)).map((alert) => alert.fingerprint))
    const { groupBy, groupWait, groupInterval, repeatInterval, sendResolved } = channel.settings
    for (const group of groupAlerts(audible, { channel: channel.name, groupBy })) {
      const last = states.get(stateKey(channel.id, group.key)) ?? null
      const decision = decideGroupNotification(group, last, now, {
        timing: { groupWaitSeconds: groupWait, groupIntervalSeconds: groupInterval, repeatIntervalSeconds: repeatInterval },
        sendResolved,
      })
      if (decision.action === 'none') continue
      if (decision.action === 'wait') {
        plan.nextDueAt = Math.min(plan.nextDueAt ?? Infinity, decision.dueAt)
        continue
      }
      // The receiver still believes a silenced alert it was told of is firing: keep it so, for its resolution.
      const stillKnown = (last?.firing ?? []).filter((fingerprint) => muted.has(fingerprint))
      const state = { ...decision.stateAfterSend, firing: [...decision.stateAfterSend.firing, ...stillKnown] }
      plan.states.push({ channelId: channel.id, groupKey: group.key, state })
      if (decision.action === 'send')
        plan.notifications.push({
          channelId: channel.id,
          groupKey: group.key,
          reason: decision.reason,
          group: { ...decision.group, alerts: decision.group.alerts.map(withoutRouting) },
        })
    }
  }
  return plan
}

/** What a notification carries of an alert: the alert and its rule's condition, not where it is routed. */
const withoutRouting = ({ ruleChannels: _channels, ...alert }: PlanAlert): NotificationAlert => alert
