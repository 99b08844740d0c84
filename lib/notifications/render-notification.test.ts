import { describe, expect, test } from 'vitest'
import { alertmanagerWebhookSchema } from '@/lib/alerts/notify/alertmanager-payload'
import { pagerDutyEventSchema } from '@/lib/alerts/notify/pagerduty-event'
import { verifyWebhookSignature } from '@/lib/alerts/notify/signed-webhook'
import { slackMessageSchema } from '@/lib/alerts/notify/slack-block-kit'
import { EXTERNAL_URL, firingAlert, resolvedAlert, T0 } from '@/lib/alerts/notify/testing/notification-alert'
import { channelFromForm, channelForm } from './channel-form'
import { renderNotification, testGroup } from './render-notification'
import { channelInput, channelSettings, type DispatchChannel } from './schemas'

const group = {
  key: '{}/{channel="oncall"}:{alertname="High p95 latency"}',
  labels: { alertname: 'High p95 latency' },
  alerts: [firingAlert(), resolvedAlert({ labels: { service: 'cart' }, fingerprint: 'fp-cart' })],
}
const channel = (overrides: Partial<DispatchChannel>): DispatchChannel => ({
  id: 'c1',
  name: 'oncall',
  type: 'alertmanager',
  url: 'http://receiver.example:9094/alerts',
  enabled: true,
  settings: channelSettings.parse({}),
  secret: null,
  ...overrides,
})
const options = { externalUrl: EXTERNAL_URL, at: T0 }

describe('renderNotification', () => {
  test('alertmanager: one POST of the v4 webhook body, which a receiver parses', () => {
    const requests = renderNotification(channel({}), group, options)
    expect(requests).toHaveLength(1)
    const [request] = requests as Exclude<typeof requests, Error>
    expect(request!.url).toBe('http://receiver.example:9094/alerts')
    expect(request!.headers.Authorization).toBeUndefined()
    const body = alertmanagerWebhookSchema.parse(JSON.parse(request!.body))
    expect(body).toMatchObject({ receiver: 'oncall', status: 'firing', version: '4', groupKey: group.key })
    expect(body.alerts.map((alert) => alert.status)).toEqual(['firing', 'resolved'])
  })

  test('alertmanager with a bearer token sends it', () => {
    const [request] = renderNotification(channel({ secret: 'tok' }), group, options) as Exclude<
      ReturnType<typeof renderNotification>,
      Error
    >
    expect(request!.headers.Authorization).toBe('Bearer tok')
  })

  test('slack: the Block Kit message goes to the secret webhook URL', () => {
    const hook = 'https://hooks.slack.com/services/T1/B1/abc'
    const [request] = renderNotification(channel({ type: 'slack', url: null, secret: hook }), group, options) as Exclude<
      ReturnType<typeof renderNotification>,
      Error
    >
    expect(request!.url).toBe(hook)
    expect(slackMessageSchema.safeParse(JSON.parse(request!.body)).success).toBe(true)
  })

  test('pagerduty: one event per alert, trigger and resolve, dedup_key the fingerprint', () => {
    const requests = renderNotification(
      channel({ type: 'pagerduty', url: 'https://events.pagerduty.com/v2/enqueue', secret: 'a'.repeat(32) }),
      group,
      options,
    )
    const events = (requests as Exclude<typeof requests, Error>).map((request) => pagerDutyEventSchema.parse(JSON.parse(request.body)))
    expect(events.map((event) => [event.event_action, event.dedup_key])).toEqual([
      ['trigger', group.alerts[0]!.fingerprint],
      ['resolve', 'fp-cart'],
    ])
  })

  test('webhook: signed with the secret, verifiable by the receiver', () => {
    const secret = 'a-signing-secret-of-some-length'
    const [request] = renderNotification(channel({ type: 'webhook', secret }), group, options) as Exclude<
      ReturnType<typeof renderNotification>,
      Error
    >
    const signature =
      request!.headers['X-Spanlens-Signature'] ?? Object.entries(request!.headers).find(([name]) => /signature/i.test(name))?.[1]
    expect(verifyWebhookSignature(signature, request!.body, secret, T0).ok).toBe(true)
  })

  test('a channel missing what it needs to send is an Error, not a throw', () => {
    expect(renderNotification(channel({ type: 'slack', url: null, secret: null }), group, options)).toBeInstanceOf(Error)
    expect(renderNotification(channel({ type: 'webhook', secret: null }), group, options)).toBeInstanceOf(Error)
  })

  test('the test notification names itself', () => {
    const [request] = renderNotification(channel({}), testGroup('oncall', T0), options) as Exclude<
      ReturnType<typeof renderNotification>,
      Error
    >
    expect(JSON.parse(request!.body).alerts[0].labels.alertname).toBe('SpanlensTestNotification')
  })
})

describe('channelInput', () => {
  test('fills Alertmanager’s route defaults', () => {
    expect(channelInput.parse({ name: 'sre', type: 'alertmanager', url: 'http://am:9093/hook' })).toMatchObject({
      groupBy: ['alertname'],
      groupWait: 30,
      groupInterval: 300,
      repeatInterval: 14_400,
      sendResolved: true,
      enabled: true,
    })
  })

  test.each([
    [{ name: 'Has Space', type: 'alertmanager', url: 'http://x' }, 'name'],
    [{ name: 'a', type: 'alertmanager', url: 'ftp://x' }, 'url'],
    [{ name: 'a', type: 'slack', secret: 'https://example.com/hook' }, 'secret'],
    [{ name: 'a', type: 'pagerduty', secret: 'short' }, 'secret'],
    [{ name: 'a', type: 'webhook', url: 'https://x.example', secret: 'short' }, 'secret'],
    [{ name: 'a', type: 'alertmanager', url: 'http://x', groupWait: '5 minutes' }, 'groupWait'],
    [{ name: 'a', type: 'alertmanager', url: 'http://x', groupBy: ['bad-label'] }, 'groupBy.0'],
    [{ name: 'a', type: 'email' }, 'type'],
  ])('names the field: %j → %s', (input, path) => {
    const result = channelInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path)
  })
})

describe('channelForm', () => {
  test('reads a posted form: group-by as a list, checkboxes by presence, an empty secret as none', () => {
    const parsed = channelForm.parse({
      name: 'sre',
      type: 'alertmanager',
      url: 'http://am/hook',
      secret: '',
      groupBy: 'alertname, service',
      sendResolved: 'on',
      groupWait: '10s',
    })
    expect(parsed).toMatchObject({ name: 'sre', groupBy: ['alertname', 'service'], sendResolved: true, enabled: false, groupWait: 10 })
    expect(parsed.secret).toBeUndefined()
  })

  test('Slack has no URL field: a stray one is dropped', () => {
    expect(channelFromForm({ type: 'slack', url: 'http://x' }).url).toBeUndefined()
  })
})
