// A 30-day rollup store for the latency-page benches, as the worker would leave it at steady state:
// per (service, operation) day rows up to yesterday, hour rows up to the last compacted hour, minute
// rows after that; service rows alongside. Histograms are real (lib/metrics/histogram.ts over
// log-normal samples with a daily cycle). Every hour of a week and every minute since the last
// compacted hour has samples of its own (so day-to-day spread is real, as the baselines expect);
// Postgres repeats the week across the 30 days with generate_series, so 800k rows load in seconds.
// One operation of the target turns slow for the last hour, so the worker has something to flag.
// Large fleets repeat the rows of a few generated services (`generatedServices`), and may keep minute
// rows further back, under compacted hours, as the store does for 48 h (`minuteHours`).
import type pg from 'pg'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { DAY_US, floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'
import { fromMicros, toMicros } from '@/lib/time/micros'

export type FleetShape = {
  services: readonly string[]
  /** The service whose pages are timed: more traffic than the rest. */
  target: string
  operations: number
  days: number
  now: Date
  /** Minute rows for this many hours before now (default: only since the last compacted hour). */
  minuteHours?: number
  /** Services whose samples are drawn; the others repeat them in turn (default: every service). */
  generatedServices?: number
}

export type SeededFleet = { spanRows: number; serviceRows: number; slowOperation: string; operationsOf: (service: string) => string[] }

/** Minute rows run from the last compacted hour (one to two hours back) to now. */
const MINUTE_VARIANTS = 120
const SERVER_SHARE = 0.75
const SLOW_FACTOR = 3
/** Spans an operation handles in an hour, at the daily mean: the target busier than the rest. */
const spansPerOperationHour = (isTarget: boolean) => (isTarget ? 150 : 60)
/** Busier and slower by day (UTC), by up to a quarter. */
const daily = (hour: number) => 1 + 0.25 * Math.sin((2 * Math.PI * hour) / 24)

type Resolution = 'minute' | 'hour' | 'day'
type Sample = { count: number; errors: number; sumUs: number; maxUs: number; histogram: LatencyHistogram }
/** `slow`: the slow variant of a bucket; `turnsSlow`: the operation has one (its minutes after the turn take it). */
type Pooled = {
  service: string
  operation: string
  spanKind: string
  resolution: Resolution
  variant: number
  slow: boolean
  turnsSlow: boolean
  count: number
  errors: number
  sumUs: number
  maxUs: number
  bytes: Buffer
}

export const operationName = (index: number) =>
  index < 4
    ? ['GET /api/accounts/{id}', 'POST /api/payments', 'GET /api/health', 'SELECT accounts'][index]!
    : `GET /api/resource-${index}/{id}`
const kindOf = (index: number, operations: number) => (index < Math.round(operations * SERVER_SHARE) && index !== 3 ? 'server' : 'client')

export async function seedRollupFleet(client: pg.Client, shape: FleetShape): Promise<SeededFleet> {
  const random = uniformSource(7)
  const nowUs = toMicros(shape.now)
  const watermarkUs = floorTo(nowUs, MINUTE_US)
  const hoursTo = floorTo(nowUs, HOUR_US) - HOUR_US
  const daysTo = floorTo(nowUs, DAY_US)
  const startUs = daysTo - shape.days * DAY_US
  const slowFromUs = watermarkUs - HOUR_US
  const minutesFromUs = Math.min(hoursTo, watermarkUs - (shape.minuteHours ?? 0) * HOUR_US)
  // The target first among a few drawn, so it is drawn (and the only one to turn slow); the rest repeat them.
  const drawn =
    shape.generatedServices === undefined
      ? shape.services
      : [shape.target, ...shape.services.filter((service) => service !== shape.target)].slice(0, shape.generatedServices)
  const templateOf = shape.services.map((service, index) => (drawn.includes(service) ? service : drawn[index % drawn.length]!))
  const slowOperation = operationName(3) // a client span: the query the handlers wait on
  const sample = (medianUs: number, count: number): Sample => {
    const histogram = new LatencyHistogram()
    let sumUs = 0
    let maxUs = 0
    for (let i = 0; i < count; i++) {
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
      const durationUs = Math.max(1, Math.round(medianUs * Math.exp(0.6 * normal)))
      histogram.add(durationUs)
      sumUs += durationUs
      maxUs = Math.max(maxUs, durationUs)
    }
    return { count, errors: Math.round(count * 0.01), sumUs, maxUs, histogram }
  }

  const pool: Pooled[] = []
  // A service's entry (server) spans per pooled bucket, merged as the pipeline would.
  const entryPool = new Map<string, { service: string; resolution: Resolution; variant: number; spans: number } & Sample>()
  const add = (row: Omit<Pooled, 'count' | 'errors' | 'sumUs' | 'maxUs' | 'bytes' | 'turnsSlow'>, data: Sample) => {
    pool.push({
      ...row,
      turnsSlow: row.service === shape.target && row.operation === slowOperation && row.resolution === 'minute',
      count: data.count,
      errors: data.errors,
      sumUs: data.sumUs,
      maxUs: data.maxUs,
      bytes: Buffer.from(data.histogram.encode()),
    })
    if (row.slow) return
    const key = `${row.service}\u0000${row.resolution}\u0000${row.variant}`
    let entry = entryPool.get(key)
    if (!entry)
      entryPool.set(
        key,
        (entry = {
          service: row.service,
          resolution: row.resolution,
          variant: row.variant,
          spans: 0,
          count: 0,
          errors: 0,
          sumUs: 0,
          maxUs: 0,
          histogram: new LatencyHistogram(),
        }),
      )
    entry.spans += data.count
    if (row.spanKind !== 'server') return
    entry.histogram.merge(data.histogram)
    entry.count += data.count
    entry.errors += data.errors
    entry.sumUs += data.sumUs
  }
  const nowHour = shape.now.getUTCHours()
  for (const service of drawn) {
    const perHour = spansPerOperationHour(service === shape.target)
    for (let index = 0; index < shape.operations; index++) {
      const key = { service, operation: operationName(index), spanKind: kindOf(index, shape.operations) }
      const medianUs = 1500 * Math.exp(random() * 5)
      for (let weekday = 0; weekday < 7; weekday++) {
        const day: Sample = { count: 0, errors: 0, sumUs: 0, maxUs: 0, histogram: new LatencyHistogram() }
        for (let hour = 0; hour < 24; hour++) {
          const data = sample(medianUs * daily(hour), Math.round(perHour * daily(hour)))
          add({ ...key, resolution: 'hour', variant: weekday * 24 + hour, slow: false }, data)
          day.histogram.merge(data.histogram)
          day.count += data.count
          day.errors += data.errors
          day.sumUs += data.sumUs
          day.maxUs = Math.max(day.maxUs, data.maxUs)
        }
        add({ ...key, resolution: 'day', variant: weekday, slow: false }, day)
      }
      // Since the last compacted hour: this hour's traffic and latency, a sixtieth at a time.
      const isSlow = service === shape.target && key.operation === slowOperation
      const perMinute = Math.max(1, Math.round((perHour * daily(nowHour)) / 60))
      for (let variant = 0; variant < MINUTE_VARIANTS; variant++) {
        add({ ...key, resolution: 'minute', variant, slow: false }, sample(medianUs * daily(nowHour), perMinute))
        if (isSlow) add({ ...key, resolution: 'minute', variant, slow: true }, sample(medianUs * daily(nowHour) * SLOW_FACTOR, perMinute))
      }
    }
  }

  // Which pooled variant each bucket of the 30 days takes: its weekday, hour of the week, or minute since the compacted hours.
  const buckets = `
    SELECT 'day'::"RollupResolution" AS resolution, bucket, extract(dow FROM bucket AT TIME ZONE 'UTC')::int AS variant, false AS slow
      FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') bucket
    UNION ALL SELECT 'hour', bucket, extract(dow FROM bucket AT TIME ZONE 'UTC')::int * 24 + extract(hour FROM bucket AT TIME ZONE 'UTC')::int, false
      FROM generate_series($1::timestamptz, $3::timestamptz - interval '1 hour', interval '1 hour') bucket
    UNION ALL SELECT 'minute', bucket, (extract(epoch FROM bucket - $6::timestamptz) / 60)::int % ${MINUTE_VARIANTS}, bucket >= $5::timestamptz
      FROM generate_series($6::timestamptz, $4::timestamptz - interval '1 minute', interval '1 minute') bucket`

  await client.query('BEGIN')
  await client.query(`CREATE TEMP TABLE rollup_pool (service text, operation text, span_kind text, resolution "RollupResolution", variant int, slow boolean, turns_slow boolean,
    span_count int, error_count int, duration_sum_us float8, duration_max_us float8, histogram bytea) ON COMMIT DROP`)
  for (let i = 0; i < pool.length; i += 5000) {
    const chunk = pool.slice(i, i + 5000)
    const column = <T>(pick: (row: Pooled) => T) => chunk.map(pick)
    await client.query(
      `INSERT INTO rollup_pool SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::"RollupResolution"[], $5::int[], $6::boolean[], $7::boolean[], $8::int[], $9::int[], $10::float8[], $11::float8[], $12::bytea[])`,
      [
        column((r) => r.service),
        column((r) => r.operation),
        column((r) => r.spanKind),
        column((r) => r.resolution),
        column((r) => r.variant),
        column((r) => r.slow),
        column((r) => r.turnsSlow),
        column((r) => r.count),
        column((r) => r.errors),
        column((r) => r.sumUs),
        column((r) => r.maxUs),
        column((r) => r.bytes),
      ],
    )
  }
  const at = (us: number) => fromMicros(us)
  const bucketParams = [at(startUs), at(daysTo), at(hoursTo), at(watermarkUs), at(slowFromUs), at(minutesFromUs)]
  await client.query(`CREATE TEMP TABLE fleet ON COMMIT DROP AS SELECT * FROM unnest($1::text[], $2::text[]) AS f(service, template)`, [
    shape.services,
    templateOf,
  ])
  const spans = await client.query(
    `INSERT INTO span_rollups (service, resolution, bucket_start, operation, span_kind, span_count, error_count, estimated_span_count, estimated_error_count, duration_sum_us, duration_max_us, histogram)
     SELECT f.service, p.resolution, b.bucket, p.operation, p.span_kind, p.span_count, p.error_count, p.span_count, p.error_count, p.duration_sum_us, p.duration_max_us, p.histogram
     FROM (${buckets}) b
     JOIN rollup_pool p ON p.resolution = b.resolution AND p.variant = b.variant
     JOIN fleet f ON f.template = p.service
       AND p.slow = (b.slow AND p.turns_slow AND f.service = f.template)`,
    bucketParams,
  )
  const entries = [...entryPool.values()]
  await client.query(
    `CREATE TEMP TABLE service_pool (service text, resolution "RollupResolution", variant int, spans int, entry_spans int, entry_errors int, entry_sum float8, entry_histogram bytea) ON COMMIT DROP`,
  )
  await client.query(
    `INSERT INTO service_pool SELECT * FROM unnest($1::text[], $2::"RollupResolution"[], $3::int[], $4::int[], $5::int[], $6::int[], $7::float8[], $8::bytea[])`,
    [
      entries.map((e) => e.service),
      entries.map((e) => e.resolution),
      entries.map((e) => e.variant),
      entries.map((e) => e.spans),
      entries.map((e) => e.count),
      entries.map((e) => e.errors),
      entries.map((e) => e.sumUs),
      entries.map((e) => Buffer.from(e.histogram.encode())),
    ],
  )
  const services = await client.query(
    `INSERT INTO service_rollups (service, resolution, bucket_start, spans, traces_seen, traces_complete, root_traces, root_traces_complete, orphan_spans, skewed_spans, warning_spans,
       server_spans, server_spans_with_route, http_spans, http_spans_with_status, spans_with_version, spans_with_sampler, sampler_param_sum, rejected_records,
       entry_spans, entry_errors, entry_estimated_spans, entry_estimated_errors, entry_duration_sum_us, entry_histogram)
     SELECT f.service, p.resolution, b.bucket, p.spans, p.entry_spans, p.entry_spans - p.entry_spans / 200, p.entry_spans, p.entry_spans - p.entry_spans / 200, p.spans / 1000, 0, 0,
       p.entry_spans, p.entry_spans, p.entry_spans, p.entry_spans, p.spans, p.spans, p.spans, 0,
       p.entry_spans, p.entry_errors, p.entry_spans, p.entry_errors, p.entry_sum, p.entry_histogram
     FROM (${buckets}) b
     JOIN service_pool p ON p.resolution = b.resolution AND p.variant = b.variant
     JOIN fleet f ON f.template = p.service`,
    bucketParams,
  )
  await client.query(
    `INSERT INTO sync_state (service_name, watermark, backfill_from, last_success_at, hours_compacted_to, days_compacted_to, updated_at)
     SELECT unnest($1::text[]), $2, $3, $4, $5, $6, now()`,
    [shape.services, at(watermarkUs), at(startUs), shape.now, at(hoursTo), at(daysTo)],
  )
  // Who calls whom: the target sits in the middle of a small chain.
  const [caller, ...callees] = shape.services.filter((service) => service !== shape.target)
  await client.query(
    `INSERT INTO service_dependencies (caller, callee, calls, errors, first_seen, last_seen)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::timestamptz[])`,
    [
      [caller, shape.target, shape.target],
      [shape.target, callees[0], callees[1]],
      [120_000, 90_000, 40_000],
      [120, 30, 0],
      [at(startUs), at(startUs), at(startUs)],
      [shape.now, shape.now, shape.now],
    ],
  )
  await client.query('COMMIT')
  await client.query('ANALYZE span_rollups')
  await client.query('ANALYZE service_rollups')
  return {
    spanRows: spans.rowCount ?? 0,
    serviceRows: services.rowCount ?? 0,
    slowOperation,
    operationsOf: () => Array.from({ length: shape.operations }, (_, index) => operationName(index)),
  }
}
