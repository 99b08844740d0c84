// On PagerDuty's own samples in fixtures/formats/pagerduty (copies of ../shared/fixtures; see FORMATS-SOURCES.md there): two real
// v3 deliveries (Zulip), the documented priority_updated payload, go-pagerduty's signed body with its
// known secret and signatures, and two Events API v2 bodies, which are not webhooks.
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  applyPagerDutyEvent,
  NO_PAGERDUTY_TIMES,
  parsePagerDutyEvent,
  verifyPagerDutySignature,
  type PagerDutyEvent,
  type PagerDutyIncidentTimes,
} from './pagerduty-webhook'
import { timeToResolveMs } from './time-to-resolve'

const PAGERDUTY = path.resolve(import.meta.dirname, '../../fixtures/formats/pagerduty')
const raw = (file: string) => fs.readFileSync(path.join(PAGERDUTY, file))
const json = (file: string): unknown => JSON.parse(raw(file).toString('utf8'))
/** A fixture with edits; the fixture's own object is not changed. */
const edited = (file: string, edit: (body: { event: Record<string, unknown> & { data: Record<string, unknown> } }) => void) => {
  const body = structuredClone(json(file)) as Parameters<typeof edit>[0]
  edit(body)
  return body
}

// go-pagerduty webhookv3/webhookv3_test.go, TestVerifySignature.
const GO_SECRET = 'lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK'
const GO_VALID = 'v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd'
const GO_MISMATCH = 'v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5'
const signedBody = () => raw('go-pagerduty-webhookv3-signed-body.json')

describe('verifyPagerDutySignature on go-pagerduty’s known triple', () => {
  test('the valid signature verifies, on bytes and on the same text', () => {
    expect(verifyPagerDutySignature({ rawBody: signedBody(), header: GO_VALID, secrets: [GO_SECRET] })).toEqual({ ok: true })
    expect(verifyPagerDutySignature({ rawBody: signedBody().toString('utf8'), header: GO_VALID, secrets: [GO_SECRET] })).toEqual({
      ok: true,
    })
  })

  test.each([
    ['go-pagerduty’s mismatching signature', { header: GO_MISMATCH }, 'mismatch'],
    ['a wrong secret', { secrets: ['not-the-secret'] }, 'mismatch'],
    ['the secret with a trailing newline (a pasted secret)', { secrets: [`${GO_SECRET}\n`] }, 'mismatch'],
    [
      'the secret base64-decoded (PagerDuty uses it as given)',
      { secrets: [Buffer.from(GO_SECRET, 'base64').toString('latin1')] },
      'mismatch',
    ],
    ['the first byte flipped', { rawBody: flipByte(signedBody(), 0) }, 'mismatch'],
    ['a byte in the middle flipped', { rawBody: flipByte(signedBody(), 800) }, 'mismatch'],
    ['the last byte flipped', { rawBody: flipByte(signedBody(), -1) }, 'mismatch'],
    ['a trailing newline added to the body', { rawBody: Buffer.concat([signedBody(), Buffer.from('\n')]) }, 'mismatch'],
    ['the body re-serialized with indentation', { rawBody: JSON.stringify(JSON.parse(signedBody().toString()), null, 2) }, 'mismatch'],
    ['no header', { header: null }, 'missing_header'],
    ['an empty header', { header: '' }, 'missing_header'],
    ['a blank header', { header: '   ' }, 'missing_header'],
    ['an empty body (go-pagerduty: malformed body)', { rawBody: '' }, 'empty_body'],
    ['no secret configured', { secrets: [] }, 'no_secret'],
    ['only an empty secret', { secrets: [''] }, 'no_secret'],
    ['v1 without a value', { header: 'v1=' }, 'malformed_header'],
    ['v1 not hex', { header: `v1=${'z'.repeat(64)}` }, 'malformed_header'],
    ['v1 one digit short', { header: GO_VALID.slice(0, -1) }, 'malformed_header'],
    ['a part that is not name=value', { header: `${GO_VALID},garbage` }, 'malformed_header'],
    ['a colon for the equals sign', { header: GO_VALID.replace('=', ':') }, 'malformed_header'],
    ['only a later version, no v1', { header: `v2=${'ab'.repeat(32)}` }, 'malformed_header'],
  ])('refuses %s', (_label, change, reason) => {
    expect(verifyPagerDutySignature({ rawBody: signedBody(), header: GO_VALID, secrets: [GO_SECRET], ...change })).toEqual({
      ok: false,
      reason,
    })
  })

  test.each([
    ['two signatures (rotation), the valid one second', `${GO_MISMATCH},${GO_VALID}`, [GO_SECRET]],
    ['spaces around parts and the equals sign', ` ${GO_MISMATCH} ,  v1 = ${GO_VALID.slice(3)} `, [GO_SECRET]],
    ['the documented example spacing, one line', `${GO_VALID}, ${GO_MISMATCH}`, [GO_SECRET]],
    ['upper-case hex', GO_VALID.toUpperCase().replace('V1', 'v1'), [GO_SECRET]],
    ['a trailing comma', `${GO_VALID},`, [GO_SECRET]],
    ['an unknown later version beside v1 (skipped, as the docs say)', `v2=${'ab'.repeat(32)},${GO_VALID}`, [GO_SECRET]],
    ['the right secret second of two', GO_VALID, ['old-secret', GO_SECRET]],
  ])('accepts %s', (_label, header, secrets) => {
    expect(verifyPagerDutySignature({ rawBody: signedBody(), header, secrets })).toEqual({ ok: true })
  })

  test('property: any body signed with any secret verifies, and not with another secret or an altered body', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (bytes, secret, other) => {
          const body = Buffer.from(bytes)
          const header = `v1=${createHmac('sha256', secret).update(body).digest('hex')}`
          expect(verifyPagerDutySignature({ rawBody: body, header, secrets: [secret] })).toEqual({ ok: true })
          if (other !== secret) expect(verifyPagerDutySignature({ rawBody: body, header, secrets: [other] }).ok).toBe(false)
          expect(verifyPagerDutySignature({ rawBody: flipByte(body, bytes.length >> 1), header, secrets: [secret] }).ok).toBe(false)
        },
      ),
    )
  })
})

