import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseIncidentWebhookBody, signSpanlensWebhook, verifySpanlensWebhook } from './signed-webhook'

const SECRET = 'whsec_test'
const BODY = '{"id":"INC-1"}'
const SIGNED_AT = new Date('2026-01-01T00:00:00Z') // t=1767225600
// printf '%s' '1767225600.{"id":"INC-1"}' | openssl dgst -sha256 -hmac whsec_test
const V1 = '1f2a58119af15aa84b59bd1ec944ce0b1f65a920b831474a1683bf1fb84e7c40'
const HEADER = `t=1767225600,v1=${V1}`
const seconds = (count: number) => new Date(SIGNED_AT.getTime() + count * 1000)

describe('signSpanlensWebhook', () => {
  test('signs "<t>.<raw body>" (pinned by openssl), with the time in whole seconds', () => {
    expect(signSpanlensWebhook({ rawBody: BODY, secret: SECRET, signedAt: SIGNED_AT })).toBe(HEADER)
    expect(signSpanlensWebhook({ rawBody: Buffer.from(BODY), secret: SECRET, signedAt: new Date(SIGNED_AT.getTime() + 999) })).toBe(HEADER)
  })
})

describe('verifySpanlensWebhook', () => {
  const verify = (change: Partial<Parameters<typeof verifySpanlensWebhook>[0]> = {}) =>
    verifySpanlensWebhook({ rawBody: BODY, header: HEADER, secret: SECRET, now: SIGNED_AT, ...change })

  test.each([
    ['at the signed second', {}],
    ['300 s later (the edge of the 5-minute tolerance)', { now: seconds(300) }],
    ['300 s earlier (our clock behind theirs)', { now: seconds(-300) }],
    ['with a wider tolerance', { now: seconds(3600), toleranceSeconds: 3600 }],
    ['spaces around the parts', { header: ` t = 1767225600 ,  v1=${V1} ` }],
    ['v1 before t', { header: `v1=${V1},t=1767225600` }],
    ['a second v1 (rotation), the valid one last', { header: `t=1767225600,v1=${'0'.repeat(64)},v1=${V1}` }],
    ['the right secret second of two (rotation)', { secret: ['old-secret', SECRET] }],
    ['an unknown scheme beside v1', { header: `t=1767225600,v0=abc,v1=${V1}` }],
    ['the body as bytes', { rawBody: Buffer.from(BODY) }],
  ])('accepts %s', (_label, change) => {
    expect(verify(change)).toEqual({ ok: true, signedAt: SIGNED_AT })
  })

  test.each([
    ['301 s later (a replay)', { now: seconds(301) }, 'outside_tolerance'],
    ['301 s earlier (signed in the future)', { now: seconds(-301) }, 'outside_tolerance'],
    ['1 s later with a 0 s tolerance', { now: seconds(1), toleranceSeconds: 0 }, 'outside_tolerance'],
    ['another body', { rawBody: '{"id":"INC-2"}' }, 'mismatch'],
    ['the body with a trailing newline', { rawBody: `${BODY}\n` }, 'mismatch'],
    ['another secret', { secret: 'whsec_other' }, 'mismatch'],
    ['a forged, fresh time on an old signature', { header: `t=1767229200,v1=${V1}`, now: seconds(3600) }, 'mismatch'],
    ['no header', { header: null }, 'missing_header'],
    ['an empty header', { header: ' ' }, 'missing_header'],
    ['no t', { header: `v1=${V1}` }, 'malformed_header'],
    ['two t', { header: `t=1767225600,t=1767225600,v1=${V1}` }, 'malformed_header'],
    ['t not a number', { header: `t=yesterday,v1=${V1}` }, 'malformed_header'],
    ['t in milliseconds-like length', { header: `t=1767225600000,v1=${V1}` }, 'malformed_header'],
    ['no v1', { header: 't=1767225600' }, 'malformed_header'],
    ['v1 not hex', { header: `t=1767225600,v1=${'x'.repeat(64)}` }, 'malformed_header'],
    ['a part without =', { header: `t=1767225600,v1=${V1},oops` }, 'malformed_header'],
    ['no secret configured', { secret: '' }, 'no_secret'],
    ['an empty list of secrets', { secret: [] }, 'no_secret'],
  ])('refuses %s', (_label, change, reason) => {
    expect(verify(change)).toEqual({ ok: false, reason })
  })

  test('property: what is signed verifies within the tolerance; any altered character does not', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -300, max: 300 }),
        fc.nat(),
        (rawBody, secret, signedAt, skewSeconds, position) => {
          const header = signSpanlensWebhook({ rawBody, secret, signedAt })
          const now = new Date(signedAt.getTime() + skewSeconds * 1000)
          expect(verifySpanlensWebhook({ rawBody, header, secret, now }).ok).toBe(true)
          const at = position % rawBody.length
          const altered = rawBody.slice(0, at) + String.fromCharCode(rawBody.charCodeAt(at) ^ 1) + rawBody.slice(at + 1)
          expect(verifySpanlensWebhook({ rawBody: altered, header, secret, now })).toEqual({ ok: false, reason: 'mismatch' })
        },
      ),
    )
  })
})

