// The latency pages' reads: the services list, one service, one operation — from rollups, the
// worker's stored verdicts and the sync state. Never a call to Jaeger.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import { computeLatencyDistribution } from '@/lib/metrics/latency-distribution'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { computeSeries, sumQualityTotals, summarizeRows } from '@/lib/metrics/series'
import { listOperationRows, listOperationStats, listServiceStats } from './series-repository'
import { getSyncStatus } from '@/lib/sync/sync-status-repository'
import type { SyncStatus } from '@/lib/sync/sync-status'
import { resolveTimeRange, type TimeRange, type TimeRangeParams } from '@/lib/time-range/time-range'
import { listLatencyHealth } from './health-repository'
import { DEFAULT_BASELINE_WINDOW_DAYS } from './plan-judgement-passes'
import { SERVICE_LEVEL } from './stored-verdicts-repository'
import type { LatencyHealth } from './judge-latency'
import {
  computeBandSeries,
  computeCoverage,
  computeLatencySummary,
  computeQuality,
  computeServiceStatus,
  computeSlowness,
  computeVerdict,
  sparklineRange,
} from './latency-view'
import type { BaselineWindowInput, OperationView, ServicesView, ServiceView } from './schemas'
import { toMicros } from '@/lib/time/micros'
import { operationKey } from '@/lib/metrics/operation-key'

const lengthOf = (range: TimeRange) => range.endUs - range.startUs
/** Verdicts describe "now": their band is the one in force at the end of the range (or now, if earlier). */
const verdictTimeUs = (range: TimeRange, now: Date) => Math.min(range.endUs, toMicros(now))

function syncOf(status: SyncStatus | undefined) {
  return {
    health: status?.health ?? 'not-in-jaeger',
    dataAsOfUs: status?.dataAsOf ? Date.parse(status.dataAsOf) * 1000 : null,
    lastError: status?.lastError ?? null,
  }
}

function groupHealth(rows: readonly LatencyHealth[]) {
  const byService = new Map<string, { own?: LatencyHealth; operations: Map<string, LatencyHealth> }>()
  for (const row of rows) {
    let entry = byService.get(row.service)
    if (!entry) byService.set(row.service, (entry = { operations: new Map() }))
    if (row.operation === SERVICE_LEVEL.operation && row.spanKind === SERVICE_LEVEL.spanKind) entry.own = row
    else entry.operations.set(operationKey(row.operation, row.spanKind), row)
  }
  return byService
}

/** The URL's range, resolved against `now`. */
const rangeAt = (params: TimeRangeParams, now: Date) => resolveTimeRange(params, toMicros(now))

/** The views below leave out the deployments: lib/canary comes after latency and adds them (latency-views-repository.ts). */
export async function listServicesView(params: TimeRangeParams, now = new Date()): Promise<Omit<ServicesView, 'deploymentsInProgress'>> {
  const range = rangeAt(params, now)
  const [services, syncStatus] = await Promise.all([
    db.service.findMany({ select: { name: true, origin: true, team: true, tier: true }, orderBy: { name: 'asc' } }),
    getSyncStatus(now),
  ])
  const statusOf = new Map(syncStatus.services.map((status) => [status.service, status]))
  const traced = services
    .filter((service) => (statusOf.get(service.name)?.health ?? 'not-in-jaeger') !== 'not-in-jaeger')
    .map((service) => service.name)
  const [stats, health] = await Promise.all([
    listServiceStats(traced, range, now, sparklineRange(range)),
    listLatencyHealth(traced, { summaryOnly: true }),
  ])
  const statsOf = new Map(stats.map((entry) => [entry.service, entry]))
  const healthOf = groupHealth(health)
  const atUs = verdictTimeUs(range, now)

  return {
    range,
    generatedAtUs: toMicros(now),
    services: services.map((service) => {
      const entry = statsOf.get(service.name)
      const verdicts = healthOf.get(service.name)
      const summary = computeLatencySummary(entry?.stats ?? summarizeRows([]), lengthOf(range))
      const slowOperations = [...(verdicts?.operations.values() ?? [])]
        .filter((row) => row.state === 'slow')
        .map((row) => ({ row, slowness: computeSlowness(computeVerdict(row, atUs)) })) // most times slower first, as on the service page
        .sort((a, b) => (b.slowness ?? 0) - (a.slowness ?? 0) || (b.row.deviation ?? 0) - (a.row.deviation ?? 0))
        .map(({ row }) => ({ operation: row.operation, spanKind: row.spanKind, deviation: row.deviation }))
      const verdict = computeVerdict(verdicts?.own, atUs)
      const quality = computeQuality(entry?.quality ?? sumQualityTotals([]))
      return {
        service: service.name,
        origin: service.origin,
        team: service.team,
        tier: service.tier,
        status: computeServiceStatus({
          traced: traced.includes(service.name),
          summary,
          slow: verdict?.state === 'slow' || slowOperations.length > 0,
        }),
        summary,
        verdict,
        sparklineP95Us: entry?.series.map((point) => point.p95Us) ?? [],
        slowOperations,
        quality,
        samplingRate: entry && entry.quality.spansWithSampler > 0 ? entry.quality.samplerParamSum / entry.quality.spansWithSampler : null,
        sync: syncOf(statusOf.get(service.name)),
      }
    }),
  }
}

async function findServiceOrThrow(service: string) {
  const found = await db.service.findUnique({
    where: { name: service },
    select: { name: true, origin: true, team: true, owner: true, tier: true, expectedOperations: true, baselineWindowDays: true },
  })
  if (!found) throw new NotFoundError(`no service named "${service}" in the inventory or in Jaeger`)
  return found
}