function flipByte(bytes: Buffer | Uint8Array, index: number): Buffer {
  const copy = Buffer.from(bytes)
  const at = index < 0 ? copy.length + index : index
  copy[at] = copy[at]! ^ 0x01
  return copy
}

const incidentOf = (event: PagerDutyEvent) => {
  if (event.kind !== 'incident') throw new Error(`expected an incident event, got ${JSON.stringify(event)}`)
  return event
}

describe('parsePagerDutyEvent on real deliveries', () => {
  test('triggered_v3.json: an incident.triggered with our incident fields', () => {
    expect(parsePagerDutyEvent(json('triggered_v3.json'))).toEqual({
      kind: 'incident',
      eventId: '01BZYIL05THJDFF2Y08X9SVMTU',
      eventType: 'incident.triggered',
      occurredAt: new Date('2021-06-04T13:35:29.781Z'),
      incident: {
        externalId: 'PFQZPSY',
        number: 9,
        title: 'Test Incident 3',
        htmlUrl: 'https://pig208.pagerduty.com/incidents/PFQZPSY',
        serviceName: 'pig208',
        serviceExternalId: 'PA2P440',
        urgency: 'high',
        priority: null,
        createdAt: null,
      },
    })
  })

  test('resolved_v3.json: an incident.resolved', () => {
    const event = incidentOf(parsePagerDutyEvent(json('resolved_v3.json')))
    expect(event.eventType).toBe('incident.resolved')
    expect(event.occurredAt).toEqual(new Date('2021-06-04T13:16:53.816Z'))
    expect(event.incident).toMatchObject({
      externalId: 'PCPZE64',
      number: 6,
      title: 'Test Incident',
      serviceName: 'pig208',
      priority: null,
    })
  })

  test.each([
    ['the documented payload', 'webhook-v3-incident.priority_updated.json', '5ac64822-4adc-4fda-ade0-410becf0de4f'],
    ['go-pagerduty’s signed body', 'go-pagerduty-webhookv3-signed-body.json', '01BWDWL3NYY7LUFPZCC28QUCMK'],
  ])('incident.priority_updated (%s) is ignored, with its reason', (_label, file, eventId) => {
    expect(parsePagerDutyEvent(json(file))).toEqual({
      kind: 'ignored',
      eventId,
      eventType: 'incident.priority_updated',
      reason: 'incident.priority_updated neither triggers, acknowledges nor resolves an incident',
    })
  })

  test('the documented payload, had it been a trigger, gives its priority and created_at', () => {
    const event = incidentOf(
      parsePagerDutyEvent(edited('webhook-v3-incident.priority_updated.json', (body) => (body.event.event_type = 'incident.triggered'))),
    )
    expect(event.incident).toMatchObject({
      priority: 'P1',
      createdAt: new Date('2020-04-09T15:16:27Z'),
      serviceName: 'API Service',
      serviceExternalId: 'PF9KMXH',
    })
  })

  test.each([
    // The trigger's doc block opens with a /* … */ comment; stripped, it is an Events API v2 body.
    [
      'events-v2-enqueue-trigger.jsonc',
      JSON.parse(
        raw('events-v2-enqueue-trigger.jsonc')
          .toString('utf8')
          .replace(/^\/\*[\s\S]*?\*\//, ''),
      ),
    ],
    ['events-v2-enqueue-resolve.json', json('events-v2-enqueue-resolve.json')],
  ])('%s (Events API v2, sent to PagerDuty, not by it) is refused as not a v3 webhook', (_file, body) => {
    const event = parsePagerDutyEvent(body)
    expect(event).toMatchObject({ kind: 'invalid', issues: [{ path: 'event' }] })
  })
})

describe('parsePagerDutyEvent on edited deliveries', () => {
  type Edit = Parameters<typeof edited>[1]
  test.each<[string, Edit, string[]]>([
    ['no service', (body) => delete body.event.data.service, ['event.data.service']],
    ['a numeric service id', (body) => (body.event.data.service = { id: 1, summary: 'pig208' }), ['event.data.service.id']],
    ['no incident number', (body) => delete body.event.data.number, ['event.data.number']],
    ['an urgency PagerDuty does not have', (body) => (body.event.data.urgency = 'medium'), ['event.data.urgency']],
    ['an html_url that is not a URL', (body) => (body.event.data.html_url = 'incidents/PFQZPSY'), ['event.data.html_url']],
    ['occurred_at without a zone', (body) => (body.event.occurred_at = '2021-06-04T13:35:29'), ['event.occurred_at']],
    ['no event id', (body) => delete body.event.id, ['event.id']],
    ['data that is not an object', (body) => Object.assign(body.event, { data: 'PFQZPSY' }), ['event.data']],
  ])('%s → invalid, naming the path', (_label, edit, paths) => {
    const event = parsePagerDutyEvent(edited('triggered_v3.json', edit))
    expect(event.kind).toBe('invalid')
    expect(event.kind === 'invalid' && event.issues.map((issue) => issue.path)).toEqual(paths)
  })

  test.each<[string, Edit, string]>([
    [
      'incident.reopened',
      (body) => (body.event.event_type = 'incident.reopened'),
      'incident.reopened neither triggers, acknowledges nor resolves an incident',
    ],
    [
      'incident.annotated',
      (body) => (body.event.event_type = 'incident.annotated'),
      'incident.annotated neither triggers, acknowledges nor resolves an incident',
    ],
    [
      'a service event',
      (body) => Object.assign(body.event, { event_type: 'service.created', resource_type: 'service' }),
      'not an incident event (service.created)',
    ],
    [
      'the subscription’s test ping',
      (body) => Object.assign(body.event, { event_type: 'pagey.ping', resource_type: 'pagey', data: {} }),
      'not an incident event (pagey.ping)',
    ],
    // An ignored event's data is not read, so its shape does not matter.
    [
      'an ignored type with data we could not read',
      (body) => Object.assign(body.event, { event_type: 'incident.escalated', data: {} }),
      'incident.escalated neither triggers, acknowledges nor resolves an incident',
    ],
  ])('%s → ignored', (_label, edit, reason) => {
    expect(parsePagerDutyEvent(edited('triggered_v3.json', edit))).toMatchObject({
      kind: 'ignored',
      eventId: '01BZYIL05THJDFF2Y08X9SVMTU',
      reason,
    })
  })

  test('incident.acknowledged is read like the others', () => {
    const event = incidentOf(parsePagerDutyEvent(edited('triggered_v3.json', (body) => (body.event.event_type = 'incident.acknowledged'))))
    expect(event.eventType).toBe('incident.acknowledged')
  })

  test.each([
    ['null', null],
    ['an array', []],
    ['a string', 'incident.triggered'],
  ])('%s → invalid at the root', (_label, body) => {
    expect(parsePagerDutyEvent(body)).toEqual({ kind: 'invalid', issues: [{ path: '(root)', message: 'expected a JSON object' }] })
  })

  test('property: never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ event: fc.anything() })), (body) =>
        ['incident', 'ignored', 'invalid'].includes(parsePagerDutyEvent(body).kind),
      ),
    )
  })
})

