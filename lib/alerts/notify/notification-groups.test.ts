import { describe, expect, test } from 'vitest'
import type { NotificationAlert } from './describe-alert'
import {
  decideGroupNotification,
  DEFAULT_GROUP_TIMING,
  formatLabelSet,
  groupAlerts,
  type GroupDecision,
  type GroupNotificationState,
  type NotificationGroup,
} from './notification-groups'
import { firingAlert, resolvedAlert, T0 } from './testing/notification-alert'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const fleet = (count: number) =>
  Array.from({ length: count }, (_, index) => firingAlert({ labels: { service: `svc-${String(index).padStart(2, '0')}` } }))

describe('groupAlerts', () => {
  test('a fleet-wide burst of one rule is one group (group_by alertname)', () => {
    const groups = groupAlerts(fleet(40), { channel: 'oncall' })
    expect(groups).toHaveLength(1)
    expect(groups[0]!.key).toBe('{}/{channel="oncall"}:{alertname="High p95 latency"}')
    expect(groups[0]!.labels).toEqual({ alertname: 'High p95 latency' })
    expect(groups[0]!.alerts.map((alert) => alert.labels.service)).toEqual(fleet(40).map((alert) => alert.labels.service))
  })

  test('group_by service splits it per service, in key order', () => {
    const groups = groupAlerts(fleet(3).reverse(), { channel: 'oncall', groupBy: ['alertname', 'service'] })
    expect(groups.map((group) => group.key)).toEqual([
      '{}/{channel="oncall"}:{alertname="High p95 latency", service="svc-00"}',
      '{}/{channel="oncall"}:{alertname="High p95 latency", service="svc-01"}',
      '{}/{channel="oncall"}:{alertname="High p95 latency", service="svc-02"}',
    ])
  })

  test('group_by ["..."] makes each label set its own group', () => {
    const groups = groupAlerts(fleet(2), { channel: 'oncall', groupBy: ['...'] })
    expect(groups).toHaveLength(2)
    expect(groups[0]!.labels).toEqual(fleet(1)[0]!.labels)
  })

  test('alerts without a group_by label group together; pending alerts are left out, resolved ones kept', () => {
    const withTeam = firingAlert({ labels: { team: 'payments' } })
    const withoutTeam = firingAlert({ labels: { service: 'cart' } })
    const pending = firingAlert({ labels: { service: 'search' }, state: 'pending', firedAt: null })
    const resolved = resolvedAlert({ labels: { service: 'users' } })
    const groups = groupAlerts([withTeam, withoutTeam, pending, resolved], { channel: 'oncall', groupBy: ['team'] })
    expect(groups.map((group) => [group.key, group.alerts.map((alert) => alert.labels.service)])).toEqual([
      ['{}/{channel="oncall"}:{team="payments"}', ['checkout']],
      ['{}/{channel="oncall"}:{}', ['cart', 'users']],
    ])
  })

  test('quotes and backslashes in values are escaped in the key', () => {
    expect(formatLabelSet({ b: 'say "hi"', a: 'C:\\' })).toBe('{a="C:\\\\", b="say \\"hi\\""}')
  })
})

const A = firingAlert({ labels: { service: 'a' } })
const B = firingAlert({ labels: { service: 'b' }, firedAt: T0 + 2 * MINUTE })
const C = firingAlert({ labels: { service: 'c' } })
const resolved = (alert: NotificationAlert, at = T0 + 10 * MINUTE) => ({ ...alert, state: 'inactive' as const, resolvedAt: at })
const sent = (sentAt: number, firing: NotificationAlert[], resolvedAlerts: NotificationAlert[] = []): GroupNotificationState => ({
  sentAt,
  firing: firing.map((alert) => alert.fingerprint),
  resolved: resolvedAlerts.map((alert) => alert.fingerprint),
})
const groupOf = (...alerts: NotificationAlert[]): NotificationGroup<NotificationAlert> => ({ key: 'k', labels: {}, alerts })
const outcome = (decision: GroupDecision<NotificationAlert>) =>
  decision.action === 'send'
    ? { action: 'send', reason: decision.reason, alerts: decision.group.alerts.map((alert) => alert.labels.service) }
    : decision.action === 'wait'
      ? { action: 'wait', reason: decision.reason, dueAt: decision.dueAt }
      : decision.action === 'record'
        ? { action: 'record' }
        : { action: 'none' }

