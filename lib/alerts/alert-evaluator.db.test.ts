// The worker's alert stage against a real Postgres: one operation turns slow for ten minutes; the stage
// runs once a minute as the service's watermark advances. States follow Prometheus (pending, firing
// after `for`, resolved and kept, then deleted), rows change on transitions only, history is kept, and an
// instant evaluated twice (a restart, two workers at once) changes nothing the second time.
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { minuteRows } from './testing/minute-rows'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { evaluateAndSaveAlerts } = await import('./alert-evaluator')
const { saveAlertRule } = await import('./rules-repository')

const MINUTE = 60_000
const START = Date.UTC(2026, 11, 6, 10, 0)
const at = (minute: number) => new Date(START + minute * MINUTE)
/** Minutes 15–24 are slow (500 ms), the rest 100 ms. */
const slow = (minute: number) => minute >= 15 && minute < 25

const annotate = (_rule: unknown, value: { value: number }) => ({ summary: `p95 is ${Math.round(value.value)} ms` })

async function seed() {
  await db.service.create({ data: { name: 'checkout' } })
  await db.syncState.create({ data: { serviceName: 'checkout', watermark: at(0), backfillFrom: at(-60) } })
  await db.spanRollup.createMany({
    data: minuteRows({
      service: 'checkout',
      operation: 'POST /api/pay',
      from: START,
      minutes: 60,
      latencyMs: (minute) => (slow(minute) ? 500 : 100),
    }),
  })
  return saveAlertRule(
    {
      name: 'CheckoutSlow',
      condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 },
      selector: { service: 'checkout' },
      window: '1m',
      for: '2m',
      severity: 'critical',
    },
    { by: null },
  )
}

/** Moves the watermark to `minute` and runs the stage, as the worker does after a sync round. */
async function evaluateAt(minute: number) {
  await db.syncState.update({ where: { serviceName: 'checkout' }, data: { watermark: at(minute) } })
  return evaluateAndSaveAlerts(['checkout'], { now: at(minute), annotate })
}

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE services, sync_state, span_rollups, alert_rules, alerts, alert_events, alert_evaluations CASCADE')
})

