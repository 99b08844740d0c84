import { describe, expect, test } from 'vitest'
import { SPANLENS_SIGNATURE_HEADER } from '@/lib/incidents/signed-webhook'
import type { NotificationAlert } from './describe-alert'
import { groupAlerts } from './notification-groups'
import { buildSignedWebhook, buildWebhookBody, signWebhook, spanlensWebhookSchema, verifyWebhookSignature } from './signed-webhook'
import { EXTERNAL_URL, firingAlert, resolvedAlert, T0 } from './testing/notification-alert'

const SECRET = 'whsec_alerts'
const BODY = '{"version":"1"}'
// printf '%s' '1772359200.{"version":"1"}' | openssl dgst -sha256 -hmac whsec_alerts
const HEADER = 't=1772359200,v1=d9effe0973712d9faffb096b407f047c83a611850a7df3a3465daf640388c2f2'
const seconds = (count: number) => T0 + count * 1000

describe('signWebhook', () => {
  test('HMAC-SHA256 of "<t>.<body>" in hex, t in whole seconds (pinned by openssl)', () => {
    expect(T0 / 1000).toBe(1772359200)
    expect(signWebhook(BODY, SECRET, T0)).toBe(HEADER)
    expect(signWebhook(Buffer.from(BODY), SECRET, T0 + 999)).toBe(HEADER)
  })
})

describe('verifyWebhookSignature', () => {
  test.each([
    ['at the signed second', HEADER, BODY, SECRET, T0, undefined],
    ['300 s later, the edge of the default tolerance', HEADER, BODY, SECRET, seconds(300), undefined],
    ['an hour later with a tolerance of an hour', HEADER, BODY, SECRET, seconds(3600), 3600],
    ['the new secret second of two while rotating', HEADER, BODY, ['old', SECRET], T0, undefined],
  ])('accepts %s', (_label, header, body, secret, now, tolerance) => {
    expect(verifyWebhookSignature(header, body, secret, now, tolerance)).toEqual({ ok: true, signedAt: new Date(T0) })
  })

  test.each([
    ['a tampered body', HEADER, '{"version":"2"}', SECRET, T0, 'mismatch'],
    ['a re-serialised body (a space added)', HEADER, '{"version": "1"}', SECRET, T0, 'mismatch'],
    ['the wrong secret', HEADER, BODY, 'whsec_other', T0, 'mismatch'],
    ['a fresh t on an old signature', HEADER.replace('1772359200', '1772362800'), BODY, SECRET, seconds(3600), 'mismatch'],
    ['an old timestamp (301 s, a replay)', HEADER, BODY, SECRET, seconds(301), 'outside_tolerance'],
    ['a timestamp from the future (301 s ahead)', HEADER, BODY, SECRET, seconds(-301), 'outside_tolerance'],
    ['no header', null, BODY, SECRET, T0, 'missing_header'],
    ['a header without t', HEADER.replace('t=1772359200,', ''), BODY, SECRET, T0, 'malformed_header'],
    ['a signature that is not hex', 't=1772359200,v1=zz', BODY, SECRET, T0, 'malformed_header'],
    ['no secret configured', HEADER, BODY, '', T0, 'no_secret'],
  ])('refuses %s', (_label, header, body, secret, now, reason) => {
    expect(verifyWebhookSignature(header, body, secret, now)).toEqual({ ok: false, reason })
  })
})

describe('buildWebhookBody', () => {
  const alerts: NotificationAlert[] = [firingAlert({ labels: { service: 'a' } }), resolvedAlert({ labels: { service: 'b' } })]
  const group = groupAlerts(alerts, { channel: 'hooks' })[0]!

  test('says what each alert is, with numbers as numbers and links, and parses with its schema', () => {
    const body = buildWebhookBody(group, { externalUrl: EXTERNAL_URL, sentAt: T0 + 600_000 })
    expect(body).toMatchObject({
      version: '1',
      status: 'firing',
      groupKey: '{}/{channel="hooks"}:{alertname="High p95 latency"}',
      groupLabels: { alertname: 'High p95 latency' },
      externalUrl: EXTERNAL_URL,
      sentAt: '2026-03-01T10:10:00.000Z',
    })
    expect(body.alerts[0]).toEqual({
      fingerprint: 'fp-a-POST /pay',
      status: 'firing',
      labels: alerts[0]!.labels,
      annotations: alerts[0]!.annotations,
      value: 812.4,
      valueText: '812.4 ms',
      threshold: '> 500.0 ms (p95)',
      startsAt: '2026-03-01T10:00:00.000Z',
      endsAt: null,
      url: `${EXTERNAL_URL}/alerts?alert=fp-a-POST+%2Fpay`,
      serviceUrl: `${EXTERNAL_URL}/services/a/POST%20%2Fpay?kind=server`,
    })
    expect(body.alerts[1]).toMatchObject({ status: 'resolved', endsAt: '2026-03-01T10:10:00.000Z' })
    expect(spanlensWebhookSchema.parse(JSON.parse(JSON.stringify(body)))).toEqual(body)
  })

  test('a value that is not a finite number is sent as null', () => {
    const body = buildWebhookBody({ ...group, alerts: [firingAlert({ value: Number.NaN })] }, { externalUrl: EXTERNAL_URL, sentAt: T0 })
    expect(body.alerts[0]!.value).toBeNull()
    expect(spanlensWebhookSchema.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(true)
  })

  test('buildSignedWebhook signs exactly the body it returns', () => {
    const request = buildSignedWebhook(group, { externalUrl: EXTERNAL_URL, secret: SECRET, at: T0 })
    expect(request.headers['Content-Type']).toBe('application/json')
    expect(verifyWebhookSignature(request.headers[SPANLENS_SIGNATURE_HEADER], request.body, SECRET, T0 + 5_000)).toEqual({
      ok: true,
      signedAt: new Date(T0),
    })
    expect(spanlensWebhookSchema.safeParse(JSON.parse(request.body)).success).toBe(true)
  })
})