describe('parseIncidentWebhookBody', () => {
  const valid = {
    id: 'INC-1042',
    source: 'opsgenie',
    title: 'Checkout p99 over 2 s',
    services: ['checkout', 'payments', 'checkout'],
    startedAt: '2026-03-01T09:30:00+01:00',
    detectedAt: '2026-03-01T08:35:00Z',
    resolvedAt: '2026-03-01T10:05:00.250Z',
    tracesUsed: true,
    traceIds: ['4BF92F3577B34DA6A3CE929D0E0E4736', '00f067aa0ba902b7'],
  }
  const issuesOf = (body: unknown) => {
    const parsed = parseIncidentWebhookBody(JSON.stringify(body))
    return parsed.ok ? [] : parsed.issues
  }

  test('a full incident: times as Dates, services once each, trace ids as 32 lower-case digits', () => {
    expect(parseIncidentWebhookBody(JSON.stringify(valid))).toEqual({
      ok: true,
      incident: {
        id: 'INC-1042',
        source: 'opsgenie',
        title: 'Checkout p99 over 2 s',
        services: ['checkout', 'payments'],
        startedAt: new Date('2026-03-01T08:30:00Z'),
        detectedAt: new Date('2026-03-01T08:35:00Z'),
        resolvedAt: new Date('2026-03-01T10:05:00.250Z'),
        tracesUsed: true,
        traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736', '000000000000000000f067aa0ba902b7'],
      },
    })
  })

  test('the least: an id, a service and a detection time; absent and null read alike', () => {
    const least = { id: 'INC-7', services: ['checkout'], detectedAt: '2026-03-01T08:35:00Z' }
    const expected = {
      ...least,
      detectedAt: new Date(least.detectedAt),
      source: null,
      title: null,
      startedAt: null,
      resolvedAt: null,
      tracesUsed: null,
      traceIds: [],
    }
    expect(parseIncidentWebhookBody(JSON.stringify(least))).toEqual({ ok: true, incident: expected })
    expect(
      parseIncidentWebhookBody(JSON.stringify({ ...least, source: null, resolvedAt: null, tracesUsed: null, traceIds: null })),
    ).toEqual({ ok: true, incident: expected })
  })

  test.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    ['no id', { id: undefined }, [{ path: 'id', message: 'expected the incident id (text)' }]],
    ['a blank id', { id: '  ' }, [{ path: 'id', message: 'enter the incident id' }]],
    ['no services', { services: [] }, [{ path: 'services', message: 'list at least one service' }]],
    ['services as one string', { services: 'checkout' }, [{ path: 'services', message: 'expected a list of service names' }]],
    [
      'a service name with a space',
      { services: ['checkout', 'payment service'] },
      [{ path: 'services.1', message: 'letters, digits and . _ : / - only' }],
    ],
    [
      'neither started nor detected',
      { startedAt: null, detectedAt: undefined },
      [{ path: 'startedAt', message: 'give the time the incident started or was detected' }],
    ],
    [
      'resolved before it started',
      { resolvedAt: '2026-03-01T08:00:00Z' },
      [
        { path: 'resolvedAt', message: 'resolved before it started' },
        { path: 'resolvedAt', message: 'resolved before it was detected' },
      ],
    ],
    [
      'a time without an offset',
      { startedAt: '2026-03-01T09:30:00' },
      [{ path: 'startedAt', message: 'expected an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00Z' }],
    ],
    [
      'a date that does not exist',
      { resolvedAt: '2026-02-30T10:00:00Z' },
      [{ path: 'resolvedAt', message: 'expected an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00Z' }],
    ],
    ['tracesUsed as text', { tracesUsed: 'yes' }, [{ path: 'tracesUsed', message: 'expected true or false' }]],
    [
      'a trace id of 20 digits',
      { traceIds: ['4bf92f3577b34da6a3ce'] },
      [{ path: 'traceIds.0', message: 'expected a trace id of 16 or 32 hex digits' }],
    ],
    ['an all-zero trace id', { traceIds: ['0'.repeat(32)] }, [{ path: 'traceIds.0', message: 'a trace id of all zeros is not a trace' }]],
    [
      'a control character in the title',
      { title: 'Checkout\u0000down' },
      [{ path: 'title', message: 'no control characters or broken unicode' }],
    ],
  ])('%s → the issue names the field', (_label, change, issues) => {
    expect(issuesOf({ ...valid, ...change })).toEqual(issues)
  })

  test('every problem at once', () => {
    expect(issuesOf({ services: [], startedAt: 'soon', traceIds: ['x'] }).map((issue) => issue.path)).toEqual([
      'id',
      'services',
      'startedAt',
      'traceIds.0',
    ])
  })

  test.each([
    ['not JSON', 'id=INC-1', '(root)', 'the body is not JSON'],
    ['a JSON array', '[]', '(root)', 'expected an incident (a JSON object)'],
  ])('%s → refused at the root', (_label, body, path, message) => {
    expect(parseIncidentWebhookBody(body)).toEqual({ ok: false, issues: [{ path, message }] })
  })

  test('a PagerDuty delivery sent to our webhook is refused, naming what it lacks', () => {
    const pagerDuty = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/formats/pagerduty/triggered_v3.json'))
    const parsed = parseIncidentWebhookBody(pagerDuty)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.issues.map((issue) => issue.path)).toEqual(['id', 'services', 'startedAt'])
  })
})
