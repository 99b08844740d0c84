import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import type { NotificationAlert } from './describe-alert'
import { groupAlerts, type NotificationGroup } from './notification-groups'
import { SLACK_LIMITS, slackMessageSchema, type SlackBlock } from './slack-block-kit'
import { buildSlackMessage, escapeMrkdwn, MAX_DETAILED_ALERTS } from './slack-message'
import { EXTERNAL_URL, firingAlert, resolvedAlert } from './testing/notification-alert'

const SAMPLES = path.resolve(import.meta.dirname, '../../../fixtures/formats/slack')
const sample = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8'))
const VALID = fs.readdirSync(SAMPLES).filter((file) => file !== 'null_text.json')

const groupOf = (...alerts: NotificationAlert[]): NotificationGroup<NotificationAlert> => groupAlerts(alerts, { channel: 'oncall' })[0]!
const build = (...alerts: NotificationAlert[]) => buildSlackMessage(groupOf(...alerts), { externalUrl: EXTERNAL_URL })
const expectValid = (message: unknown) => expect(slackMessageSchema.safeParse(message).error?.issues ?? []).toEqual([])
const blocksOf = (message: unknown): SlackBlock[] => {
  const { blocks = [], attachments = [] } = message as { blocks?: SlackBlock[]; attachments?: { blocks?: SlackBlock[] }[] }
  return [...blocks, ...attachments.flatMap((attachment) => attachment.blocks ?? [])]
}

describe('slackMessageSchema on the real samples', () => {
  test.each(VALID)('accepts %s', (file) => {
    expectValid(sample(file))
  })

  test('refuses null_text.json ({"text": null}), naming text', () => {
    expect(slackMessageSchema.safeParse(sample('null_text.json')).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['text'])
  })

  test.each([
    [
      'a header over 150 characters',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] },
      'blocks.0.text.text',
    ],
    ['11 fields', { blocks: [{ type: 'section', fields: Array(11).fill({ type: 'mrkdwn', text: 'x' }) }] }, 'blocks.0.fields'],
    ['51 blocks', { blocks: Array(51).fill({ type: 'divider' }) }, 'blocks'],
    ['a misspelt key', { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' }, acessory: {} }] }, 'blocks.0'],
    ['a section with neither text nor fields', { blocks: [{ type: 'section' }] }, 'blocks.0'],
    ['an empty message', {}, ''],
  ])('refuses %s', (_label, message, where) => {
    const parsed = slackMessageSchema.safeParse(message)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(where)
  })
})