describe('applyPagerDutyEvent', () => {
  const at = (iso: string) => new Date(iso)
  const event = (eventType: string, occurredAt: string, createdAt?: string) =>
    incidentOf(
      parsePagerDutyEvent(
        edited('triggered_v3.json', (body) => {
          body.event.event_type = eventType
          body.event.occurred_at = occurredAt
          if (createdAt) body.event.data.created_at = createdAt
        }),
      ),
    )
  const TRIGGERED = event('incident.triggered', '2021-06-04T13:35:29.781Z')
  const ACKNOWLEDGED = event('incident.acknowledged', '2021-06-04T13:40:00.000Z')
  const RESOLVED = event('incident.resolved', '2021-06-04T14:05:29.781Z')
  const RESOLVED_AGAIN = event('incident.resolved', '2021-06-04T15:00:00.000Z')
  const fold = (...events: ReturnType<typeof event>[]) => events.reduce<PagerDutyIncidentTimes>(applyPagerDutyEvent, NO_PAGERDUTY_TIMES)

  test.each<[string, ReturnType<typeof event>[], PagerDutyIncidentTimes]>([
    [
      'in order',
      [TRIGGERED, ACKNOWLEDGED, RESOLVED],
      { startedAt: at('2021-06-04T13:35:29.781Z'), acknowledgedAt: at('2021-06-04T13:40:00Z'), resolvedAt: at('2021-06-04T14:05:29.781Z') },
    ],
    [
      'delivered backwards',
      [RESOLVED, ACKNOWLEDGED, TRIGGERED],
      { startedAt: at('2021-06-04T13:35:29.781Z'), acknowledgedAt: at('2021-06-04T13:40:00Z'), resolvedAt: at('2021-06-04T14:05:29.781Z') },
    ],
    ['still open', [TRIGGERED], { startedAt: at('2021-06-04T13:35:29.781Z'), acknowledgedAt: null, resolvedAt: null }],
    [
      'the trigger lost, created_at known',
      [event('incident.resolved', '2021-06-04T14:00:00Z', '2021-06-04T13:00:00Z')],
      { startedAt: at('2021-06-04T13:00:00Z'), acknowledgedAt: null, resolvedAt: at('2021-06-04T14:00:00Z') },
    ],
    [
      'resolved, reopened (ignored), resolved again: the last resolution',
      [TRIGGERED, RESOLVED_AGAIN, RESOLVED],
      { startedAt: at('2021-06-04T13:35:29.781Z'), acknowledgedAt: null, resolvedAt: at('2021-06-04T15:00:00Z') },
    ],
  ])('%s', (_label, events, times) => {
    expect(fold(...events)).toEqual(times)
  })

  test('time-to-resolve counts from the trigger to the resolution', () => {
    expect(timeToResolveMs(fold(TRIGGERED, RESOLVED))).toBe(30 * 60_000)
  })

  test('does not change the times it is given', () => {
    const times = fold(TRIGGERED)
    applyPagerDutyEvent(times, RESOLVED)
    expect(times.resolvedAt).toBeNull()
  })
})