describe('evaluateAndSaveAlerts', () => {
  test('pending, firing after `for`, resolved and kept for 15 minutes, then gone; every transition in the history', async () => {
    const rule = await seed()
    const states: Record<number, string | undefined> = {}
    for (let minute = 14; minute <= 43; minute++) {
      await evaluateAt(minute)
      states[minute] = (await db.alert.findFirst({ where: { ruleId: rule.id } }))?.state
    }
    expect(states[15]).toBeUndefined() // at 10:15 the window [10:14, 10:15) is still fast
    expect([states[16], states[17], states[18], states[25]]).toEqual(['pending', 'pending', 'firing', 'firing'])
    expect([states[26], states[41]]).toEqual(['inactive', 'inactive'])
    expect(states[42]).toBeUndefined() // resolved at 10:26, kept 15 minutes

    const events = await db.alertEvent.findMany({ where: { ruleId: rule.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => [event.fromState, event.toState, event.at.getTime()])).toEqual([
      ['new', 'pending', at(16).getTime()],
      ['pending', 'firing', at(18).getTime()],
      ['firing', 'inactive', at(26).getTime()],
      ['inactive', 'deleted', at(42).getTime()],
    ])
    expect(events[0]!.labels).toEqual({
      alertname: 'CheckoutSlow',
      service: 'checkout',
      operation: 'POST /api/pay',
      span_kind: 'server',
      severity: 'critical',
    })
    expect(events[1]!.value).toBeGreaterThan(490)
  })

  test('an instant is evaluated once: again after a restart, or by two workers at once, it changes nothing', async () => {
    const rule = await seed()
    await evaluateAt(16)
    const again = await evaluateAt(16)
    expect(again.evaluated).toBe(0)

    await db.syncState.update({ where: { serviceName: 'checkout' }, data: { watermark: at(18) } })
    const both = await Promise.all([0, 1].map(() => evaluateAndSaveAlerts(['checkout'], { now: at(18), annotate })))
    expect(both.map((report) => report.transitions).sort()).toEqual([0, 1])
    const events = await db.alertEvent.findMany({ where: { ruleId: rule.id } })
    expect(events.map((event) => event.toState)).toEqual(['pending', 'firing'])
    const alert = await db.alert.findFirstOrThrow({ where: { ruleId: rule.id } })
    expect(alert).toMatchObject({ state: 'firing', firedAt: at(18), activeAt: at(16) })
    expect(alert.annotations).toEqual({ summary: expect.stringMatching(/^p95 is 50\d ms$/) }) // within the histogram's 1 %
  })

  test('annotations are rendered for the alerts a pass writes only; an ongoing alert keeps the ones it was stored with', async () => {
    const rule = await seed()
    const rendered: number[] = []
    const counting = (_rule: unknown, value: { value: number }) => {
      rendered.push(Math.round(value.value))
      return { summary: `p95 is ${Math.round(value.value)} ms` }
    }
    const evaluateCounting = async (minute: number) => {
      await db.syncState.update({ where: { serviceName: 'checkout' }, data: { watermark: at(minute) } })
      await evaluateAndSaveAlerts(['checkout'], { now: at(minute), annotate: counting })
      return (await db.alert.findFirst({ where: { ruleId: rule.id } }))?.annotations
    }
    expect(await evaluateCounting(15)).toBeUndefined() // nothing holds: nothing rendered
    expect(rendered).toEqual([])
    const pending = await evaluateCounting(16) // new → pending
    expect(rendered).toHaveLength(1)
    expect(await evaluateCounting(17)).toEqual(pending) // still pending: not written, not rendered
    expect(rendered).toHaveLength(1)
    expect(await evaluateCounting(18)).toEqual({ summary: expect.stringMatching(/^p95 is 50\d ms$/) }) // pending → firing
    expect(rendered).toHaveLength(2)
    await evaluateCounting(26) // firing → inactive: the condition no longer holds, the stored annotations stay
    expect(rendered).toHaveLength(2)
    expect((await db.alert.findFirstOrThrow({ where: { ruleId: rule.id } })).annotations).toEqual({ summary: `p95 is ${rendered[1]} ms` })
  })

  test('a rule row that no longer parses is counted and skipped, never evaluated half-read', async () => {
    const rule = await seed()
    await db.alertRule.update({ where: { id: rule.id }, data: { definition: { version: 1, rule: { name: 'CheckoutSlow' } } } })
    const report = await evaluateAt(16)
    expect(report).toMatchObject({ rules: 0, unreadableRules: 1, evaluated: 0 })
  })

  test('a fleet-wide burst (1,500 alerts at once) is saved in one pass', async () => {
    await db.service.create({ data: { name: 'checkout' } })
    await db.syncState.create({ data: { serviceName: 'checkout', watermark: at(1), backfillFrom: at(-60) } })
    await db.spanRollup.createMany({
      data: Array.from({ length: 1500 }, (_, index) =>
        minuteRows({ service: 'checkout', operation: `GET /api/item-${index}`, from: START, minutes: 1, latencyMs: () => 100 }),
      ).flat(),
    })
    const rule = await saveAlertRule(
      {
        name: 'AnyLatency',
        condition: { kind: 'latency_threshold', percentile: 'p50', aboveMs: 1 },
        selector: { service: 'checkout' },
        window: '1m',
      },
      { by: null },
    )
    const report = await evaluateAndSaveAlerts(['checkout'], { now: at(1), annotate })
    expect(report).toMatchObject({ transitions: 1500, firing: 1500 })
    expect(await db.alert.count({ where: { ruleId: rule.id, state: 'firing' } })).toBe(1500)
    expect(await db.alertEvent.count({ where: { ruleId: rule.id, toState: 'firing' } })).toBe(1500)
  })
})
