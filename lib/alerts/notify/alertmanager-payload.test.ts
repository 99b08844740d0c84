import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { alertmanagerWebhookSchema, buildAlertmanagerPayload, ZERO_TIME } from './alertmanager-payload'
import { groupAlerts, type NotificationGroup } from './notification-groups'
import type { NotificationAlert } from './describe-alert'
import { EXTERNAL_URL, firingAlert, resolvedAlert, T0 } from './testing/notification-alert'

const SAMPLES = path.resolve(import.meta.dirname, '../../../fixtures/formats/alertmanager-webhook')
const sample = (file: string) => JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')) as Record<string, unknown>
const VALID = fs.readdirSync(SAMPLES).filter((file) => file !== 'without_mandatory_field.json')

const groupOf = (...alerts: NotificationAlert[]): NotificationGroup<NotificationAlert> => groupAlerts(alerts, { channel: 'oncall' })[0]!
const build = (group: NotificationGroup<NotificationAlert>, maxAlerts?: number) =>
  buildAlertmanagerPayload(group, { receiver: 'oncall', externalUrl: EXTERNAL_URL, maxAlerts })

/** Each key with the JSON type of its value, alerts by their first alert: what "the same shape" compares. */
function shapeOf(payload: Record<string, unknown>): Record<string, string> {
  const [firstAlert] = payload.alerts as Record<string, unknown>[]
  const shape = Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, Array.isArray(value) ? 'array' : typeof value]))
  for (const [key, value] of Object.entries(firstAlert ?? {})) shape[`alerts[].${key}`] = typeof value
  return shape
}

describe('alertmanagerWebhookSchema on the real samples', () => {
  test.each(VALID)('parses %s', (file) => {
    const parsed = alertmanagerWebhookSchema.safeParse(sample(file))
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  test('every sample folder file is covered (5 valid, 1 invalid)', () => {
    expect(VALID).toHaveLength(5)
  })

  test('refuses without_mandatory_field.json, naming the missing status', () => {
    const parsed = alertmanagerWebhookSchema.safeParse(sample('without_mandatory_field.json'))
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))).toEqual([
      { path: 'status', message: 'required' },
    ])
  })

  test.each([
    ['another version', { version: '3' }, 'version', 'expected version "4"'],
    ['a status that is neither', { status: 'pending' }, 'status', 'expected "firing" or "resolved"'],
    ['a label that is not a string', { commonLabels: { severity: 2 } }, 'commonLabels.severity', 'expected a string'],
    ['labels that are not an object', { groupLabels: 'alertname' }, 'groupLabels', 'expected groupLabels (an object of strings)'],
  ])('refuses %s', (_label, change, where, message) => {
    const parsed = alertmanagerWebhookSchema.safeParse({ ...sample('alert.json'), ...change })
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[where, expect.stringContaining(message)]])
  })

  test('refuses an alert start that is not an RFC 3339 time, naming the alert', () => {
    const body = sample('alert.json')
    const [first, second] = body.alerts as Record<string, unknown>[]
    const parsed = alertmanagerWebhookSchema.safeParse({ ...body, alerts: [first, { ...second, startsAt: '06/02/2020' }] })
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['alerts.1.startsAt'])
  })
})

describe('buildAlertmanagerPayload', () => {
  const firing = build(groupOf(firingAlert({ labels: { service: 'checkout' } }), firingAlert({ labels: { service: 'cart' } })))
  const resolved = build(groupOf(resolvedAlert()))

  test('has the keys and value types of a real firing delivery (alert.json), plus truncatedAlerts', () => {
    expect(shapeOf(firing)).toEqual({ ...shapeOf(sample('alert.json')), truncatedAlerts: 'number' })
  })

  test('has the keys and value types of a real resolved delivery (with_common_items.json), plus truncatedAlerts', () => {
    expect(shapeOf(resolved)).toEqual({ ...shapeOf(sample('with_common_items.json')), truncatedAlerts: 'number' })
  })

  test.each([
    ['firing', () => firing],
    ['resolved', () => resolved],
  ])('a %s payload round-trips through JSON and the schema unchanged', (_label, payload) => {
    expect(alertmanagerWebhookSchema.parse(JSON.parse(JSON.stringify(payload())))).toEqual(payload())
  })

  test('fills the group and common sets as Alertmanager does', () => {
    expect(firing).toMatchObject({
      receiver: 'oncall',
      status: 'firing',
      groupLabels: { alertname: 'High p95 latency' },
      commonLabels: { alertname: 'High p95 latency', operation: 'POST /pay', span_kind: 'server', severity: 'critical' },
      commonAnnotations: {},
      externalURL: EXTERNAL_URL,
      version: '4',
      groupKey: '{}/{channel="oncall"}:{alertname="High p95 latency"}',
      truncatedAlerts: 0,
    })
    expect(firing.alerts.map((alert) => alert.labels.service)).toEqual(['cart', 'checkout'])
  })

  test('a firing alert ends at Go zero time, a resolved one when it resolved; starts when it fired', () => {
    expect(firing.alerts[0]).toMatchObject({
      status: 'firing',
      startsAt: new Date(T0).toISOString(),
      endsAt: ZERO_TIME,
      fingerprint: 'fp-cart-POST /pay',
      generatorURL: `${EXTERNAL_URL}/alerts?alert=fp-cart-POST+%2Fpay`,
    })
    expect(resolved).toMatchObject({ status: 'resolved', alerts: [{ status: 'resolved', endsAt: '2026-03-01T10:10:00.000Z' }] })
  })

  test('a group with one firing alert among resolved ones is firing', () => {
    expect(build(groupOf(resolvedAlert({ labels: { service: 'a' } }), firingAlert({ labels: { service: 'b' } }))).status).toBe('firing')
  })

  test('max_alerts keeps firing alerts first and counts what it drops', () => {
    const group = groupOf(
      resolvedAlert({ labels: { service: 'a' } }),
      firingAlert({ labels: { service: 'b' } }),
      resolvedAlert({ labels: { service: 'c' } }),
      firingAlert({ labels: { service: 'd' } }),
    )
    const payload = build(group, 3)
    expect(payload.alerts.map((alert) => [alert.labels.service, alert.status])).toEqual([
      ['b', 'firing'],
      ['d', 'firing'],
      ['a', 'resolved'],
    ])
    expect(payload.truncatedAlerts).toBe(1)
    expect(build(group).truncatedAlerts).toBe(0)
  })

  test('a pending alert cannot be notified', () => {
    expect(() => build({ key: 'k', labels: {}, alerts: [firingAlert({ state: 'pending', firedAt: null })] })).toThrow(/pending/)
  })
})
