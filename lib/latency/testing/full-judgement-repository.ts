// The latency judgement as the worker ran it before its passes became incremental (commit 3a29ad3,
// lib/latency/health-repository.ts): whenever a service's watermark moved, every series of it read
// again (4 queries), judged again, and all its verdicts deleted and rewritten. Kept only as the
// reference the incremental pass must equal (latency-health-judge.db.test.ts) and is timed against
// (scripts/bench/stages.bench.ts); production code never imports it.
import { db, Prisma } from '@/lib/db/client'
import { operationKey } from '@/lib/metrics/operation-key'
import { toStoredBaseline } from '@/lib/metrics/schemas'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { currentWatermark } from '@/lib/sync/sync-progress'
import { fromMicros, toMicros } from '@/lib/time/micros'
import { DAY_US, floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { DEFAULT_BASELINE_WINDOW_DAYS } from '../plan-judgement-passes'
import { carrySlowSince, judgeLatency, MAX_LOOKBACK_US, type LatencyHealth, type LatencyJudgement } from '../judge-latency'
import { listEntryRows, listOperationRows } from '../series-repository'
import { fromStored, SERVICE_LEVEL } from '../stored-verdicts-repository'

export type FullJudgement = { service: string; skipped?: 'no data' | 'unchanged'; verdicts: LatencyHealth[] }

/** Judges every series of `service` as before; `save: false` leaves latency_health as it was (and returns what would be written). */
export async function judgeInFull(
  service: string,
  { now = new Date(), force = false, save = true }: { now?: Date; force?: boolean; save?: boolean } = {},
): Promise<FullJudgement> {
  const state = await db.syncState.findUnique({
    where: { serviceName: service },
    include: { service: { select: { baselineWindowDays: true } } },
  })
  if (!state) return { service, skipped: 'no data', verdicts: [] }
  const judgedToUs = floorTo(toMicros(currentWatermark(state)), MINUTE_US)
  const rows = await db.latencyHealth.findMany({ where: { service } })
  const previous = new Map(
    rows.flatMap((row) => {
      const health = fromStored(row)
      return health ? [[operationKey(row.operation, row.spanKind), health] as const] : []
    }),
  )
  const damaged = previous.size < rows.length
  const last = previous.get(operationKey(SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind))
  if (!force && !damaged && last && last.judgedToUs === judgedToUs) return { service, skipped: 'unchanged', verdicts: [] }

  const windowUs = (state.service.baselineWindowDays ?? DEFAULT_BASELINE_WINDOW_DAYS) * DAY_US
  const historyStartUs = floorTo(judgedToUs - MAX_LOOKBACK_US - windowUs, HOUR_US)
  const recentStartUs = judgedToUs - MAX_LOOKBACK_US
  const [historyOps, recentOps, historyEntry, recentEntry] = await Promise.all([
    listOperationRows(service, historyStartUs, judgedToUs, { now, maxBucketUs: HOUR_US }),
    listOperationRows(service, recentStartUs, judgedToUs, { now, maxBucketUs: MINUTE_US }),
    listEntryRows(service, historyStartUs, judgedToUs, { now, maxBucketUs: HOUR_US }),
    listEntryRows(service, recentStartUs, judgedToUs, { now, maxBucketUs: MINUTE_US }),
  ])
  const hourly = (rows: SeriesRow[]) =>
    computeSeries(rows, { startUs: historyStartUs, endUs: floorTo(judgedToUs, HOUR_US) + HOUR_US, stepUs: HOUR_US })
  const recentByKey = new Map(recentOps.map((group) => [operationKey(group.operation, group.spanKind), group.rows]))

  const judged: { operation: string; spanKind: string; judgement: LatencyJudgement }[] = [
    { ...SERVICE_LEVEL, judgement: judgeLatency({ hourly: hourly(historyEntry), recent: recentEntry, judgedToUs }, { windowUs }) },
    ...historyOps.map(({ operation, spanKind, rows }) => ({
      operation,
      spanKind,
      judgement: judgeLatency(
        { hourly: hourly(rows), recent: recentByKey.get(operationKey(operation, spanKind)) ?? [], judgedToUs },
        { windowUs },
      ),
    })),
  ]
  const verdicts: LatencyHealth[] = judged.map(({ operation, spanKind, judgement }) => ({
    service,
    operation,
    spanKind,
    state: judgement.state,
    baseline: judgement.baseline,
    slowSinceUs: carrySlowSince(previous.get(operationKey(operation, spanKind)) ?? null, judgement),
    deviation: judgement.deviation,
    currentP95Us: judgement.currentP95Us,
    judgedToUs,
    computedAtUs: toMicros(now),
  }))
  if (save) {
    const data = verdicts.map((verdict) => ({
      service,
      operation: verdict.operation,
      spanKind: verdict.spanKind,
      state: verdict.state,
      baseline: toStoredBaseline(verdict.baseline) as unknown as Prisma.InputJsonValue,
      slowSince: verdict.slowSinceUs === null ? null : fromMicros(verdict.slowSinceUs),
      deviation: verdict.deviation,
      currentP95Us: verdict.currentP95Us,
      judgedTo: fromMicros(judgedToUs),
      computedAt: now,
    }))
    await db.$transaction([db.latencyHealth.deleteMany({ where: { service } }), db.latencyHealth.createMany({ data })])
  }
  return { service, verdicts }
}
