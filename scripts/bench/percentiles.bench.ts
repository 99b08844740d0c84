// 7-day p50/p95/p99 of one service with 40 operations, from the hourly rollups of a 23-service fleet,
// against percentile_cont over the raw durations of the same spans in the same Postgres. Two reads:
// the service's entry-span rollups (one row an hour; what a service page asks) and the per-operation
// rollups merged (one row per operation and hour), all spans here being server spans.
import type { BenchReport } from './figures'
import { histogramOf } from '@/lib/metrics/histogram'
import { HOUR_US } from '@/lib/time/time-buckets'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'
import { timeMedian as timeIt } from './timing'
import { fromMicros } from '@/lib/time/micros'

const SERVICES = 23
const TARGET_OPERATIONS = 40
const OTHER_OPERATIONS = 10
const HOURS = 7 * 24
const TARGET_SPANS_PER_OPERATION_HOUR = 300 // 5 spans a minute per operation: a modest service, 2 M spans in 7 days
const OTHER_SPANS_PER_OPERATION_HOUR = 20
const TARGET = 'payment-gateway'

/** Service-rollup counters the bench does not exercise. */
const EMPTY_SERVICE_COUNTS = {
  tracesSeen: 0,
  tracesComplete: 0,
  rootTraces: 0,
  rootTracesComplete: 0,
  orphanSpans: 0,
  skewedSpans: 0,
  warningSpans: 0,
  serverSpansWithRoute: 0,
  httpSpans: 0,
  httpSpansWithStatus: 0,
  spansWithVersion: 0,
  spansWithSampler: 0,
  samplerParamSum: 0,
  rejectedRecords: 0,
  entryErrors: 0,
  entryEstimatedErrors: 0,
}

