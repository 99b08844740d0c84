import { describe, expect, test } from 'vitest'
import type { GroupNotificationState } from '@/lib/alerts/notify/notification-groups'
import { firingAlert, resolvedAlert, T0 } from '@/lib/alerts/notify/testing/notification-alert'
import { planNotifications, stateKey, type PlanAlert, type PlanChannel, type PlanSilence } from './plan-notifications'
import { channelSettings } from './schemas'

const MINUTE = 60_000
const oncall: PlanChannel = {
  id: 'c-oncall',
  name: 'oncall',
  enabled: true,
  settings: channelSettings.parse({ groupWait: '30s', groupInterval: '5m' }),
}
const slack: PlanChannel = {
  id: 'c-slack',
  name: 'slack',
  enabled: true,
  settings: channelSettings.parse({ groupBy: ['alertname', 'service'] }),
}

const routed = (alert: ReturnType<typeof firingAlert>, channels = ['oncall']): PlanAlert => ({
  ...alert,
  ruleChannels: channels,
  condition: null,
})
const fleet = (count: number, channels?: string[]) =>
  Array.from({ length: count }, (_, index) =>
    routed(firingAlert({ labels: { service: `svc-${index}` }, fingerprint: `fp-${index}` }), channels),
  )
const silenceOf = (service: string, endsAt = T0 + 60 * MINUTE): PlanSilence => ({
  id: `s-${service}`,
  matchers: [{ name: 'service', type: '=', value: service }],
  startsAt: T0 - MINUTE,
  endsAt,
})

function plan(
  alerts: PlanAlert[],
  { now = T0 + MINUTE, states = new Map<string, GroupNotificationState>(), silences = [] as PlanSilence[], channels = [oncall] } = {},
) {
  return planNotifications({ channels, alerts, silences, states, now })
}

describe('planNotifications', () => {
  test('a fleet-wide burst of one rule is one notification per channel, not 40', () => {
    const result = plan(fleet(40))
    expect(result.notifications).toHaveLength(1)
    expect(result.notifications[0]!.group.alerts).toHaveLength(40)
    expect(result.notifications[0]!.reason).toBe('first_notification')
    expect(result.states).toEqual([
      { channelId: 'c-oncall', groupKey: result.notifications[0]!.groupKey, state: expect.objectContaining({ sentAt: T0 + MINUTE }) },
    ])
  })

  test('each channel groups by its own labels; alerts go only to the channels their rule names', () => {
    const alerts = [
      ...fleet(3, ['oncall', 'slack']),
      routed(firingAlert({ labels: { service: 'other' }, fingerprint: 'fp-x' }), ['nowhere']),
    ]
    const result = plan(alerts, { channels: [oncall, slack] })
    expect(result.notifications.filter((row) => row.channelId === 'c-oncall')).toHaveLength(1)
    expect(result.notifications.filter((row) => row.channelId === 'c-slack')).toHaveLength(3)
    expect(result.notifications.flatMap((row) => row.group.alerts).some((alert) => alert.fingerprint === 'fp-x')).toBe(false)
  })

  test('the notification carries the alerts without where they are routed', () => {
    const [notification] = plan(fleet(1)).notifications
    expect(notification!.group.alerts[0]).not.toHaveProperty('ruleChannels')
  })

  test('group_wait: a group whose first alert fired moments ago waits, and says until when', () => {
    const result = plan(fleet(1), { now: T0 + 10_000 })
    expect(result.notifications).toEqual([])
    expect(result.states).toEqual([])
    expect(result.nextDueAt).toBe(T0 + 30_000)
  })

  test('a disabled channel is planned for no one', () => {
    expect(plan(fleet(2), { channels: [{ ...oncall, enabled: false }] }).notifications).toEqual([])
  })

  test('once sent, an unchanged group waits for repeat_interval', () => {
    const first = plan(fleet(2))
    const states = new Map(first.states.map((row) => [stateKey(row.channelId, row.groupKey), row.state]))
    expect(plan(fleet(2), { states, now: T0 + 10 * MINUTE }).notifications).toEqual([])
    expect(plan(fleet(2), { states, now: T0 + MINUTE + 4 * 60 * MINUTE }).notifications[0]!.reason).toBe('repeat_interval_elapsed')
  })

  describe('silences', () => {
    test('a silenced firing alert sends nothing and is counted', () => {
      const result = plan(fleet(1), { silences: [silenceOf('svc-0')] })
      expect(result.notifications).toEqual([])
      expect(result.silenced).toBe(1)
    })

    test('an expired silence no longer mutes', () => {
      expect(plan(fleet(1), { silences: [silenceOf('svc-0', T0)] }).notifications).toHaveLength(1)
    })

    test('silenced after it was sent: no repeats while silenced, and its resolution still goes out', () => {
      const first = plan(fleet(1))
      const states = new Map(first.states.map((row) => [stateKey(row.channelId, row.groupKey), row.state]))
      const silences = [silenceOf('svc-0', T0 + 24 * 60 * MINUTE)]
      expect(plan(fleet(1), { states, silences, now: T0 + 5 * 60 * MINUTE }).notifications).toEqual([])
      const resolved = routed(resolvedAlert({ labels: { service: 'svc-0' }, fingerprint: 'fp-0' }, T0 + 6 * 60 * MINUTE))
      const result = plan([resolved], { states, silences, now: T0 + 6 * 60 * MINUTE })
      expect(result.notifications).toHaveLength(1)
      expect(result.notifications[0]!.reason).toBe('all_alerts_resolved')
      expect(result.notifications[0]!.group.alerts.map((alert) => alert.state)).toEqual(['inactive'])
    })

    test('a silenced alert the receiver knows of stays known when another alert of its group resolves', () => {
      const first = plan(fleet(2))
      const states = new Map(first.states.map((row) => [stateKey(row.channelId, row.groupKey), row.state]))
      const silences = [silenceOf('svc-0', T0 + 24 * 60 * MINUTE)]
      const [silenced, other] = fleet(2)
      const otherResolved = routed(resolvedAlert({ labels: { service: 'svc-1' }, fingerprint: 'fp-1' }, T0 + 7 * MINUTE))
      const result = plan([silenced!, otherResolved], { states, silences, now: T0 + 7 * MINUTE })
      expect(other).toBeDefined()
      expect(result.notifications[0]!.group.alerts.map((alert) => alert.fingerprint)).toEqual(['fp-1'])
      expect(result.states[0]!.state.firing).toEqual(['fp-0'])
      // So when the silenced one resolves, the receiver is told.
      const after = new Map(result.states.map((row) => [stateKey(row.channelId, row.groupKey), row.state]))
      const silencedResolved = routed(resolvedAlert({ labels: { service: 'svc-0' }, fingerprint: 'fp-0' }, T0 + 20 * MINUTE))
      expect(plan([silencedResolved], { states: after, silences, now: T0 + 20 * MINUTE }).notifications).toHaveLength(1)
    })

    test('an alert that fired and resolved wholly under a silence is never told', () => {
      const silences = [silenceOf('svc-0')]
      const resolved = routed(resolvedAlert({ labels: { service: 'svc-0' }, fingerprint: 'fp-0' }, T0 + 3 * MINUTE))
      expect(plan(fleet(1), { silences }).notifications).toEqual([])
      expect(plan([resolved], { silences, now: T0 + 4 * MINUTE }).notifications).toEqual([])
    })
  })
})