async function syncStatusOf(service: string, now: Date) {
  return syncOf((await getSyncStatus(now)).services.find((status) => status.service === service))
}

export async function getServiceView(
  service: string,
  params: TimeRangeParams,
  now = new Date(),
): Promise<Omit<ServiceView, 'deploymentMarkers'>> {
  const range = rangeAt(params, now)
  const inventory = await findServiceOrThrow(service)
  const [[entry], operations, health, sync, dependencies] = await Promise.all([
    listServiceStats([service], range, now),
    listOperationStats(service, range.startUs, range.endUs, now),
    listLatencyHealth([service]),
    syncStatusOf(service, now),
    db.serviceDependency.findMany({ where: { OR: [{ caller: service }, { callee: service }] }, orderBy: { calls: 'desc' } }),
  ])
  const verdicts = groupHealth(health).get(service)
  const atUs = verdictTimeUs(range, now)
  const series = entry!.series
  const operationRows = operations.map(({ operation, spanKind, stats }) => ({
    operation,
    spanKind,
    summary: computeLatencySummary(stats, lengthOf(range)),
    verdict: computeVerdict(verdicts?.operations.get(operationKey(operation, spanKind)), atUs),
  }))
  const dependency = (edge: (typeof dependencies)[number], other: string) => ({
    service: other,
    calls: Number(edge.calls),
    errors: Number(edge.errors),
    lastSeenUs: toMicros(edge.lastSeen),
  })
  return {
    service,
    origin: inventory.origin,
    team: inventory.team,
    owner: inventory.owner,
    tier: inventory.tier,
    range,
    generatedAtUs: toMicros(now),
    sync,
    summary: computeLatencySummary(entry!.stats, lengthOf(range)),
    series,
    band: computeBandSeries(verdicts?.own?.baseline, series),
    verdict: computeVerdict(verdicts?.own, atUs),
    operations: operationRows,
    quality: computeQuality(entry!.quality),
    coverage: computeCoverage(entry!.quality, new Set(operations.map((row) => row.operation)), inventory.expectedOperations),
    callers: dependencies.filter((edge) => edge.callee === service).map((edge) => dependency(edge, edge.caller)),
    callees: dependencies.filter((edge) => edge.caller === service).map((edge) => dependency(edge, edge.callee)),
    baselineWindow: { days: inventory.baselineWindowDays ?? DEFAULT_BASELINE_WINDOW_DAYS, custom: inventory.baselineWindowDays !== null },
  }
}

/** Sets one service's baseline window (the worker's next pass uses it), audited in the same transaction. */
export async function saveBaselineWindow({ service, days }: BaselineWindowInput, { by }: { by: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { name: service }, select: { baselineWindowDays: true } })
    if (!before) throw new NotFoundError(`no service named "${service}"`)
    await tx.service.update({ where: { name: service }, data: { baselineWindowDays: days } })
    await saveAuditEntry(tx, by, {
      action: 'service.baseline_window',
      subjectType: 'service',
      subjectId: service,
      details: { from: before.baselineWindowDays ?? DEFAULT_BASELINE_WINDOW_DAYS, to: days },
    })
  })
}

/**
 * One operation over the range: all its span kinds together unless `spanKind` picks one (an
 * operation name seen with one kind only is shown as that kind).
 */
export async function getOperationView(
  service: string,
  operation: string,
  spanKind: string | undefined,
  params: TimeRangeParams,
  now = new Date(),
): Promise<Omit<OperationView, 'deploymentMarkers'>> {
  const range = rangeAt(params, now)
  await findServiceOrThrow(service)
  // Every span kind at the chart's step: the kinds it has, and (histograms merging exactly) the range's totals too.
  const [groups, health, sync] = await Promise.all([
    listOperationRows(service, range.startUs, range.endUs, { now, maxBucketUs: range.stepUs, operation }),
    listLatencyHealth([service], { operation }),
    syncStatusOf(service, now),
  ])
  const spanKinds = [...new Set(groups.map((group) => group.spanKind))].sort()
  const kind = spanKind ?? (spanKinds.length === 1 ? spanKinds[0]! : null)
  const rangeRows = groups.filter((group) => kind === null || group.spanKind === kind).flatMap((group) => group.rows)
  const series = computeSeries(rangeRows, range)
  const stored = kind === null ? undefined : groupHealth(health).get(service)?.operations.get(operationKey(operation, kind))
  if (rangeRows.length === 0 && !stored && !(await hasEverSeen(service, operation))) {
    throw new NotFoundError(`"${service}" has no operation named "${operation}"`)
  }
  const histogram = LatencyHistogram.mergeEncoded(rangeRows.flatMap((row) => (row.histogram ? [row.histogram] : [])))
  return {
    service,
    operation,
    spanKind: kind,
    spanKinds,
    range,
    generatedAtUs: toMicros(now),
    sync,
    summary: computeLatencySummary(summarizeRows(rangeRows), lengthOf(range)),
    series,
    band: computeBandSeries(stored?.baseline, series),
    verdict: computeVerdict(stored, verdictTimeUs(range, now)),
    distribution: computeLatencyDistribution(histogram),
  }
}

/** Whether any rollup row, at any resolution, names this operation (a link to an operation quiet in this range still opens). */
async function hasEverSeen(service: string, operation: string): Promise<boolean> {
  return (await db.spanRollup.findFirst({ where: { service, operation }, select: { service: true } })) !== null
}
