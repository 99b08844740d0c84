// The worker's stages after the sync, pass by pass, as lib/worker/stages.ts runs them (compaction
// service by service, then the latency judgement of every leased service in one pass), for 23 and 500
// services × 40 operations. Each fleet is seeded as the store stands at steady state (8 days of hour
// rows, the last 5 hours of minute rows), then timed: (a) the first pass, everything new; (b) steady
// passes, each after one new minute of every series, across the half hour (the heaviest minute: every
// 30-minute step's window and baseline move); (c) a pass with nothing new. Reference, measured in the
// same run on the same rollups: the judgement as it was before (lib/latency/testing), which read and
// judged every series of a service whenever its watermark moved.
import v8 from 'node:v8'
import vm from 'node:vm'
import pg from 'pg'
import type { JudgementPhases } from '@/lib/latency/latency-health-judge'
import type { BenchContext, BenchReport, Figure } from './figures'
import { seedRollupFleet } from './rollup-fleet'
import { median } from './timing'

const OPERATIONS = 40
const DAYS = 8 // the 7-day baseline window before a 4-hour lookback, from midnight
const MINUTE_HOURS = 5 // the lookback reads minutes: 4 h, from a half-hour boundary
const GENERATED_SERVICES = 23 // larger fleets repeat these services' rows
const STEADY_PASSES = 20
const FLEETS = [
  { services: 23, targetMs: 1_000 },
  { services: 500, targetMs: 10_000 },
] as const
const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

