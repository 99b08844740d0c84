// The rows alert rules are evaluated over (lib/alerts/rule-values.ts ServiceSamples), for many services
// in one query per table: operation rollups (spans, errors, latency histogram; packed per series,
// packed-minutes.ts) and service rollups (spans, root traces and complete ones) over each service's
// range, planned over its compaction marks so each span counts once; the latency baselines lib/latency
// keeps (parsed where their text changed, baseline-memo.ts); when each service last had spans; and its
// deployments in progress with their canary verdicts (deployments-repository.ts).
import { db } from '@/lib/db/client'
import { readPlansByService } from '@/lib/latency/read-plan-repository'
import type { Baseline } from '@/lib/metrics/baseline'
import { operationKey } from '@/lib/metrics/operation-key'
import { fromMicros } from '@/lib/time/micros'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { BaselineMemo } from './baseline-memo'
import type { CanaryDeployment } from './canary-values'
import { listDeploymentsInProgress } from './deployments-repository'
import { unpackMinutes } from './packed-minutes'
import type { OperationMinute, ServiceSamples } from './rule-values'

export type SamplesRequest = {
  /** Per service, the rows wanted: bucket starts in [startMs, endMs). */
  ranges: ReadonlyMap<string, { startMs: number; endMs: number }>
  now: Date
  /** The coarsest rows to read where finer ones exist (minutes for evaluation, hours for a 30-day backtest). */
  maxBucketUs?: number
  baselines?: boolean
  lastSpan?: boolean
  deployments?: boolean
}

/** Parsed baselines kept between reads, by content (baseline-memo.ts). */
const baselineMemo = new BaselineMemo()

/** latency_health's baselines as JSON text: parsed by the memo, only where the text changed since the last read. */
const listStoredBaselines = (services: readonly string[]) =>
  db.$queryRaw<{ service: string; operation: string; span_kind: string; baseline: string }[]>`
    SELECT service, operation, span_kind, baseline::text AS baseline FROM latency_health WHERE service = ANY(${[...services]}::text[])`

type Segments = { services: string[]; resolutions: string[]; starts: string[]; ends: string[] }

