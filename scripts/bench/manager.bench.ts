// The manager's pages (issue 11): the server time of the scorecard (front page) and the rollout board
// with 30 days of data, at 23 services and at 500 (generated inventory and rollups), with the share
// spent waiting on Postgres. Reference, measured in the same run on the same rows: the rollups those
// pages aggregate, read by one plain SQL query (the floor any page over them pays).
import pg from 'pg'
import type { BenchContext, BenchReport, Figure } from './figures'
import { seedRollupFleet } from './rollup-fleet'
import { DatabaseClock } from './timing'

const DAYS = 30
const RUNS = 9
const FLEETS = [
  { services: 23, operations: 40, targetMs: 100 },
  // The pages read service rows and one verdict row per operation; 500 × 40 span rows (17 M) add
  // seeding time, not page time, so the large fleet keeps 8 operations a service.
  { services: 500, operations: 8, targetMs: 300 },
] as const
const DAY_MS = 86_400_000

export async function benchManagerPages({ databaseUrl }: BenchContext): Promise<BenchReport> {
  const figures: Figure[] = []
  const notes: string[] = []
  for (const fleet of FLEETS) {
    const result = await benchFleet(databaseUrl, fleet)
    figures.push(...result.figures)
    notes.push(...result.notes)
  }
  return {
    title: `Manager pages over ${DAYS} days: scorecard and rollout board, ${FLEETS.map((f) => f.services).join(' and ')} services`,
    figures,
    notes,
  }
}

async function benchFleet(databaseUrl: string, { services: size, operations, targetMs }: (typeof FLEETS)[number]) {
  const { db } = await import('@/lib/db/client')
  const { getScorecard } = await import('@/lib/scorecard/scorecard-repository')
  const { getRolloutBoard } = await import('@/lib/rollout/board-repository')
  const { judgeAndSaveRolloutStates } = await import('@/lib/rollout/rollout-state-repository')
  const { LatencyHealthJudge } = await import('@/lib/latency/latency-health-judge')
  const { ensureDefaultTargets } = await import('@/lib/targets/repository')
  await db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, latency_health, service_dependencies, sync_windows, rollout_states, rollout_overrides, rollout_settings, overhead_measurements, incidents CASCADE',
  )
  const now = new Date()
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const services = Array.from({ length: size }, (_, i) => `service-${String(i).padStart(3, '0')}`)
  // Waves of a fifth of the fleet each, planned a week apart; the last wave due in 3 days.
  await db.service.createMany({
    data: services.map((name, i) => ({
      name,
      team: `team-${i % 12}`,
      owner: `owner-${i % 12}@example.com`,
      tier: 1 + (i % 3),
      rolloutWave: Math.floor((i * 5) / size),
      plannedDate: new Date(today - (4 - Math.floor((i * 5) / size)) * 7 * DAY_MS + 3 * DAY_MS),
      expectedOperations: ['GET /api/accounts/{id}', 'POST /api/payments'],
    })),
  })
  await ensureDefaultTargets({ dueDate: new Date(today + 3 * DAY_MS), servicesGoal: size })
  await db.rolloutSettings.create({ data: { id: 1, startDate: new Date(today - DAYS * DAY_MS) } })
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const seedStarted = performance.now()
  const seeded = await seedRollupFleet(client, {
    services,
    target: services[0]!,
    operations,
    days: DAYS,
    now,
    generatedServices: Math.min(size, 23),
  }).finally(() => client.end())
  // Three measurements a service, incidents before and after go-live, statuses and verdicts as the worker leaves them.
  await db.overheadMeasurement.createMany({
    data: services.flatMap((service, i) =>
      [21, 12, 3].map((daysAgo, k) => ({
        service,
        p50OnMs: 12 + (i % 5) + k,
        p50OffMs: 10,
        p95OnMs: 40,
        p95OffMs: 36,
        samplesOn: 5000,
        samplesOff: 5000,
        overheadMs: 2 + (i % 5) + k * 0.1,
        method: 'load_test' as const,
        environment: 'staging',
        measuredAt: new Date(now.getTime() - daysAgo * DAY_MS),
        source: 'api',
      })),
    ),
  })
  await db.incident.createMany({
    data: Array.from({ length: Math.max(100, size) }, (_, i) => {
      const startedAt = new Date(now.getTime() - (1 + (i % 45)) * DAY_MS)
      return {
        source: 'bench',
        externalId: `incident-${i}`,
        services: [services[i % size]!],
        startedAt,
        resolvedAt: new Date(startedAt.getTime() + (20 + (i % 7) * 15) * 60_000),
      }
    }),
  })
  await judgeAndSaveRolloutStates(services, { now })
  await new LatencyHealthJudge().judgeAndSave(services, { now })
  const seedSeconds = (performance.now() - seedStarted) / 1000

  const clock = new DatabaseClock()
  clock.install()
  let card = await getScorecard({ now })
  let board = await getRolloutBoard({ now })
  const scorecard = await clock.measure(RUNS, async () => (card = await getScorecard({ now })))
  const rollout = await clock.measure(RUNS, async () => (board = await getRolloutBoard({ now })))
  const plain = await clock.measure(
    RUNS,
    () =>
      db.$queryRaw`SELECT service, date_trunc('day', bucket_start) AS day, sum(spans), sum(root_traces), sum(root_traces_complete)
      FROM service_rollups WHERE bucket_start >= ${new Date(today - DAYS * DAY_MS)} GROUP BY 1, 2`,
  )
  clock.uninstall()

  const label = `${size} services`
  const page = (name: string, figure: { wallMs: number; dbShare: number }): Figure[] => [
    {
      name: `${name}, ${label}`,
      value: figure.wallMs,
      unit: 'ms',
      reference: { name: 'the rollups by plain SQL', value: plain.wallMs, unit: 'ms' },
      ratio: figure.wallMs / plain.wallMs,
      target: `≤ ${targetMs} ms`,
      met: figure.wallMs <= targetMs,
    },
    { name: '  of which waiting on Postgres', value: figure.dbShare * 100, unit: '%' },
  ]
  const value = (key: string) => card.figures.find((figure) => figure.target.key === key)
  return {
    figures: [...page('scorecard (front page) server time', scorecard), ...page('rollout board server time', rollout)],
    notes: [
      `${label}: ${seeded.serviceRows.toLocaleString('en')} service and ${seeded.spanRows.toLocaleString('en')} span rollup rows over ${DAYS} days, ${size * 3} measurements, ${Math.max(100, size)} incidents; seeded and judged in ${seedSeconds.toFixed(0)} s`,
      `${label}: median of ${RUNS} warm runs; the scorecard read ${card.figures.length} targets (traced ${value('services_traced')?.current ?? '—'}, overhead ${value('tracing_overhead')?.current?.toFixed(2) ?? '—'} ms), the board ${board.services.length} services`,
    ],
  }
}