/** Heap in use once garbage is collected (twice: external memory is released a cycle late). */
async function retainedHeapMb(): Promise<number> {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  gc()
  await new Promise((resolve) => setTimeout(resolve, 50))
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

type Pass = { compactionMs: number; latencyMs: number; judged: number; kept: number; written: number; at: Date; phases: JudgementPhases }

export async function benchStages({ databaseUrl }: BenchContext): Promise<BenchReport> {
  const figures: Figure[] = []
  const notes: string[] = []
  for (const fleet of FLEETS) {
    const result = await benchFleet(databaseUrl, fleet.services, fleet.targetMs)
    figures.push(...result.figures)
    notes.push(...result.notes)
  }
  return {
    title: `Worker stages after the sync: compaction and latency judgement, ${FLEETS.map((fleet) => fleet.services).join(' and ')} services × ${OPERATIONS} operations`,
    figures,
    notes,
  }
}

async function benchFleet(databaseUrl: string, size: number, targetMs: number): Promise<{ figures: Figure[]; notes: string[] }> {
  const { db } = await import('@/lib/db/client')
  const { SyncLeases } = await import('@/lib/sync/leases')
  const { WorkerStages } = await import('@/lib/worker/stages')
  const { judgeInFull } = await import('@/lib/latency/testing/full-judgement-repository')
  const { listLatencyHealth } = await import('@/lib/latency/health-repository')
  await db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, latency_health, service_dependencies, sync_windows CASCADE',
  )
  const services = Array.from({ length: size }, (_, i) => `service-${String(i).padStart(3, '0')}`)
  await db.service.createMany({ data: services.map((name) => ({ name, team: 'bench' })) })
  // Seeded at 14 past an hour, so the steady passes cross the half hour (where an hour enters every
  // 30-minute-step series' baseline window) after as many passes as a worker has to prepare for it.
  let nowMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS + 14 * MINUTE_MS
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const seedStarted = performance.now()
  const seeded = await seedRollupFleet(client, {
    services,
    target: services[0]!,
    operations: OPERATIONS,
    days: DAYS,
    now: new Date(nowMs),
    minuteHours: MINUTE_HOURS,
    generatedServices: GENERATED_SERVICES,
  })
  const seedSeconds = (performance.now() - seedStarted) / 1000

  /** One new minute for every series (a copy of the one an hour before, so the slow operation stays slow), and the watermark past it. */
  const columnsOf = async (table: string) =>
    (
      await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    ).rows.map((row) => row.column_name)
  const copies = await Promise.all(
    ['span_rollups', 'service_rollups'].map(async (table) => {
      const columns = await columnsOf(table)
      const values = columns.map((column) => (column === 'bucket_start' ? '$1::timestamptz' : column))
      return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${table} WHERE resolution = 'minute' AND bucket_start = $1::timestamptz - interval '1 hour'`
    }),
  )
  const append = async () => {
    const minute = new Date(nowMs)
    await client.query('BEGIN')
    for (const copy of copies) await client.query(copy, [minute])
    await client.query(`UPDATE sync_state SET watermark = $1::timestamptz + interval '1 minute'`, [minute])
    await client.query('COMMIT')
    nowMs += MINUTE_MS
  }

  const leases = await SyncLeases.connect(databaseUrl)
  // A stage that fails is logged and retried by the worker; here it must not pass unnoticed.
  const failures: string[] = []
  const log = { info() {}, warn: (details: { err?: unknown }, message: string) => void failures.push(`${message}: ${String(details.err)}`) }
  const stages = new WorkerStages({
    leases,
    retention: { minuteUs: 48 * HOUR_MS * 1000, hourUs: 35 * 24 * HOUR_MS * 1000, dayUs: 400 * 24 * HOUR_MS * 1000 },
    log,
    everyMs: 0,
  })
  const pass = async (): Promise<Pass> => {
    const at = new Date(nowMs)
    const report = (await stages.afterRound({ now: at, shouldStop: () => false }))!
    if (failures.length) throw new Error(`a stage failed at ${at.toISOString()}: ${failures.join('; ')}`)
    return {
      compactionMs: report.stageMs.compaction,
      latencyMs: report.stageMs.latency,
      ...report.series,
      at,
      phases: report.latencyPhases,
    }
  }
  try {
    const heapBefore = await retainedHeapMb()
    const first = await pass()
    const steady: Pass[] = []
    for (let i = 0; i < STEADY_PASSES; i++) {
      await append()
      steady.push(await pass())
    }
    nowMs += MINUTE_MS
    const idle = await pass()
    const memoryMb = { heap: (await retainedHeapMb()) - heapBefore, rss: process.memoryUsage().rss / 2 ** 20 }

    // The reference, at one more minute: the incremental pass, then the full judgement of every
    // service at the same minute (which must store the same verdicts), then the full one with nothing new.
    await append()
    await pass()
    const incremental = await listLatencyHealth(services)
    let started = performance.now()
    for (const service of services) await judgeInFull(service, { now: new Date(nowMs), force: true })
    const fullMs = performance.now() - started
    const full = await listLatencyHealth(services)
    const key = (row: { service: string; operation: string; spanKind: string }) =>
      `${row.service}\u0000${row.operation}\u0000${row.spanKind}`
    const fullByKey = new Map(full.map((row) => [key(row), JSON.stringify(row)]))
    const identical = incremental.length === full.length && incremental.every((row) => fullByKey.get(key(row)) === JSON.stringify(row))
    started = performance.now()
    for (const service of services) await judgeInFull(service, { now: new Date(nowMs + MINUTE_MS) })
    const fullIdleMs = performance.now() - started
    const states = await db.latencyHealth.groupBy({ by: ['state'], _count: true })

    const label = `${size} × ${OPERATIONS}`
    const series = size * OPERATIONS + size
    const steadyLatency = steady.map((p) => p.latencyMs)
    const slowest = steady.reduce((a, b) => (b.latencyMs > a.latencyMs ? b : a))
    const againstFull = (name: string, ms: number, target?: number): Figure => ({
      name,
      value: ms,
      unit: 'ms',
      reference: { name: 'before: every series read and judged', value: fullMs, unit: 'ms' },
      ratio: ms / fullMs,
      ...(target === undefined ? {} : { target: `≤ ${target.toLocaleString('en')} ms`, met: ms <= target }),
    })
    const minuteOf = (date: Date) => `:${String(date.getUTCMinutes()).padStart(2, '0')}`
    return {
      figures: [
        againstFull(`judgement, first pass (everything new), ${label}`, first.latencyMs),
        againstFull(`judgement, steady pass (median of ${STEADY_PASSES}), ${label}`, median(steadyLatency), targetMs),
        againstFull(`judgement, steady pass (slowest, ${minuteOf(slowest.at)}), ${label}`, slowest.latencyMs, targetMs),
        {
          name: `judgement, nothing new, ${label}`,
          value: idle.latencyMs,
          unit: 'ms',
          reference: { name: 'before, nothing new', value: fullIdleMs, unit: 'ms' },
          ratio: idle.latencyMs / fullIdleMs,
        },
        { name: `compaction, first pass, ${label}`, value: first.compactionMs, unit: 'ms' },
        {
          name: `compaction, steady pass (median of ${STEADY_PASSES}), ${label}`,
          value: median(steady.map((p) => p.compactionMs)),
          unit: 'ms',
        },
        { name: `compaction, nothing new, ${label}`, value: idle.compactionMs, unit: 'ms' },
      ],
      notes: [
        `${label}: ${seeded.spanRows.toLocaleString('en')} span and ${seeded.serviceRows.toLocaleString('en')} service rollup rows (${DAYS} days of hours, ${MINUTE_HOURS} h of minutes; ${GENERATED_SERVICES} services drawn, the rest repeat them), seeded in ${seedSeconds.toFixed(0)} s; ${series.toLocaleString('en')} series`,
        `${label}, steady passes (${steady.map((p) => minuteOf(p.at)).join(' ')}): judgement ${steady.map((p) => Math.round(p.latencyMs)).join(' / ')} ms, compaction ${steady.map((p) => Math.round(p.compactionMs)).join(' / ')} ms; series judged again ${steady.map((p) => p.judged).join(' / ')}, kept ${steady.map((p) => p.kept).join(' / ')}, rows written ${steady.map((p) => p.written).join(' / ')} (the rest only stamped with the new judgedTo)`,
        `${label}, the slowest steady pass (${minuteOf(slowest.at)}) by phase: plan ${Math.round(slowest.phases.plan)} ms, read ${Math.round(slowest.phases.read)} ms, judge ${Math.round(slowest.phases.judge)} ms, save ${Math.round(slowest.phases.save)} ms, preparing next hour's baselines ${Math.round(slowest.phases.prepare)} ms; a median one: ${(() => {
          const typical = steady.toSorted((a, b) => a.latencyMs - b.latencyMs)[Math.floor(steady.length / 2)]!.phases
          return `plan ${Math.round(typical.plan)}, read ${Math.round(typical.read)}, judge ${Math.round(typical.judge)}, save ${Math.round(typical.save)}, prepare ${Math.round(typical.prepare)} ms`
        })()}`,
        `${label}: first pass judged ${first.judged} series and wrote ${first.written}; nothing new: ${idle.judged} judged; verdicts now ${states.map((group) => `${group._count} ${group.state.replace(/_/g, ' ')}`).join(', ')}`,
        `${label}: the incremental pass and the full judgement at the same minute stored ${identical ? 'identical verdicts' : 'DIFFERENT verdicts'} (${incremental.length} rows, every field)`,
        `${label}: the judgement keeps ≈ ${Math.round(memoryMb.heap)} MB of heap between passes (${Math.round((memoryMb.heap * 1024) / series)} KB a series); process RSS ${Math.round(memoryMb.rss)} MB`,
      ],
    }
  } finally {
    await leases.close()
    await client.end()
  }
}
