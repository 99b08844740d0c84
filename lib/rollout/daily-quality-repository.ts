// Each service's trace quality per UTC day, summed over the rollup rows that answer the range (planned
// over its compaction marks, so each span counts once whatever its resolution now). What the rollout
// status and the scorecard read; one query for any number of services.
import { db, Prisma } from '@/lib/db/client'
import { readPlansByService } from '@/lib/latency/read-plan-repository'
import { DAY_US } from '@/lib/time/time-buckets'
import { dayIndex, type CalendarDay } from './calendar-day'
import type { DailyQuality } from './schemas'

export type DailyQualityRow = DailyQuality & {
  /** Traces counted under their owner only (root span's service): fleet sums count each trace once. */
  rootTraces: number
  rootTracesComplete: number
  orphanSpans: number
  skewedSpans: number
  /** Spans carrying `sampler.param`, and its sum: their mean is the observed sampling rate. */
  spansWithSampler: number
  samplerParamSum: number
}

const SUMMED = [
  'spans',
  'tracesSeen',
  'tracesComplete',
  'rootTraces',
  'rootTracesComplete',
  'serverSpans',
  'serverSpansWithRoute',
  'httpSpans',
  'httpSpansWithStatus',
  'orphanSpans',
  'skewedSpans',
  'spansWithSampler',
  'samplerParamSum',
] as const satisfies readonly (keyof DailyQualityRow)[]

const dayStartUs = (day: CalendarDay) => dayIndex(day) * DAY_US

/** Per service, its days in [from, to) with rollup rows, ascending. */
export async function listDailyQuality(
  ranges: ReadonlyMap<string, { from: CalendarDay; to: CalendarDay }>,
  { now = new Date() }: { now?: Date } = {},
): Promise<Map<string, DailyQualityRow[]>> {
  const result = new Map<string, DailyQualityRow[]>([...ranges.keys()].map((service) => [service, []]))
  if (ranges.size === 0) return result
  const plans = await readPlansByService(
    new Map([...ranges].map(([service, { from, to }]) => [service, { startUs: dayStartUs(from), endUs: dayStartUs(to) }])),
    { now },
  )
  // Each segment read by its own index scan (LATERAL) and summed by day there, as the judgement reads
  // rows: one WHERE of hundreds of OR-ed ranges costs Postgres more to plan than to run.
  const segments = { services: [] as string[], resolutions: [] as string[], starts: [] as Date[], ends: [] as Date[] }
  for (const [service, plan] of plans)
    for (const segment of plan.segments) {
      segments.services.push(service)
      segments.resolutions.push(segment.resolution)
      segments.starts.push(new Date(segment.startUs / 1000))
      segments.ends.push(new Date(segment.endUs / 1000))
    }
  // Sums come back as float8 (exact for counts below 2^53): Prisma turns a bigint column into a BigInt
  // per value, which at 500 services × 37 days cost more than the query.
  const rows = await db.$queryRaw<
    {
      service: string
      day: string
      spans: number
      traces_seen: number
      traces_complete: number
      root_traces: number
      root_traces_complete: number
      server_spans: number
      server_spans_with_route: number
      http_spans: number
      http_spans_with_status: number
      orphan_spans: number
      skewed_spans: number
      spans_with_sampler: number
      sampler_param_sum: number
    }[]
  >`
    SELECT s.service, to_char(d.day, 'YYYY-MM-DD') AS day, d.spans, d.traces_seen, d.traces_complete, d.root_traces, d.root_traces_complete,
      d.server_spans, d.server_spans_with_route, d.http_spans, d.http_spans_with_status, d.orphan_spans, d.skewed_spans, d.spans_with_sampler,
      d.sampler_param_sum
    FROM unnest(${segments.services}::text[], ${segments.resolutions}::text[], ${segments.starts}::timestamptz[], ${segments.ends}::timestamptz[])
      WITH ORDINALITY AS s(service, resolution, start_at, end_at, segment)
    CROSS JOIN LATERAL (
      SELECT date_trunc('day', r.bucket_start AT TIME ZONE 'UTC') AS day, sum(r.spans)::float8 AS spans, sum(r.traces_seen)::float8 AS traces_seen,
        sum(r.traces_complete)::float8 AS traces_complete, sum(r.root_traces)::float8 AS root_traces, sum(r.root_traces_complete)::float8 AS root_traces_complete,
        sum(r.server_spans)::float8 AS server_spans, sum(r.server_spans_with_route)::float8 AS server_spans_with_route, sum(r.http_spans)::float8 AS http_spans,
        sum(r.http_spans_with_status)::float8 AS http_spans_with_status, sum(r.orphan_spans)::float8 AS orphan_spans, sum(r.skewed_spans)::float8 AS skewed_spans,
        sum(r.spans_with_sampler)::float8 AS spans_with_sampler, sum(r.sampler_param_sum)::float8 AS sampler_param_sum
      FROM service_rollups r WHERE r.service = s.service AND r.resolution = s.resolution::"RollupResolution"
        AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at
      GROUP BY 1) d
    ORDER BY s.segment, d.day`
  // Segments come in time order per service; where two meet inside a day (hours, then today's minutes) their sums add.
  for (const { service, day, ...sums } of rows) {
    const days = result.get(service)
    if (!days) continue
    const last = days.at(-1)
    const row: DailyQualityRow = {
      day,
      spans: sums.spans,
      tracesSeen: sums.traces_seen,
      tracesComplete: sums.traces_complete,
      rootTraces: sums.root_traces,
      rootTracesComplete: sums.root_traces_complete,
      serverSpans: sums.server_spans,
      serverSpansWithRoute: sums.server_spans_with_route,
      httpSpans: sums.http_spans,
      httpSpansWithStatus: sums.http_spans_with_status,
      orphanSpans: sums.orphan_spans,
      skewedSpans: sums.skewed_spans,
      spansWithSampler: sums.spans_with_sampler,
      samplerParamSum: sums.sampler_param_sum,
    }
    if (last?.day !== day) days.push(row)
    else for (const key of SUMMED) last[key] += row[key]
  }
  return result
}

/**
 * The first instant each service was seen: its earliest rollup bucket with spans, at any resolution
 * (one probe of the primary key per service and resolution, so it is cheap to ask every pass).
 */
export async function findFirstSpans(services: readonly string[]): Promise<Map<string, Date>> {
  if (services.length === 0) return new Map()
  const rows = await db.$queryRaw<{ service: string; first_at: Date }[]>`
    SELECT s.service, min(f.first_at) AS first_at
    FROM unnest(ARRAY[${Prisma.join(services)}]::text[]) AS s(service)
    CROSS JOIN unnest(enum_range(NULL::"RollupResolution")) AS r(resolution)
    CROSS JOIN LATERAL (
      SELECT bucket_start AS first_at FROM service_rollups x
      WHERE x.service = s.service AND x.resolution = r.resolution AND x.spans > 0
      ORDER BY bucket_start LIMIT 1
    ) f
    GROUP BY s.service`
  return new Map(rows.map((row) => [row.service, row.first_at]))
}

export const dayStartOf = (day: CalendarDay) => new Date(dayStartUs(day) / 1000)
