// The worker's alert stage against a real Postgres: one operation turns slow for ten minutes; the stage
// runs once a minute as the service's watermark advances. States follow Prometheus (pending, firing
// after `for`, resolved and kept, then deleted), rows change on transitions only, history is kept, and an
// instant evaluated twice (a restart, two workers at once) changes nothing the second time.
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { minuteRows } from './testing/minute-rows'

await createScratchDatabase()
const { db, Prisma } = await import('@/lib/db/client')
const { evaluateAndSaveAlerts } = await import('./alert-evaluator')
const { saveAlertRule } = await import('./rules-repository')
const { annotateAlert } = await import('./annotate-alert')

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
  await db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, span_rollups, deployments, alert_rules, alerts, alert_events, alert_evaluations CASCADE',
  )
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

// A deployment of checkout in progress, judged by lib/canary's stage (written here as that stage writes it).
describe('canary_regression rules', () => {
  const judgement = (verdict: 'pass' | 'fail') => ({
    verdict,
    score: verdict === 'fail' ? 40 : 100,
    metrics: [
      { metric: 'p95', result: verdict, reason: 'p95 is 31 % higher on the canary (182 ms vs 139 ms)' },
      { metric: 'error_rate', result: verdict, reason: 'error rate is 2.1 points higher on the canary (2.6 % vs 0.5 %)' },
      { metric: 'p50', result: 'pass', reason: 'p50 is within bounds' },
    ],
    reasons:
      verdict === 'fail'
        ? ['p95 is 31 % higher on the canary (182 ms vs 139 ms)', 'error rate is 2.1 points higher on the canary (2.6 % vs 0.5 %)']
        : ['All 5 metrics are within bounds'],
    canary: { version: '2.4.0', requests: 900 },
    baseline: { version: '2.3.1', requests: 8100 },
  })

  async function seedDeployment(rule: { for?: string } = {}) {
    await db.service.create({ data: { name: 'checkout' } })
    await db.syncState.create({ data: { serviceName: 'checkout', watermark: at(0), backfillFrom: at(-60) } })
    const deployment = await db.deployment.create({
      data: {
        service: 'checkout',
        version: '2.4.0',
        baselineVersion: '2.3.1',
        status: 'in_progress',
        firstSeenAt: at(-10),
        canaryShare: 0.1,
        verdict: 'fail',
        judgement: judgement('fail'),
        judgedAt: at(0),
      },
    })
    const saved = await saveAlertRule(
      { name: 'CanaryFails', condition: { kind: 'canary_regression' }, selector: { service: 'check*' }, severity: 'critical', ...rule },
      { by: null },
    )
    return { deployment, rule: saved }
  }

  const evaluateCanaryAt = async (minute: number) => {
    await db.syncState.update({ where: { serviceName: 'checkout' }, data: { watermark: at(minute) } })
    return evaluateAndSaveAlerts(['checkout'], { now: at(minute), annotate: annotateAlert })
  }

  test('fires while the verdict is fail, labelled with the versions and linked to the deployment; resolves when it passes', async () => {
    const { deployment, rule } = await seedDeployment()
    const report = await evaluateCanaryAt(1)
    expect(report).toMatchObject({ rules: 1, firing: 1, transitions: 1 })
    const firing = await db.alert.findFirstOrThrow({ where: { ruleId: rule.id } })
    expect(firing).toMatchObject({ service: 'checkout', state: 'firing', value: 2, firedAt: at(1) })
    expect(firing.labels).toEqual({
      alertname: 'CanaryFails',
      service: 'checkout',
      version: '2.4.0',
      baseline_version: '2.3.1',
      severity: 'critical',
    })
    expect(firing.annotations).toEqual({
      summary: 'checkout 2.4.0 fails its canary: p95 is 31 % higher on the canary (182 ms vs 139 ms)',
      deployment_url: `/deployments/${deployment.id}`,
    })

    expect(await evaluateCanaryAt(2)).toMatchObject({ firing: 1, transitions: 0 }) // still failing: nothing written
    await db.deployment.update({ where: { id: deployment.id }, data: { verdict: 'pass', judgement: judgement('pass'), judgedAt: at(3) } })
    expect(await evaluateCanaryAt(3)).toMatchObject({ firing: 0, transitions: 1 })
    expect(await db.alert.findFirstOrThrow({ where: { ruleId: rule.id } })).toMatchObject({ state: 'inactive', resolvedAt: at(3) })
    const events = await db.alertEvent.findMany({ where: { ruleId: rule.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => [event.fromState, event.toState, event.at.getTime()])).toEqual([
      ['new', 'firing', at(1).getTime()],
      ['firing', 'inactive', at(3).getTime()],
    ])
  })

  test('waits `for` before firing, and resolves when the deployment is rolled back', async () => {
    const { deployment, rule } = await seedDeployment({ for: '2m' })
    const stateAt = async (minute: number) => {
      await evaluateCanaryAt(minute)
      return (await db.alert.findFirst({ where: { ruleId: rule.id } }))?.state
    }
    expect([await stateAt(1), await stateAt(2), await stateAt(3)]).toEqual(['pending', 'pending', 'firing'])
    await db.deployment.update({ where: { id: deployment.id }, data: { status: 'rolled_back', endedAt: at(4) } })
    expect(await stateAt(4)).toBe('inactive') // still judged fail, but no longer in progress
    expect(await db.alert.findFirstOrThrow({ where: { ruleId: rule.id } })).toMatchObject({ resolvedAt: at(4) })
  })

  test('a deployment not judged yet, or without enough data, raises nothing', async () => {
    const { deployment, rule } = await seedDeployment()
    await db.deployment.update({ where: { id: deployment.id }, data: { verdict: 'not_enough_data' } })
    expect(await evaluateCanaryAt(1)).toMatchObject({ firing: 0, transitions: 0 })
    await db.deployment.update({ where: { id: deployment.id }, data: { verdict: null, judgement: Prisma.DbNull } })
    expect(await evaluateCanaryAt(2)).toMatchObject({ firing: 0, transitions: 0 })
    expect(await db.alert.count({ where: { ruleId: rule.id } })).toBe(0)
  })
})
