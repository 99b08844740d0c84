// A draft rule replayed over a real Postgres: the same slow episode the evaluator test uses (minutes
// 15–24 of the hour before the watermark), read back as the intervals the worker would have produced,
// with the incident opened during it counted as caught, and how early.
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { minuteRows } from './testing/minute-rows'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { getRuleBacktest } = await import('./backtest-repository')
const { alertRuleInput } = await import('./schemas')

const MINUTE = 60_000
const START = Date.UTC(2026, 11, 6, 10, 0)
const at = (minute: number) => new Date(START + minute * MINUTE)
const slow = (minute: number) => minute >= 15 && minute < 25

beforeEach(async () => {
  await db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, deployments, incidents CASCADE',
  )
  for (const service of ['checkout', 'ledger']) {
    await db.service.create({ data: { name: service } })
    await db.syncState.create({ data: { serviceName: service, watermark: at(60), backfillFrom: at(-60) } })
    await db.spanRollup.createMany({
      data: minuteRows({
        service,
        operation: 'POST /api/pay',
        from: START,
        minutes: 60,
        latencyMs: (minute) => (service === 'checkout' && slow(minute) ? 500 : 100),
      }),
    })
  }
  await db.incident.createMany({
    data: [
      { source: 'test', externalId: 'during', title: 'Checkout payments slow', services: ['checkout'], startedAt: at(20) },
      { source: 'test', externalId: 'before', services: ['checkout'], startedAt: at(5) },
      { source: 'test', externalId: 'elsewhere', services: ['billing'], startedAt: at(20) },
    ],
  })
})

const rule = (overrides: Record<string, unknown> = {}) =>
  alertRuleInput.parse({
    name: 'PaySlow',
    condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 },
    selector: { service: '*', operation: 'POST *' },
    window: '1m',
    for: '2m',
    ...overrides,
  })

describe('getRuleBacktest', () => {
  test('replays the rule minute by minute: pending from 10:16, firing 10:18–10:26, on the slow service only', async () => {
    const backtest = await getRuleBacktest(rule(), '24h', { now: at(61) })
    expect(backtest).toMatchObject({ range: '24h', stepSeconds: 60, windowSeconds: 60, threshold: 300, unit: 'ms' })
    expect(backtest).toMatchObject({ matchedSeries: 2, firedCount: 1, firingMinutes: 8, firingSeries: 1 })
    const [checkout, ledger] = backtest.series
    expect(checkout!.labels.service).toBe('checkout')
    expect(checkout!.pending).toEqual([{ startMs: at(16).getTime(), endMs: at(18).getTime() }])
    expect(checkout!.firing).toEqual([{ startMs: at(18).getTime(), endMs: at(26).getTime() }])
    expect(checkout!.points).toHaveLength(60)
    expect(ledger!.firedCount).toBe(0)
  })

  test('says which incidents of the matched services it would have warned of, and how early', async () => {
    const backtest = await getRuleBacktest(rule(), '24h', { now: at(61) })
    expect(backtest.incidents.map(({ title, service, caught, leadMinutes }) => ({ title, service, caught, leadMinutes }))).toEqual([
      { title: null, service: 'checkout', caught: false, leadMinutes: null },
      { title: 'Checkout payments slow', service: 'checkout', caught: true, leadMinutes: 2 },
    ])
  })

  test('a longer `for` fires later and shorter; a threshold nothing reaches never fires', async () => {
    expect(await getRuleBacktest(rule({ for: '5m' }), '24h', { now: at(61) })).toMatchObject({ firedCount: 1, firingMinutes: 5 })
    const quiet = await getRuleBacktest(rule({ condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 600 } }), '24h', {
      now: at(61),
    })
    expect(quiet).toMatchObject({ firedCount: 0, firingMinutes: 0, matchedSeries: 2 })
    // Nothing fired: the series that came closest is charted first.
    expect(quiet.series[0]!.labels.service).toBe('checkout')
  })

  test('at hourly steps each value covers its hour', async () => {
    const backtest = await getRuleBacktest(rule({ condition: { kind: 'latency_threshold', percentile: 'p50', aboveMs: 300 } }), '7d', {
      now: at(61),
    })
    expect(backtest).toMatchObject({ stepSeconds: 3600, windowSeconds: 3600, firedCount: 0 })
    const [checkout] = backtest.series
    expect(checkout!.points.at(-1)![1]).toBeCloseTo(100, -1) // the hour's median: 50 of 60 minutes at 100 ms
  })

  test('a canary rule is refused, naming its kind: a deployment keeps its latest verdict only, nothing to replay', async () => {
    await expect(
      getRuleBacktest(rule({ condition: { kind: 'canary_regression' }, selector: { service: '*' } }), '24h'),
    ).rejects.toMatchObject({
      name: 'InvalidInputError',
      issues: [{ path: 'condition.kind', message: expect.stringContaining('canary_regression rules cannot be backtested') }],
    })
  })
})