describe('buildSlackMessage', () => {
  const message = build(
    firingAlert({ annotations: { summary: 'p95 of checkout above 500 ms', runbook_url: 'https://runbooks.example.com/p95' } }),
  )

  test('passes the schema the samples pass, with only block types the samples use, plus actions', () => {
    expectValid(message)
    const sampleTypes = new Set(VALID.flatMap((file) => blocksOf(sample(file)).map((block) => block.type)))
    for (const block of message.blocks!) expect([...sampleTypes, 'actions']).toContain(block.type)
  })

  test('header, then the alert: title linked, fields, and buttons to the alert, its series and runbook', () => {
    const [header, section, actions, context] = message.blocks!
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🔥 [FIRING:1] High p95 latency — checkout POST /pay', emoji: true },
    })
    expect(section).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `🔥 *<${EXTERNAL_URL}/alerts?alert=fp-checkout-POST+%2Fpay|p95 of checkout above 500 ms>*` },
      fields: [
        { type: 'mrkdwn', text: '*Severity*\ncritical' },
        { type: 'mrkdwn', text: `*Service*\n<${EXTERNAL_URL}/services/checkout/POST%20%2Fpay?kind=server|checkout>` },
        { type: 'mrkdwn', text: '*Operation*\nPOST /pay' },
        { type: 'mrkdwn', text: '*Value*\n812.4 ms (threshold &gt; 500.0 ms (p95))' },
        { type: 'mrkdwn', text: '*Firing since*\n<!date^1772359200^{date_short_pretty} {time}|2026-03-01 10:00 UTC>' },
      ],
    })
    expect(actions).toMatchObject({
      type: 'actions',
      elements: [
        { type: 'button', text: { text: 'Open alert' }, url: `${EXTERNAL_URL}/alerts?alert=fp-checkout-POST+%2Fpay` },
        { type: 'button', text: { text: 'Service page' }, url: `${EXTERNAL_URL}/services/checkout/POST%20%2Fpay?kind=server` },
        { type: 'button', text: { text: 'Runbook' }, url: 'https://runbooks.example.com/p95' },
      ],
    })
    expect(context).toMatchObject({ type: 'context' })
    expect(message.text).toBe(
      '🔥 [FIRING:1] High p95 latency — checkout POST /pay\np95 of checkout above 500 ms: 812.4 ms (threshold &gt; 500.0 ms (p95))',
    )
  })

  test('a resolved alert says so and when', () => {
    const resolved = build(resolvedAlert())
    expectValid(resolved)
    expect(resolved.blocks![0]).toMatchObject({ text: { text: '✅ [RESOLVED] High p95 latency — checkout POST /pay' } })
    expect(JSON.stringify(resolved.blocks![1])).toContain('*Resolved*\\n<!date^1772359800^')
  })

  test('40 alerts of one rule: one message, 10 detailed, the rest counted, under 50 blocks', () => {
    const burst = build(...Array.from({ length: 40 }, (_, index) => firingAlert({ labels: { service: `svc-${index}` } })))
    expectValid(burst)
    expect(burst.blocks!.filter((block) => block.type === 'section')).toHaveLength(MAX_DETAILED_ALERTS)
    expect(burst.blocks!.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks)
    expect(JSON.stringify(burst.blocks)).toContain('and 30 more alerts in this group')
    expect(burst.blocks![0]).toMatchObject({ text: { text: '🔥 [FIRING:40] High p95 latency' } })
  })

  test('firing alerts are detailed before resolved ones', () => {
    const mixed = build(...Array.from({ length: 12 }, (_, index) => resolvedAlert({ labels: { service: `r-${index}` } })), firingAlert())
    expect(JSON.stringify(mixed.blocks![1])).toContain('checkout')
  })

  test('text from rules and labels is escaped, so it cannot forge links or mentions', () => {
    const hostile = build(firingAlert({ annotations: { summary: '<!channel> & <https://evil.example|click>' } }))
    expect(JSON.stringify(hostile)).not.toContain('<!channel>')
    expect(JSON.stringify(hostile)).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;')
  })

  test('oversized text is cut to Slack limits without breaking an escape or a character', () => {
    const huge = build(
      firingAlert({
        labels: { alertname: `Latency ${'🔥'.repeat(200)}`, operation: '&'.repeat(500) },
        annotations: { summary: '<'.repeat(5000), description: 'd&'.repeat(10_000) },
      }),
    )
    expectValid(huge)
    const text = JSON.stringify(huge)
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/)
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    expect(huge.blocks![0]).toMatchObject({ text: { text: expect.stringMatching(/…$/) } })
  })

  test('a link too long for Slack becomes plain text, and its button is left out', () => {
    const long = build(firingAlert({ fingerprint: '0123456789abcdef', labels: { operation: '路'.repeat(400) } })) // 9 characters each once encoded
    expectValid(long)
    const [, section, actions] = long.blocks!
    expect(JSON.stringify(section)).toContain('*Service*\\ncheckout"')
    expect(actions).toMatchObject({ elements: [{ text: { text: 'Open alert' } }] })
  })

  test('escapeMrkdwn escapes Slack control characters only', () => {
    expect(escapeMrkdwn('a & b < c > d * _ ~')).toBe('a &amp; b &lt; c &gt; d * _ ~')
  })
})
