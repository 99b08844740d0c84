// The SLO stage against a real Postgres, over minute rollups as the sync writes them: the latency SLI read
// from the merged histograms against an exact count over the raw durations (within the bound stated in
// histogram-sli.ts), the budget a correction gives back, and a page-tier burn-rate alert fired through the
// alert state machine, once however often the stage runs at one instant.
import { beforeEach, describe, expect, test } from 'vitest'
import { histogramOf } from '@/lib/metrics/histogram'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { runSloStage } = await import('./slo-stage')
const { saveSlo } = await import('./slos-repository')
const { addCorrection } = await import('./corrections-repository')

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const NOW = Date.UTC(2026, 11, 6, 12, 0)
const START = NOW - 6 * HOUR
const annotate = () => ({ summary: 'burning' })
const run = () => runSloStage({ now: new Date(NOW), minuteRetentionMs: 48 * HOUR, annotate })

/** Six hours of minute rows of `POST /pay`, 40 spans a minute; returns every raw duration (µs) and error flag. */
async function seed({ errorsFrom = Infinity, errorShare = 0 }: { errorsFrom?: number; errorShare?: number } = {}) {
  await db.service.create({ data: { name: 'payments' } })
  await db.syncState.create({ data: { serviceName: 'payments', watermark: new Date(NOW), backfillFrom: new Date(START) } })
  const random = uniformSource(7)
  const raw: { us: number; error: boolean }[] = []
  const rows = Array.from({ length: 360 }, (_, index) => {
    const at = START + index * MINUTE
    // Log-uniform between 50 ms and 1.5 s: plenty of spans near a 300 ms threshold.
    const durations = Array.from({ length: 40 }, () => Math.round(50_000 * Math.pow(30, random())))
    const errors = at >= errorsFrom ? Math.round(40 * errorShare) : 0
    durations.forEach((us, span) => raw.push({ us, error: span < errors }))
    return {
      service: 'payments',
      resolution: 'minute' as const,
      bucketStart: new Date(at),
      operation: 'POST /pay',
      spanKind: 'server',
      spanCount: 40,
      errorCount: errors,
      estimatedSpanCount: 40,
      estimatedErrorCount: errors,
      durationSumUs: durations.reduce((sum, us) => sum + us, 0),
      durationMaxUs: Math.max(...durations),
      histogram: Buffer.from(histogramOf(durations).encode()),
    }
  })
  await db.spanRollup.createMany({ data: rows })
  return raw
}

const statusOf = async (id: string) =>
  (await db.sloState.findUniqueOrThrow({ where: { sloId: id } })).status as never as import('./slo-status').SloStatus

beforeEach(async () => {
  await db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, slos, alert_rules, alerts, alert_events, alert_evaluations CASCADE',
  )
})

describe('runSloStage', () => {
  test('a latency SLI from histograms is within the stated bound of the exact count over raw durations', async () => {
    const raw = await seed()
    const slo = await saveSlo(
      { name: 'pay-latency', service: 'payments', operation: 'POST /pay', sli: { kind: 'latency', thresholdMs: 300 }, objective: 0.9 },
      { by: null },
    )
    await run()
    const status = await statusOf(slo.id)
    const exactGood = raw.filter((span) => span.us <= 300_000).length
    // The histogram counts the threshold's whole bucket: at most the spans up to 1.0202 × 300 ms.
    const bucketGood = raw.filter((span) => span.us <= 300_000 * 1.0202).length
    expect(status.totals.total).toBe(raw.length)
    expect(status.totals.good).toBeGreaterThanOrEqual(exactGood)
    expect(status.totals.good).toBeLessThanOrEqual(bucketGood)
    const exactSli = exactGood / raw.length
    expect(Math.abs(status.budget.sli! - exactSli)).toBeLessThanOrEqual((bucketGood - exactGood) / raw.length)
    // Six closed hours stored; the budget's sums agree with the rows.
    expect(await db.sloBucket.count({ where: { sloId: slo.id } })).toBeGreaterThanOrEqual(6)
  })

  test('a page-tier burn-rate alert fires when errors burn the budget fast, once per instant, and a correction gives the budget back', async () => {
    // Half the requests fail over the last 20 minutes: a 99.9 % SLO burns at 500×.
    await seed({ errorsFrom: NOW - 20 * MINUTE, errorShare: 0.5 })
    const slo = await saveSlo(
      { name: 'pay-availability', service: 'payments', operation: 'POST /pay', sli: { kind: 'availability' }, objective: 0.999 },
      { by: null },
    )
    const first = await run()
    expect(first.statuses).toBe(1)
    const status = await statusOf(slo.id)
    const pageFast = status.tiers.find((tier) => tier.tier === 'page_fast')!
    expect(pageFast.longBurn).toBeCloseTo(400 / 2400 / 0.001, 6)
    expect(pageFast.holds).toBe(true)
    expect(status.budget.remaining).toBeLessThan(0)

    const rule = await db.alertRule.findFirstOrThrow({ where: { name: 'pay-availability-page-fast' } })
    const alert = await db.alert.findFirstOrThrow({ where: { ruleId: rule.id } })
    expect(alert.state).toBe('firing')
    expect(alert.labels).toMatchObject({
      alertname: 'pay-availability-page-fast',
      slo: 'pay-availability',
      severity: 'critical',
      service: 'payments',
    })

    // The same instant again (a second worker, a restart): nothing changes.
    const events = await db.alertEvent.count()
    expect((await run()).transitions).toBe(0)
    expect(await db.alertEvent.count()).toBe(events)

    // The burning 20 minutes were planned maintenance: corrected away, the budget is whole again.
    await addCorrection(
      slo.id,
      { startsAt: new Date(NOW - 30 * MINUTE), endsAt: new Date(NOW), reason: 'payment provider maintenance' },
      { by: null, author: 'sre@example.com' },
    )
    await run()
    const corrected = await statusOf(slo.id)
    expect(corrected.budget.remaining).toBe(1)
    expect(corrected.correctedMinutes).toBe(30)
    expect(corrected.totals.total).toBe(40 * 330)
  })

  test('a composite SLO weighs its members’ events', async () => {
    await seed({ errorsFrom: NOW - 60 * MINUTE, errorShare: 0.25 })
    await saveSlo(
      { name: 'pay-availability', service: 'payments', operation: 'POST /pay', sli: { kind: 'availability' }, objective: 0.99 },
      { by: null },
    )
    await saveSlo(
      { name: 'pay-latency', service: 'payments', operation: 'POST /pay', sli: { kind: 'latency', thresholdMs: 100_000 }, objective: 0.99 },
      { by: null },
    )
    const journey = await saveSlo(
      {
        name: 'checkout-journey',
        sli: {
          kind: 'composite',
          members: [
            { slo: 'pay-availability', weight: 3 },
            { slo: 'pay-latency', weight: 1 },
          ],
        },
        objective: 0.99,
      },
      { by: null },
    )
    await run()
    const status = await statusOf(journey.id)
    // Availability: 600 of 14,400 failed; latency: all good. Weighted 3:1.
    expect(status.totals.total).toBe(4 * 14_400)
    expect(status.totals.good).toBe(3 * (14_400 - 600) + 14_400)
  })
})