describe('decideGroupNotification', () => {
  const wait = DEFAULT_GROUP_TIMING.groupWaitSeconds * SECOND
  const interval = DEFAULT_GROUP_TIMING.groupIntervalSeconds * SECOND
  const repeat = DEFAULT_GROUP_TIMING.repeatIntervalSeconds * SECOND

  test.each<[string, NotificationAlert[], GroupNotificationState | null, number, ReturnType<typeof outcome>, boolean?]>([
    ['new group, within group_wait', [A], null, T0 + 10 * SECOND, { action: 'wait', reason: 'first_notification', dueAt: T0 + wait }],
    ['new group, group_wait over', [A, C], null, T0 + wait, { action: 'send', reason: 'first_notification', alerts: ['a', 'c'] }],
    [
      'new group of alerts that fired long ago (a worker restart): at once',
      [A],
      null,
      T0 + HOUR,
      { action: 'send', reason: 'first_notification', alerts: ['a'] },
    ],
    [
      'new group, group_wait counts from its first alert',
      [A, B],
      null,
      T0 + wait,
      { action: 'send', reason: 'first_notification', alerts: ['a', 'b'] },
    ],
    ['resolved before anything was sent: nothing', [resolved(A)], null, T0 + HOUR, { action: 'none' }],
    [
      'unchanged: wait for repeat_interval',
      [A],
      sent(T0 + wait, [A]),
      T0 + HOUR,
      { action: 'wait', reason: 'repeat_interval_elapsed', dueAt: T0 + wait + repeat },
    ],
    [
      'unchanged, repeat_interval over: re-send',
      [A],
      sent(T0, [A]),
      T0 + repeat,
      { action: 'send', reason: 'repeat_interval_elapsed', alerts: ['a'] },
    ],
    [
      'a new alert, within group_interval',
      [A, B],
      sent(T0, [A]),
      T0 + 3 * MINUTE,
      { action: 'wait', reason: 'new_alerts_in_group', dueAt: T0 + interval },
    ],
    [
      'a new alert, group_interval over: all firing are sent',
      [A, B],
      sent(T0, [A]),
      T0 + interval,
      { action: 'send', reason: 'new_alerts_in_group', alerts: ['a', 'b'] },
    ],
    [
      'one resolved, others firing',
      [A, resolved(B)],
      sent(T0, [A, B]),
      T0 + interval,
      { action: 'send', reason: 'new_resolved_alerts', alerts: ['a', 'b'] },
    ],
    [
      'a resolved alert already sent is not sent again',
      [A, resolved(B)],
      sent(T0, [A], [resolved(B)]),
      T0 + repeat,
      { action: 'send', reason: 'repeat_interval_elapsed', alerts: ['a'] },
    ],
    [
      'all resolved',
      [resolved(A), resolved(B)],
      sent(T0, [A, B]),
      T0 + interval,
      { action: 'send', reason: 'all_alerts_resolved', alerts: ['a', 'b'] },
    ],
    [
      'all resolved, within group_interval',
      [resolved(A)],
      sent(T0, [A]),
      T0 + MINUTE,
      { action: 'wait', reason: 'all_alerts_resolved', dueAt: T0 + interval },
    ],
    ['all resolved and sent: nothing more', [resolved(A)], sent(T0, [], [resolved(A)]), T0 + repeat, { action: 'none' }],
    ['fired and resolved while the receiver knew of nothing firing', [resolved(A)], sent(T0, [], []), T0 + HOUR, { action: 'none' }],
    [
      'firing again after all resolved: a new first notification, after group_wait',
      [{ ...A, firedAt: T0 + HOUR }],
      sent(T0 + 30 * MINUTE, [], [resolved(A)]),
      T0 + HOUR + 5 * SECOND,
      { action: 'wait', reason: 'first_notification', dueAt: T0 + HOUR + wait },
    ],
    [
      'send_resolved off: a resolved alert is no news',
      [A, resolved(B)],
      sent(T0, [A, B]),
      T0 + interval,
      { action: 'wait', reason: 'repeat_interval_elapsed', dueAt: T0 + repeat },
      false,
    ],
    ['send_resolved off: all resolved is recorded, not sent', [resolved(A)], sent(T0, [A]), T0 + interval, { action: 'record' }, false],
    [
      'send_resolved off: resolved alerts are left out of a send',
      [A, C, resolved(B)],
      sent(T0, [A]),
      T0 + interval,
      { action: 'send', reason: 'new_alerts_in_group', alerts: ['a', 'c'] },
      false,
    ],
  ])('%s', (_label, alerts, last, now, expected, sendResolved = true) => {
    expect(outcome(decideGroupNotification(groupOf(...alerts), last, now, { sendResolved }))).toEqual(expected)
  })

  test('the state after a send records what was firing and resolved; it is plain JSON', () => {
    const decision = decideGroupNotification(groupOf(A, resolved(B)), sent(T0, [A, B]), T0 + interval)
    expect(decision.action).toBe('send')
    if (decision.action !== 'send') return
    expect(decision.stateAfterSend).toEqual({ sentAt: T0 + interval, firing: [A.fingerprint], resolved: [B.fingerprint] })
    expect(JSON.parse(JSON.stringify(decision.stateAfterSend))).toEqual(decision.stateAfterSend)
  })

  test('40 alerts of one rule firing over 10 minutes, a worker tick every 15 s: 3 messages, every alert in them', () => {
    const alerts = fleet(40).map((alert, index) => ({ ...alert, firedAt: T0 + index * 15 * SECOND }))
    let state: GroupNotificationState | null = null
    const messages: string[][] = []
    for (let now = T0; now <= T0 + 20 * MINUTE; now += 15 * SECOND) {
      const [group] = groupAlerts(
        alerts.filter((alert) => alert.firedAt! <= now),
        { channel: 'oncall' },
      )
      if (!group) continue
      const decision: GroupDecision<NotificationAlert> = decideGroupNotification(group, state, now)
      if (decision.action === 'send') {
        messages.push(decision.group.alerts.map((alert) => alert.fingerprint))
        state = decision.stateAfterSend
      }
    }
    expect(messages.map((message) => message.length)).toEqual([3, 23, 40]) // at 30 s, 5 min 30 s, 10 min 30 s
    expect(new Set(messages.flat())).toEqual(new Set(alerts.map((alert) => alert.fingerprint)))
  })
})
