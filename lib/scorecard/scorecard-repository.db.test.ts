// Each scorecard figure equals an independent SQL query over the same data: four inventory services
// (one retired, one never traced), day and minute rollups, overhead measurements (a later one
// replacing an earlier), and incidents before and after each service's go-live.
import { describe, expect, test } from 'vitest'
import { qualityRow } from '@/lib/rollout/testing/quality-row'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { getScorecard } = await import('./scorecard-repository')
const { ensureDefaultTargets } = await import('@/lib/targets/repository')

const DAY_MS = 86_400_000
const TODAY = '2026-12-06'
const NOW = new Date(`${TODAY}T09:30:00Z`)
const dayStart = (daysAgo: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * DAY_MS)
const minutes = (n: number) => n * 60_000

const rollup = (service: string, bucketStart: Date, resolution: 'day' | 'minute', traces: number, complete: number) =>
  qualityRow({ service, resolution, bucketStart, traces, complete, skewedSpans: 1 })

async function seed() {
  await ensureDefaultTargets({ dueDate: new Date(`${TODAY}T00:00:00Z`) })
  await db.service.createMany({
    data: [
      { name: 'auth-service', rolloutWave: 1, goLiveAt: dayStart(20) },
      { name: 'fraud-detection', rolloutWave: 1, goLiveAt: dayStart(10) },
      { name: 'loan-service', rolloutWave: 2 }, // planned, never traced
      { name: 'legacy-service', rolloutWave: 2, goLiveAt: dayStart(30), retiredAt: dayStart(2) },
      { name: 'stray-service', origin: 'discovered', goLiveAt: dayStart(5) },
    ],
  })
  const names = ['auth-service', 'fraud-detection', 'loan-service', 'legacy-service', 'stray-service']
  await db.syncState.createMany({
    data: names.map((serviceName) => ({
      serviceName,
      watermark: NOW,
      backfillFrom: dayStart(40),
      hoursCompactedTo: dayStart(0),
      daysCompactedTo: dayStart(0),
    })),
  })
  const rows = []
  for (let daysAgo = 1; daysAgo <= 12; daysAgo++) {
    rows.push(rollup('auth-service', dayStart(daysAgo), 'day', 10_000, 9_990))
    rows.push(rollup('legacy-service', dayStart(daysAgo), 'day', 500, 100))
    rows.push(rollup('stray-service', dayStart(daysAgo), 'day', 700, 200))
    if (daysAgo <= 10) rows.push(rollup('fraud-detection', dayStart(daysAgo), 'day', 2_000, 1_950))
  }
  rows.push(rollup('auth-service', new Date(NOW.getTime() - minutes(30)), 'minute', 40, 40))
  await db.serviceRollup.createMany({ data: rows })

  const measurement = (service: string, overheadMs: number, daysAgo: number) => ({
    service,
    p50OnMs: 10 + overheadMs,
    p50OffMs: 10,
    p95OnMs: 30,
    p95OffMs: 28,
    samplesOn: 1000,
    samplesOff: 1000,
    overheadMs,
    method: 'load_test' as const,
    environment: 'staging',
    measuredAt: dayStart(daysAgo),
    source: 'api',
  })
  await db.overheadMeasurement.createMany({
    data: [
      measurement('auth-service', 7.5, 9),
      measurement('auth-service', 3.25, 2),
      measurement('fraud-detection', 4.5, 3),
      measurement('legacy-service', 1, 3),
    ],
  })

  // Before go-live: 60-minute-ish incidents; after: 20-minute-ish ones.
  const incidents = []
  for (let i = 0; i < 7; i++) {
    const start = new Date(dayStart(30).getTime() + i * DAY_MS)
    incidents.push({
      source: 'csv',
      externalId: `before-${i}`,
      services: ['auth-service'],
      startedAt: start,
      resolvedAt: new Date(start.getTime() + minutes(50 + i * 5)),
    })
  }
  for (let i = 0; i < 6; i++) {
    const start = new Date(dayStart(9).getTime() + i * DAY_MS)
    incidents.push({
      source: 'csv',
      externalId: `after-${i}`,
      services: ['auth-service', 'fraud-detection'],
      startedAt: start,
      resolvedAt: new Date(start.getTime() + minutes(15 + i * 3)),
    })
  }
  incidents.push({ source: 'csv', externalId: 'elsewhere', services: ['payroll'], startedAt: dayStart(4), resolvedAt: dayStart(3) })
  await db.incident.createMany({ data: incidents })
}