export async function listServiceSamples({
  ranges,
  now,
  maxBucketUs = MINUTE_US,
  baselines = false,
  lastSpan = false,
  deployments = false,
}: SamplesRequest): Promise<Map<string, ServiceSamples>> {
  const services = [...ranges.keys()]
  const result = new Map<string, ServiceSamples>(
    services.map((service) => [
      service,
      { service, operations: [], minutes: [], lastSpanAtMs: null, baselines: new Map(), deployments: [] },
    ]),
  )
  if (services.length === 0) return result
  const plans = await readPlansByService(
    new Map([...ranges].map(([service, range]) => [service, { startUs: range.startMs * 1000, endUs: range.endMs * 1000 }])),
    { now, maxBucketUs },
  )
  const segments: Segments = { services: [], resolutions: [], starts: [], ends: [] }
  for (const [service, plan] of plans)
    for (const segment of plan.segments) {
      segments.services.push(service)
      segments.resolutions.push(segment.resolution)
      segments.starts.push(fromMicros(segment.startUs).toISOString())
      segments.ends.push(fromMicros(segment.endUs).toISOString())
    }

  const [operationRows, serviceRows, verdicts, lastSpans, inProgress] = await Promise.all([
    // One row per (segment, series), its rows packed by Postgres (packed-minutes.ts).
    db.$queryRaw<{ service: string; operation: string; span_kind: string; minutes: Uint8Array }[]>`
      SELECT s.service, r.operation, r.span_kind, r.minutes
      FROM unnest(${segments.services}::text[], ${segments.resolutions}::text[], ${segments.starts}::timestamptz[], ${segments.ends}::timestamptz[]) AS s(service, resolution, start_at, end_at)
      CROSS JOIN LATERAL (
        SELECT r.operation, r.span_kind,
          string_agg(float8send((extract(epoch FROM r.bucket_start) * 1000)::float8) || int4send(r.span_count) || int4send(r.error_count)
            || int4send(length(r.histogram)) || r.histogram, ''::bytea) AS minutes
        FROM span_rollups r
        WHERE r.service = s.service AND r.resolution = s.resolution::"RollupResolution" AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at
        GROUP BY r.operation, r.span_kind
      ) r`,
    db.$queryRaw<{ service: string; bucket_ms: number; spans: number; root_traces: number; root_traces_complete: number }[]>`
      SELECT r.service, (extract(epoch FROM r.bucket_start) * 1000)::float8 AS bucket_ms, r.spans, r.root_traces, r.root_traces_complete
      FROM unnest(${segments.services}::text[], ${segments.resolutions}::text[], ${segments.starts}::timestamptz[], ${segments.ends}::timestamptz[]) AS s(service, resolution, start_at, end_at)
      CROSS JOIN LATERAL (SELECT * FROM service_rollups r WHERE r.service = s.service AND r.resolution = s.resolution::"RollupResolution" AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at OFFSET 0) r`,
    baselines ? listStoredBaselines(services) : [],
    lastSpan ? findLastSpans(services) : new Map<string, number>(),
    deployments ? listDeploymentsInProgress(services) : new Map<string, CanaryDeployment[]>(),
  ])

  // A series read over several segments (minutes, hours, days) comes in one row per segment.
  const operations = new Map<string, Map<string, { operation: string; spanKind: string; minutes: OperationMinute[] }>>()
  for (const row of operationRows) {
    let byKey = operations.get(row.service)
    if (!byKey) operations.set(row.service, (byKey = new Map()))
    const key = operationKey(row.operation, row.span_kind)
    let series = byKey.get(key)
    if (!series) byKey.set(key, (series = { operation: row.operation, spanKind: row.span_kind, minutes: [] }))
    unpackMinutes(row.minutes, series.minutes)
  }
  // Sorted here rather than by Postgres, whose sort of a large read spills to disk.
  for (const [service, byKey] of operations) {
    const samples = result.get(service)!
    samples.operations = [...byKey.values()].sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0))
    for (const series of samples.operations) series.minutes.sort((a, b) => a.bucketStartMs - b.bucketStartMs)
  }
  for (const row of serviceRows)
    result.get(row.service)?.minutes.push({
      bucketStartMs: row.bucket_ms,
      spans: row.spans,
      rootTraces: row.root_traces,
      rootTracesComplete: row.root_traces_complete,
    })
  for (const samples of result.values()) samples.minutes.sort((a, b) => a.bucketStartMs - b.bucketStartMs)
  const baselineRows = new Map<string, { key: string; text: string }[]>(baselines ? services.map((service) => [service, []]) : [])
  for (const row of verdicts) baselineRows.get(row.service)?.push({ key: operationKey(row.operation, row.span_kind), text: row.baseline })
  for (const [service, rows] of baselineRows) {
    const ready = result.get(service)!.baselines as Map<string, Baseline>
    for (const [key, baseline] of baselineMemo.parseService(service, rows)) if (baseline?.state === 'ready') ready.set(key, baseline)
  }
  for (const [service, atMs] of lastSpans) result.get(service)!.lastSpanAtMs = atMs
  for (const [service, serviceDeployments] of inProgress) result.get(service)!.deployments = serviceDeployments
  return result
}

const BUCKET_MS = { minute: MINUTE_US / 1000, hour: HOUR_US / 1000, day: DAY_US / 1000 } as const

/** Per service, the end of its latest rollup bucket with spans (one probe of the primary key per resolution). */
async function findLastSpans(services: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ service: string; resolution: keyof typeof BUCKET_MS; last_ms: number }[]>`
    SELECT s.service, r.resolution::text AS resolution, (extract(epoch FROM l.bucket_start) * 1000)::float8 AS last_ms
    FROM unnest(${[...services]}::text[]) AS s(service)
    CROSS JOIN unnest(enum_range(NULL::"RollupResolution")) AS r(resolution)
    CROSS JOIN LATERAL (
      SELECT bucket_start FROM service_rollups x
      WHERE x.service = s.service AND x.resolution = r.resolution AND x.spans > 0
      ORDER BY bucket_start DESC LIMIT 1
    ) l`
  const last = new Map<string, number>()
  for (const row of rows) {
    const endMs = row.last_ms + BUCKET_MS[row.resolution]
    last.set(row.service, Math.max(last.get(row.service) ?? 0, endMs))
  }
  return last
}
