// The notifications stage against a real Postgres and a real HTTP receiver: two workers planning and
// sending at once deliver each notification once; an unreachable receiver is logged and retried with
// backoff, then given up on; a silence mutes; a resolution follows its firing notification in order.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { saveAlertRule } = await import('@/lib/alerts/rules-repository')
const { saveChannel, listChannels } = await import('./channels-repository')
const { planAndQueueNotifications, deliverDueNotifications, sendTestNotification, MAX_ATTEMPTS } = await import('./dispatcher')
const { listDeliveries } = await import('./notifications-repository')

const EXTERNAL_URL = 'https://spanlens.example.com'
const NOW = Date.UTC(2026, 11, 6, 12, 0)
const at = (seconds: number) => new Date(NOW + seconds * 1000)

type Received = { path: string; body: { status: string; alerts: { status: string; labels: Record<string, string> }[]; receiver: string } }
let received: Received[] = []
let answer = 200
let receiverUrl = ''
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    if (answer === 200)
      received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'] })
    response.writeHead(answer).end(answer === 200 ? 'ok' : 'no thanks')
  })
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

let ruleId = ''
beforeEach(async () => {
  received = []
  answer = 200
  await db.$executeRawUnsafe(
    'TRUNCATE notification_channels, notifications, notification_deliveries, notification_group_states, silences, alert_rules, alerts CASCADE',
  )
  await saveChannel(
    { name: 'oncall', type: 'alertmanager', url: `${receiverUrl}/alerts`, groupWait: '0s', groupInterval: '1m' },
    { by: null },
  )
  const rule = await saveAlertRule(
    {
      name: 'CheckoutSlow',
      condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 },
      selector: { service: 'checkout' },
      channels: ['oncall'],
    },
    { by: null },
  )
  ruleId = rule.id
})

async function fire(service: string, { resolvedAt }: { resolvedAt?: Date } = {}) {
  const labels = { alertname: 'CheckoutSlow', service, severity: 'warning' }
  const row = {
    ruleId,
    fingerprint: `fp-${service}`,
    service,
    labels,
    annotations: { summary: `${service} is slow` },
    state: resolvedAt ? ('inactive' as const) : ('firing' as const),
    value: 512,
    activeAt: at(-120),
    firedAt: at(-60),
    resolvedAt: resolvedAt ?? null,
  }
  await db.alert.upsert({ where: { ruleId_fingerprint: { ruleId, fingerprint: row.fingerprint } }, create: row, update: row })
}

/** One worker's pass: plan, then send what is due. */
const pass = async (seconds: number) => {
  await planAndQueueNotifications({ now: at(seconds) })
  return deliverDueNotifications({ now: at(seconds), externalUrl: EXTERNAL_URL, timeoutMs: 2_000 })
}

describe('dispatching notifications', () => {
  test('two workers planning and sending together deliver each notification once', async () => {
    for (const service of ['checkout', 'checkout-eu', 'checkout-us']) await fire(service)
    for (let round = 0; round < 3; round++) await Promise.all([pass(round * 5), pass(round * 5)])
    expect(received).toHaveLength(1)
    expect(received[0]!.path).toBe('/alerts')
    expect(received[0]!.body.receiver).toBe('oncall')
    expect(received[0]!.body.alerts).toHaveLength(3)
    expect(await db.notification.count({ where: { status: 'delivered' } })).toBe(1)
    const [channel] = await listChannels()
    const log = await listDeliveries(channel!.id)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ ok: true, httpStatus: 200, attempt: 1, reason: 'first_notification' })
  })

  test('a resolution is sent after the firing notification, as Alertmanager sends it', async () => {
    await fire('checkout')
    await pass(0)
    await fire('checkout', { resolvedAt: at(90) })
    await pass(90)
    expect(received.map((row) => row.body.status)).toEqual(['firing', 'resolved'])
  })

  test('an unreachable receiver is logged and retried with backoff, never blocking; then given up on', async () => {
    answer = 503
    await fire('checkout')
    const first = await pass(0)
    expect(first).toMatchObject({ claimed: 1, retrying: 1 })
    const queued = await db.notification.findFirstOrThrow()
    expect(queued.status).toBe('pending')
    expect(queued.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
    expect(queued.lastError).toBe('HTTP 503: no thanks')
    // Not due yet: nothing is sent again at once.
    expect((await deliverDueNotifications({ now: new Date(), externalUrl: EXTERNAL_URL })).claimed).toBe(0)
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await db.notification.updateMany({ data: { nextAttemptAt: new Date(0) } })
      await deliverDueNotifications({ now: new Date(), externalUrl: EXTERNAL_URL })
    }
    const given = await db.notification.findFirstOrThrow()
    expect(given.status).toBe('failed')
    expect(given.attempts).toBe(MAX_ATTEMPTS)
    expect(await db.notificationDelivery.count({ where: { ok: false, httpStatus: 503 } })).toBe(MAX_ATTEMPTS)
  })

  test('a 4xx other than 408 and 429 is not retried', async () => {
    answer = 400
    await fire('checkout')
    expect(await pass(0)).toMatchObject({ failed: 1 })
  })

  test('a silenced alert sends nothing', async () => {
    await db.silence.create({
      data: {
        matchers: [{ name: 'service', type: '=', value: 'checkout' }],
        startsAt: at(-600),
        endsAt: at(3_600),
        comment: 'known: index rebuild',
        createdBy: 'sre@example.com',
      },
    })
    await fire('checkout')
    const plan = await planAndQueueNotifications({ now: at(0) })
    expect(plan).toMatchObject({ queued: 0, silenced: 1 })
    expect(await db.notification.count()).toBe(0)
  })

  test('send test posts one test alert and logs it', async () => {
    const [channel] = await listChannels()
    const outcome = await sendTestNotification(channel!.id, { externalUrl: EXTERNAL_URL })
    expect(outcome).toMatchObject({ ok: true, httpStatus: 200 })
    expect(received[0]!.body.alerts[0]!.labels.alertname).toBe('SpanlensTestNotification')
    expect((await listDeliveries(channel!.id))[0]).toMatchObject({ test: true, ok: true })
  })
})

describe('channel secrets are write-only', () => {
  test('pages never see a secret; an edit without one keeps it', async () => {
    const hook = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX'
    const saved = await saveChannel({ name: 'sre-slack', type: 'slack', secret: hook }, { by: null })
    expect(JSON.stringify(saved)).not.toContain('XXXX')
    expect(saved.secret).toEqual({ set: true, hint: 'hooks.slack.com/services/…' })
    await saveChannel({ name: 'sre-slack', type: 'slack', sendResolved: false }, { id: saved.id, by: null })
    expect((await db.notificationChannel.findUniqueOrThrow({ where: { id: saved.id } })).secret).toBe(hook)
    const audit = await db.auditLog.findMany({ where: { subjectId: saved.id } })
    expect(JSON.stringify(audit.map((entry) => entry.details))).not.toContain('XXXX')
  })

  test('a channel type that needs a secret refuses to be saved without one, naming the field', async () => {
    await expect(saveChannel({ name: 'pd', type: 'pagerduty' }, { by: null })).rejects.toMatchObject({ issues: [{ path: 'secret' }] })
  })
})
