// Canary verdicts (issue 14): the verdict API's server time for one deployment over its last hour, on a
// store of 23 services with a day of per-version minute rows each (single-version: no second histogram)
// and one service mid-deployment — canary and baseline, each with its own histogram, for an hour.
// Reference, measured in the same run: the deployment's version rows read alone.
import pg from 'pg'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'
import type { BenchContext, BenchReport } from './figures'
import { DatabaseClock } from './timing'

const SERVICES = 23
const DAY_MINUTES = 24 * 60
const CANARY_MINUTES = 60
const RUNS = 20

function histogramOf(random: () => number, count: number, medianUs: number): Uint8Array {
  const histogram = new LatencyHistogram()
  for (let i = 0; i < count; i++) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
    histogram.add(Math.round(medianUs * Math.exp(0.5 * normal)))
  }
  return histogram.encode()
}

export async function benchCanary({ databaseUrl }: BenchContext): Promise<BenchReport> {
  const { db } = await import('@/lib/db/client')
  const { judgeVersion } = await import('@/lib/canary/version-verdict')
  const { listVersionBuckets, versionReadPlan } = await import('@/lib/canary/deployments-repository')
  const { runCanaryStage } = await import('@/lib/canary/canary-stage')

  await db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, version_rollups, version_operation_rollups, service_versions, deployments CASCADE',
  )
  const nowMs = Math.floor(Date.now() / 60_000) * 60_000
  const services = Array.from({ length: SERVICES }, (_, i) => `service-${String(i).padStart(2, '0')}`)
  const target = services[0]!
  await db.service.createMany({ data: services.map((name) => ({ name, team: 'bench' })) })
  await db.syncState.createMany({
    data: services.map((serviceName) => ({
      serviceName,
      watermark: new Date(nowMs),
      backfillFrom: new Date(nowMs - DAY_MINUTES * 60_000),
    })),
  })
  const random = uniformSource(14)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    for (const service of services) {
      const rows: unknown[][] = []
      for (let m = DAY_MINUTES; m > 0; m--) {
        const bucket = new Date(nowMs - m * 60_000)
        const deploying = service === target && m <= CANARY_MINUTES
        if (!deploying) rows.push([service, bucket, '1.0.0', 900, 600, 6, null])
        else {
          rows.push([service, bucket, '1.0.0', 700, 450, 5, Buffer.from(histogramOf(random, 450, 40_000))])
          rows.push([service, bucket, '1.1.0', 200, 150, 4, Buffer.from(histogramOf(random, 150, 52_000))])
        }
      }
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500)
        const values = chunk.map(
          (_, j) =>
            `($${j * 7 + 1}, 'minute', $${j * 7 + 2}, $${j * 7 + 3}, $${j * 7 + 4}::int, $${j * 7 + 5}::int, $${j * 7 + 6}::int, $${j * 7 + 5}::int, $${j * 7 + 6}::int, 0, 0, $${j * 7 + 7})`,
        )
        await client.query(
          `INSERT INTO version_rollups (service, resolution, bucket_start, version, spans, entry_spans, entry_errors, entry_estimated_spans, entry_estimated_errors, entry_duration_sum_us, entry_duration_max_us, entry_histogram) VALUES ${values.join(', ')}`,
          chunk.flat(),
        )
      }
      await client.query(
        `INSERT INTO service_versions (service, version, first_seen, last_seen, spans) VALUES ($1, '1.0.0', $2, $3, 1000000)`,
        [service, new Date(nowMs - DAY_MINUTES * 60_000), new Date(nowMs - 60_000)],
      )
    }
    await client.query(
      `INSERT INTO service_versions (service, version, first_seen, last_seen, spans) VALUES ($1, '1.1.0', $2, $3, 12000)`,
      [target, new Date(nowMs - CANARY_MINUTES * 60_000), new Date(nowMs - 60_000)],
    )
    await client.query('ANALYZE version_rollups')
  } finally {
    await client.end()
  }
  await runCanaryStage([target], { now: new Date(nowMs) })

  const clock = new DatabaseClock()
  clock.install()
  let answer = await judgeVersion(target, '1.1.0')
  const verdict = await clock.measure(RUNS, async () => {
    answer = await judgeVersion(target, '1.1.0')
  })
  const read = await clock.measure(RUNS, async () => {
    const plan = await versionReadPlan(target, nowMs - 3 * CANARY_MINUTES * 60_000, nowMs, new Date(nowMs))
    await listVersionBuckets(target, ['1.1.0', '1.0.0'], plan)
  })
  const stage = await clock.measure(5, () => runCanaryStage(services, { now: new Date(nowMs) }))
  clock.uninstall()
  const rows = await db.versionRollup.count()

  return {
    title: `Canary: the verdict of one deployment over ${CANARY_MINUTES} minutes (${SERVICES} services, a day of version rows each)`,
    figures: [
      {
        name: 'verdict API, server time',
        value: verdict.wallMs,
        unit: 'ms',
        reference: { name: 'its version rows read alone', value: read.wallMs, unit: 'ms' },
        ratio: verdict.wallMs / read.wallMs,
        target: '≤ 50 ms',
        met: verdict.wallMs <= 50,
      },
      { name: '  of which waiting on Postgres', value: verdict.dbShare * 100, unit: '%' },
      { name: 'canary stage pass, 23 services', value: stage.wallMs, unit: 'ms' },
    ],
    notes: [
      `${rows.toLocaleString('en')} version rows; the verdict: ${answer.verdict} (score ${answer.score}), ${answer.window.minutes} minutes judged; median of ${RUNS} warm runs`,
    ],
  }
}
