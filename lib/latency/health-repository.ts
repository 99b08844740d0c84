// Latency health: the worker judges each operation of a service (and the service's entry spans)
// against its baseline and stores the verdicts in latency_health, replacing the service's previous
// ones in one transaction; pages read them back. Operation '' with span kind '' is the service itself.
// Baselines are stored versioned and parsed on the way back: a row of another version, or damaged, is
// left out of what pages see and makes the next pass judge its service again.
import { db, Prisma } from '@/lib/db/client'
import { operationKey } from '@/lib/metrics/operation-key'
import { BASELINE_VERSION, storedBaselineSchema } from '@/lib/metrics/schemas'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { currentWatermark } from '@/lib/sync/sync-progress'
import { fromMicros, toMicros } from '@/lib/time/micros'
import { DAY_US, floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { carrySlowSince, judgeLatency, MAX_LOOKBACK_US, type LatencyHealth, type LatencyJudgement } from './judge-latency'
import { listEntryRows, listOperationRows } from './series-repository'

export const DEFAULT_BASELINE_WINDOW_DAYS = 7
/** The key of a service's own (entry-span) verdict. */
export const SERVICE_LEVEL = { operation: '', spanKind: '' } as const



type Stored = Prisma.LatencyHealthGetPayload<object>

/** A stored verdict, or null when its baseline is of another version or damaged. */
function fromStored(row: Stored): LatencyHealth | null {
  const stored = storedBaselineSchema.safeParse(row.baseline)
  if (!stored.success) return null
  return {
  service: row.service,
  operation: row.operation,
  spanKind: row.spanKind,
  state: row.state,
  baseline: stored.data.baseline,
  slowSinceUs: row.slowSince ? toMicros(row.slowSince) : null,
  deviation: row.deviation,
  currentP95Us: row.currentP95Us,
  judgedToUs: toMicros(row.judgedTo),
  computedAtUs: toMicros(row.computedAt),
  }
}

export type HealthPassReport = { service: string; judged: number; slow: number; skipped?: 'no data' | 'unchanged' }

/**
 * Judges every operation of `service` on the data synced so far. Skipped when nothing new was
 * committed since the last pass (same watermark) unless `force`.
 */
export async function judgeAndSaveLatencyHealth(service: string, { now = new Date(), force = false }: { now?: Date; force?: boolean } = {}): Promise<HealthPassReport> {
  const state = await db.syncState.findUnique({ where: { serviceName: service }, include: { service: { select: { baselineWindowDays: true } } } })
  if (!state) return { service, judged: 0, slow: 0, skipped: 'no data' }
  const judgedToUs = floorTo(toMicros(currentWatermark(state)), MINUTE_US)
  const rows = await db.latencyHealth.findMany({ where: { service } })
  const previous = new Map(rows.flatMap((row) => {
    const health = fromStored(row)
    return health ? [[operationKey(row.operation, row.spanKind), health] as const] : []
  }))
  const damaged = previous.size < rows.length
  const last = previous.get(operationKey(SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind))
  if (!force && !damaged && last && last.judgedToUs === judgedToUs) return { service, judged: 0, slow: 0, skipped: 'unchanged' }

  const windowUs = (state.service.baselineWindowDays ?? DEFAULT_BASELINE_WINDOW_DAYS) * DAY_US
  const historyStartUs = floorTo(judgedToUs - MAX_LOOKBACK_US - windowUs, HOUR_US)
  const recentStartUs = judgedToUs - MAX_LOOKBACK_US
  const [historyOps, recentOps, historyEntry, recentEntry] = await Promise.all([
    listOperationRows(service, historyStartUs, judgedToUs, { now, maxBucketUs: HOUR_US }),
    listOperationRows(service, recentStartUs, judgedToUs, { now, maxBucketUs: MINUTE_US }),
    listEntryRows(service, historyStartUs, judgedToUs, { now, maxBucketUs: HOUR_US }),
    listEntryRows(service, recentStartUs, judgedToUs, { now, maxBucketUs: MINUTE_US }),
  ])
  // Hourly points run to the judged minute; judgeLatency ends the baseline at its lookback's start (the
  // hour straddling that start still carries up to an hour of the lookback: a robust median shrugs it off).
  const hourly = (rows: SeriesRow[]) => computeSeries(rows, { startUs: historyStartUs, endUs: floorTo(judgedToUs, HOUR_US) + HOUR_US, stepUs: HOUR_US })
  const recentByKey = new Map(recentOps.map((group) => [operationKey(group.operation, group.spanKind), group.rows]))

  const verdicts: { operation: string; spanKind: string; judgement: LatencyJudgement }[] = [
    { ...SERVICE_LEVEL, judgement: judgeLatency({ hourly: hourly(historyEntry), recent: recentEntry, judgedToUs }, { windowUs }) },
    ...historyOps.map(({ operation, spanKind, rows }) => ({
      operation,
      spanKind,
      judgement: judgeLatency({ hourly: hourly(rows), recent: recentByKey.get(operationKey(operation, spanKind)) ?? [], judgedToUs }, { windowUs }),
    })),
  ]
  const computedAt = now
  const data = verdicts.map(({ operation, spanKind, judgement }) => {
    const before = previous.get(operationKey(operation, spanKind)) ?? null
    const slowSinceUs = carrySlowSince(before, judgement)
    return {
      service,
      operation,
      spanKind,
      state: judgement.state,
      baseline: { version: BASELINE_VERSION, baseline: judgement.baseline } as unknown as Prisma.InputJsonValue,
      slowSince: slowSinceUs === null ? null : fromMicros(slowSinceUs),
      deviation: judgement.deviation,
      currentP95Us: judgement.currentP95Us,
      judgedTo: fromMicros(judgedToUs),
      computedAt,
    }
  })
  await db.$transaction([db.latencyHealth.deleteMany({ where: { service } }), db.latencyHealth.createMany({ data })])
  return { service, judged: data.length, slow: data.filter((row) => row.state === 'slow').length }
}

/**
 * The stored verdicts of the given services: all of them, one operation's (`operation`), or only
 * each service's own and its slow operations' (`summaryOnly`, what the services list shows: the
 * baselines' JSON is most of what these rows weigh).
 */
export async function listLatencyHealth(services: readonly string[], { operation, summaryOnly = false }: { operation?: string; summaryOnly?: boolean } = {}): Promise<LatencyHealth[]> {
  const rows = await db.latencyHealth.findMany({
    where: {
      service: { in: [...services] },
      ...(operation === undefined ? {} : { operation }),
      ...(summaryOnly ? { OR: [{ operation: SERVICE_LEVEL.operation, spanKind: SERVICE_LEVEL.spanKind }, { state: 'slow' as const }] } : {}),
    },
  })
  return rows.flatMap((row) => fromStored(row) ?? [])
}