/** The one row a query returns. */
const one = async <T>(sql: string, ...values: unknown[]) => (await db.$queryRawUnsafe<T[]>(sql, ...values))[0]!

const INVENTORY = `SELECT name FROM services WHERE origin = 'inventory' AND retired_at IS NULL`

describe('getScorecard', () => {
  test('every figure is what an independent query over the same rows says', async () => {
    await seed()
    const card = await getScorecard({ now: NOW })
    const figure = (key: string) => card.figures.find((candidate) => candidate.target.key === key)!

    const { traced } = await one<{ traced: bigint }>(
      `SELECT count(DISTINCT service) AS traced FROM service_rollups WHERE service IN (${INVENTORY}) AND spans > 0 AND bucket_start >= $1`,
      new Date(NOW.getTime() - DAY_MS),
    )
    expect(figure('services_traced').current).toBe(Number(traced))
    expect(figure('services_traced').current).toBe(1) // auth-service's minute row; yesterday's day rows start 33.5 h ago

    const { overhead } = await one<{ overhead: number }>(
      `WITH traced AS (SELECT DISTINCT service FROM service_rollups WHERE service IN (${INVENTORY}) AND spans > 0 AND bucket_start >= $1),
            latest AS (SELECT DISTINCT ON (service) service, overhead_ms FROM overhead_measurements ORDER BY service, measured_at DESC)
       SELECT avg(overhead_ms) AS overhead FROM latest WHERE service IN (SELECT service FROM traced)`,
      new Date(NOW.getTime() - DAY_MS),
    )
    expect(figure('tracing_overhead').current).toBeCloseTo(overhead, 10)
    expect(figure('tracing_overhead').current).toBe(3.25)

    const { reliability } = await one<{ reliability: number }>(
      `SELECT sum(root_traces_complete)::float8 / sum(root_traces) AS reliability FROM service_rollups
       WHERE service IN (${INVENTORY}) AND bucket_start >= $1`,
      dayStart(6),
    )
    expect(figure('trace_reliability').current).toBeCloseTo(reliability, 12)

    const { before, after } = await one<{ before: number; after: number }>(
      `WITH timed AS (
         SELECT extract(epoch FROM resolved_at - started_at) * 1000 AS ms,
                started_at >= (SELECT min(go_live_at) FROM services s WHERE s.name = ANY(i.services) AND s.origin = 'inventory') AS after
         FROM incidents i WHERE EXISTS (SELECT 1 FROM services s WHERE s.name = ANY(i.services) AND s.origin = 'inventory') AND resolved_at IS NOT NULL)
       SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE NOT after) AS before,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE after) AS after FROM timed`,
    )
    expect(figure('debugging_time').current).toBeCloseTo(1 - after / before, 12)
    expect(figure('debugging_time').detail).toMatchObject({ report: { before: { resolved: 7 }, after: { resolved: 6 } } })
  })

  test('it says what it left out, and judges each against the due date', async () => {
    const card = await getScorecard({ now: NOW })
    const figure = (key: string) => card.figures.find((candidate) => candidate.target.key === key)!
    expect(figure('services_traced').detail).toEqual({
      key: 'services_traced',
      traced: 1,
      inventory: 3,
      untraced: ['fraud-detection', 'loan-service'],
    })
    expect(figure('tracing_overhead').detail).toEqual({ key: 'tracing_overhead', measured: 1, traced: 1, unmeasured: [] })
    // Due today and 1 of 23 services traced: not met, not yet missed, far behind the plan line.
    expect(figure('services_traced').judgement.status).toBe('at_risk')
    expect(figure('tracing_overhead').judgement.status).toBe('met')
    expect(figure('services_traced').trend.at(-2)).toEqual({ day: '2026-12-05', value: 2 })
    expect(card.figures.map((candidate) => candidate.href)).toEqual(['/rollout', '/rollout/overhead', '/rollout/reliability', '/incidents'])
  })
})