export async function benchPercentiles(): Promise<BenchReport> {
  const { db } = await import('@/lib/db/client')
  const { getRangeLatency, getServiceLatency } = await import('@/lib/latency/range-latency-repository')
  const endUs = Math.floor((Date.UTC(2026, 10, 24, 0, 0) * 1000) / HOUR_US) * HOUR_US
  const startUs = endUs - HOURS * HOUR_US
  const at = (us: number) => fromMicros(us)
  const random = uniformSource(42)
  const services = [TARGET, ...Array.from({ length: SERVICES - 1 }, (_, i) => `service-${String(i + 1).padStart(2, '0')}`)]

  await db.$executeRawUnsafe('DROP TABLE IF EXISTS bench_raw_spans')
  await db.$executeRawUnsafe(
    'CREATE TABLE bench_raw_spans (service text NOT NULL, operation text NOT NULL, start_time timestamptz NOT NULL, duration_us bigint NOT NULL)',
  )
  await db.$executeRawUnsafe(
    'TRUNCATE span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, sync_state CASCADE',
  )
  let rawSpans = 0
  for (const service of services) {
    const operations = service === TARGET ? TARGET_OPERATIONS : OTHER_OPERATIONS
    const perHour = service === TARGET ? TARGET_SPANS_PER_OPERATION_HOUR : OTHER_SPANS_PER_OPERATION_HOUR
    const raw = { operation: [] as string[], start: [] as Date[], duration: [] as number[] }
    const rollups = []
    const hourly = Array.from({ length: HOURS }, () => [] as number[])
    for (let op = 0; op < operations; op++) {
      const operation = `op-${op}`
      const medianUs = 2000 * Math.exp(random() * 5) // 2 ms … 300 ms, per operation
      for (let hour = 0; hour < HOURS; hour++) {
        const durations: number[] = []
        for (let i = 0; i < perHour; i++) {
          // log-normal, σ = 0.6: Box–Muller from two uniforms
          const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
          const durationUs = Math.max(1, Math.round(medianUs * Math.exp(0.6 * normal)))
          durations.push(durationUs)
          hourly[hour]!.push(durationUs)
          raw.operation.push(operation)
          raw.start.push(at(startUs + hour * HOUR_US + Math.floor(random() * HOUR_US)))
          raw.duration.push(durationUs)
        }
        rollups.push({
          service,
          resolution: 'hour' as const,
          bucketStart: at(startUs + hour * HOUR_US),
          operation,
          spanKind: 'server',
          spanCount: durations.length,
          errorCount: 0,
          estimatedSpanCount: durations.length,
          estimatedErrorCount: 0,
          durationSumUs: durations.reduce((a, b) => a + b, 0),
          durationMaxUs: Math.max(...durations),
          histogram: Uint8Array.from(histogramOf(durations).encode()),
        })
      }
    }
    await db.$executeRaw`INSERT INTO bench_raw_spans (service, operation, start_time, duration_us)
      SELECT ${service}, o, s, d FROM unnest(${raw.operation}::text[], ${raw.start}::timestamptz[], ${raw.duration}::bigint[]) AS t(o, s, d)`
    rawSpans += raw.duration.length
    for (let i = 0; i < rollups.length; i += 2000) await db.spanRollup.createMany({ data: rollups.slice(i, i + 2000) })
    for (let i = 0; i < HOURS; i += 500) {
      await db.serviceRollup.createMany({
        data: hourly.slice(i, i + 500).map((durations, offset) => ({
          ...EMPTY_SERVICE_COUNTS,
          service,
          resolution: 'hour' as const,
          bucketStart: at(startUs + (i + offset) * HOUR_US),
          spans: durations.length,
          serverSpans: durations.length,
          entrySpans: durations.length,
          entryEstimatedSpans: durations.length,
          entryDurationSumUs: durations.reduce((a, b) => a + b, 0),
          entryHistogram: Uint8Array.from(histogramOf(durations).encode()),
        })),
      })
    }
    await db.service.upsert({ where: { name: service }, create: { name: service }, update: {} })
    await db.syncState.create({
      data: {
        serviceName: service,
        watermark: at(endUs),
        backfillFrom: at(startUs),
        hoursCompactedTo: at(endUs),
        daysCompactedTo: at(startUs),
      },
    })
  }
  await db.$executeRawUnsafe('CREATE INDEX ON bench_raw_spans (service, start_time)')
  await db.$executeRawUnsafe('ANALYZE bench_raw_spans')
  await db.$executeRawUnsafe('ANALYZE span_rollups')

  const now = at(endUs + 60_000_000)
  const query = { service: TARGET, startUs, endUs }
  let ours = await getServiceLatency(query, now)
  const oursMs = await timeIt(15, async () => (ours = await getServiceLatency(query, now)))
  let perOperation = await getRangeLatency(query, now)
  const perOperationMs = await timeIt(15, async () => (perOperation = await getRangeLatency(query, now)))
  let exact: [number, number, number] = [0, 0, 0]
  const rawMs = await timeIt(5, async () => {
    const [row] = await db.$queryRaw<{ p: number[] }[]>`
      SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_us) AS p
      FROM bench_raw_spans WHERE service = ${TARGET} AND start_time >= ${at(startUs)} AND start_time < ${at(endUs)}`
    exact = row!.p as [number, number, number]
  })
  const relativeError = (ourValue: number | null, exactValue: number) => Math.abs((ourValue ?? 0) - exactValue) / exactValue
  const worstError = Math.max(
    ...[ours, perOperation].flatMap((read) => [
      relativeError(read.p50Us, exact[0]),
      relativeError(read.p95Us, exact[1]),
      relativeError(read.p99Us, exact[2]),
    ]),
  )
  await db.$executeRawUnsafe('DROP TABLE bench_raw_spans')
  return {
    title: '7-day p50/p95/p99 of one service (40 operations) from hourly rollups',
    figures: [
      {
        name: 'from hourly service rollups (168 rows)',
        value: oursMs,
        unit: 'ms',
        reference: { name: 'percentile_cont over raw spans', value: rawMs, unit: 'ms' },
        ratio: rawMs / oursMs,
        target: '≤ 100 ms and ≥ 10× faster',
        met: oursMs <= 100 && rawMs / oursMs >= 10,
      },
      {
        name: `from hourly operation rollups (${TARGET_OPERATIONS * HOURS} rows)`,
        value: perOperationMs,
        unit: 'ms',
        reference: { name: 'percentile_cont over raw spans', value: rawMs, unit: 'ms' },
        ratio: rawMs / perOperationMs,
      },
      {
        name: 'worst relative error of p50/p95/p99',
        value: worstError * 100,
        unit: '%',
        target: '≤ 1 % (histogram bound; percentile_cont interpolates)',
        met: worstError <= 0.01,
      },
    ],
    notes: [
      `scale: ${SERVICES} services, ${TARGET} with ${TARGET_OPERATIONS} operations, the others ${OTHER_OPERATIONS}; ${HOURS} hours; ${rawSpans.toLocaleString('en')} raw spans in the same Postgres (${(TARGET_OPERATIONS * HOURS * TARGET_SPANS_PER_OPERATION_HOUR).toLocaleString('en')} of them ${TARGET}'s), ${ours.segments.length} read segment(s)`,
      `p50/p95/p99: rollups ${[ours.p50Us, ours.p95Us, ours.p99Us].map((v) => Math.round(v ?? 0)).join(' / ')} µs (both reads agree: ${[perOperation.p50Us, perOperation.p95Us, perOperation.p99Us].map((v) => Math.round(v ?? 0)).join(' / ')}), percentile_cont ${exact.map(Math.round).join(' / ')} µs; median of 15 (rollups) and 5 (raw) warm runs`,
    ],
  }
}
