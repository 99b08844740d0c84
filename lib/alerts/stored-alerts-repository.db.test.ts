// The evaluator's read of stored alerts against a real Postgres: the same alerts, field for field, as
// the Prisma read in alerts-repository.ts gives; damaged annotations read as none, damaged labels refused.
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { listStoredAlerts, pairKey } = await import('./alerts-repository')
const { saveAlertRule } = await import('./rules-repository')
const { isLabels, listAlertsByPair } = await import('./stored-alerts-repository')

const AT = Date.UTC(2026, 11, 6, 10, 0)

async function seed() {
  const rule = await saveAlertRule(
    { name: 'CheckoutSlow', condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 }, selector: { service: '*' } },
    { by: null },
  )
  const alert = (fingerprint: string, service: string, fields: Record<string, unknown>) => ({
    ruleId: rule.id,
    fingerprint,
    service,
    labels: { alertname: 'CheckoutSlow', service, operation: `op ${fingerprint}` },
    annotations: { summary: `about ${fingerprint}` },
    state: 'pending' as const,
    value: 412.5,
    activeAt: new Date(AT),
    ...fields,
  })
  await db.alert.createMany({
    data: [
      alert('a1', 'checkout', {}),
      alert('a2', 'checkout', {
        state: 'firing',
        firedAt: new Date(AT + 120_000),
        lastSentAt: new Date(AT + 180_000),
        keepFiringSince: new Date(AT + 240_123),
      }),
      alert('a3', 'checkout', {
        state: 'inactive',
        firedAt: new Date(AT + 60_000),
        resolvedAt: new Date(AT + 600_000),
        annotations: ['not', 'labels'],
      }),
      alert('b1', 'ledger', { value: 0.25 }),
      alert('c1', 'payments', {}),
    ],
  })
  return rule
}

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE services, alert_rules, alerts CASCADE')
})

describe('listAlertsByPair', () => {
  test("gives each (rule, service)'s alerts as the Prisma read does, times to the millisecond", async () => {
    const rule = await seed()
    const services = ['checkout', 'ledger']
    const read = await listAlertsByPair([rule.id], services)
    expect(read).toEqual(await listStoredAlerts([rule.id], services))
    expect([...read.keys()].sort()).toEqual([pairKey(rule.id, 'checkout'), pairKey(rule.id, 'ledger')].sort())
    expect(read.get(pairKey(rule.id, 'checkout'))!.get('a2')).toMatchObject({
      state: 'firing',
      keepFiringSince: AT + 240_123,
      resolvedAt: null,
    })
    expect(read.get(pairKey(rule.id, 'checkout'))!.get('a3')!.annotations).toEqual({})
  })

  test('reads nothing for no rules or no services', async () => {
    const rule = await seed()
    expect((await listAlertsByPair([], ['checkout'])).size).toBe(0)
    expect((await listAlertsByPair([rule.id], [])).size).toBe(0)
  })

  test('refuses an alert whose labels are damaged rather than evaluate it half-read', async () => {
    const rule = await seed()
    await db.alert.update({ where: { ruleId_fingerprint: { ruleId: rule.id, fingerprint: 'a1' } }, data: { labels: { service: 7 } } })
    await expect(listAlertsByPair([rule.id], ['checkout'])).rejects.toThrow(/a1 .* damaged labels/)
  })
})

describe('isLabels', () => {
  test.each<[string, unknown, boolean]>([
    ['an object of strings', { service: 'checkout', severity: 'page' }, true],
    ['no labels', {}, true],
    ['a number among them', { service: 'checkout', count: 3 }, false],
    ['an array', ['checkout'], false],
    ['null', null, false],
    ['a string', 'checkout', false],
  ])('%s', (_label, value, expected) => {
    expect(isLabels(value)).toBe(expected)
  })
})
