import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import type { NotificationAlert } from './describe-alert'
import { groupAlerts } from './notification-groups'
import {
  buildPagerDutyEvents,
  buildPagerDutyResolve,
  buildPagerDutyTrigger,
  pagerDutyEventSchema,
  pagerDutySeverity,
  pagerDutyTriggerSchema,
} from './pagerduty-event'
import { EXTERNAL_URL, firingAlert, resolvedAlert } from './testing/notification-alert'

const SAMPLES = path.resolve(import.meta.dirname, '../../../fixtures/formats/pagerduty')
const read = (file: string) => fs.readFileSync(path.join(SAMPLES, file), 'utf8')
const OPTIONS = { routingKey: 'R0UT1NGKEY', externalUrl: EXTERNAL_URL }

/** JSONC to JSON: drops block and line comments outside strings ("https://…" in a value is not a comment). */
function stripJsonComments(text: string): string {
  let json = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '"') {
      const start = i
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      json += text.slice(start, i + 1)
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      if (end === -1) throw new SyntaxError('unterminated /* comment')
      i = end + 1
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
      json += '\n'
    } else json += char
  }
  return json
}

const trigger = JSON.parse(stripJsonComments(read('events-v2-enqueue-trigger.jsonc'))) as Record<string, unknown>
const resolve = JSON.parse(read('events-v2-enqueue-resolve.json')) as Record<string, unknown>
const keysOf = (value: unknown) => Object.keys(value as object).sort()

describe('stripJsonComments', () => {
  test('keeps comment-like text inside strings, escaped quotes included', () => {
    expect(JSON.parse(stripJsonComments('/* a */ {"u": "https://x/*y*/", "q": "\\"//\\"" // tail\n}'))).toEqual({
      u: 'https://x/*y*/',
      q: '"//"',
    })
  })

  test('the sample opens with a comment and keeps its URLs', () => {
    expect(read('events-v2-enqueue-trigger.jsonc').startsWith('/*')).toBe(true)
    expect(trigger.client_url).toBe('https://monitoring.example.com')
  })
})

describe('pagerDutyEventSchema on the real samples', () => {
  test.each([
    ['the documented trigger (basic +0000 offset, images, links)', trigger],
    ['the documented resolve', resolve],
  ])('accepts %s', (_label, body) => {
    expect(pagerDutyEventSchema.safeParse(body).error?.issues ?? []).toEqual([])
  })

  test.each([
    ['a severity PagerDuty does not know', { payload: { ...(trigger.payload as object), severity: 'high' } }, 'payload.severity'],
    ['a summary over 1024 characters', { payload: { ...(trigger.payload as object), summary: 'x'.repeat(1025) } }, 'payload.summary'],
    ['a dedup_key over 255 characters', { dedup_key: 'k'.repeat(256) }, 'dedup_key'],
    ['no routing key', { routing_key: '' }, 'routing_key'],
    ['no source', { payload: { ...(trigger.payload as object), source: undefined } }, 'payload.source'],
  ])('refuses %s', (_label, change, where) => {
    expect(pagerDutyEventSchema.safeParse({ ...trigger, ...change }).error?.issues.map((issue) => issue.path.join('.'))).toEqual([where])
  })

  test('a resolve needs its dedup_key', () => {
    expect(pagerDutyEventSchema.safeParse({ ...resolve, dedup_key: undefined }).success).toBe(false)
  })
})

describe('buildPagerDutyTrigger', () => {
  const alert = firingAlert({
    fingerprint: '9f1c2b3a4d5e6f70',
    annotations: { summary: 'p95 of checkout above 500 ms', runbook_url: 'https://runbooks.example.com/p95' },
  })
  const event = buildPagerDutyTrigger(alert, OPTIONS)

  test('has the documented trigger keys (we send no images) and payload keys, and parses', () => {
    expect(keysOf(event)).toEqual(keysOf(trigger).filter((key) => key !== 'images'))
    expect(keysOf(event.payload)).toEqual(keysOf(trigger.payload))
    expect(pagerDutyTriggerSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event)
  })

  test('dedup_key is the fingerprint; the payload names the series, rule and value', () => {
    expect(event).toMatchObject({
      routing_key: 'R0UT1NGKEY',
      event_action: 'trigger',
      dedup_key: '9f1c2b3a4d5e6f70',
      payload: {
        summary: 'p95 of checkout above 500 ms: 812.4 ms (threshold > 500.0 ms (p95))',
        source: 'checkout',
        severity: 'critical',
        timestamp: '2026-03-01T10:00:00.000Z',
        component: 'POST /pay',
        group: 'checkout',
        class: 'High p95 latency',
        custom_details: { value: '812.4 ms (threshold > 500.0 ms (p95))', fingerprint: '9f1c2b3a4d5e6f70', labels: alert.labels },
      },
      links: [
        { href: `${EXTERNAL_URL}/alerts?alert=9f1c2b3a4d5e6f70`, text: 'Alert in Spanlens' },
        { href: `${EXTERNAL_URL}/services/checkout/POST%20%2Fpay?kind=server`, text: 'checkout in Spanlens' },
        { href: 'https://runbooks.example.com/p95', text: 'Runbook' },
      ],
      client: 'Spanlens',
      client_url: EXTERNAL_URL,
    })
  })

  test('a summary past 1024 characters is cut, and still parses', () => {
    const long = buildPagerDutyTrigger(firingAlert({ annotations: { summary: '🔥'.repeat(2000) } }), OPTIONS)
    expect(long.payload.summary.length).toBeLessThanOrEqual(1024)
    expect(long.payload.summary.endsWith('…')).toBe(true)
    expect(pagerDutyTriggerSchema.safeParse(long).success).toBe(true)
  })

  test('a service-wide alert has no component', () => {
    const serviceWide = { ...firingAlert(), labels: { alertname: 'No data', service: 'checkout', severity: 'warning' } }
    expect(buildPagerDutyTrigger(serviceWide, OPTIONS).payload).not.toHaveProperty('component')
  })
})

describe('pagerDutySeverity', () => {
  test.each([
    ['critical', 'critical'],
    ['warning', 'warning'],
    ['info', 'info'],
    ['page', 'warning'],
    ['toString', 'warning'],
    [null, 'warning'],
  ])('%s → %s', (ours, theirs) => {
    expect(pagerDutySeverity(ours)).toBe(theirs)
  })
})

describe('buildPagerDutyEvents', () => {
  test('a trigger per firing alert and a resolve per resolved one, keyed by fingerprint', () => {
    const alerts: NotificationAlert[] = [firingAlert({ labels: { service: 'a' } }), resolvedAlert({ labels: { service: 'b' } })]
    const events = buildPagerDutyEvents(groupAlerts(alerts, { channel: 'pd' })[0]!, OPTIONS)
    expect(events.map((event) => [event.event_action, event.dedup_key])).toEqual([
      ['trigger', 'fp-a-POST /pay'],
      ['resolve', 'fp-b-POST /pay'],
    ])
  })

  test('a resolve has exactly the documented keys and parses', () => {
    const event = buildPagerDutyResolve(resolvedAlert(), OPTIONS)
    expect(keysOf(event)).toEqual(keysOf(resolve))
    expect(pagerDutyEventSchema.parse(event)).toEqual(event)
  })
})
