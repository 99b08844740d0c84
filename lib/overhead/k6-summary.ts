// A k6 end-of-test summary read into the latencies an overhead measurement needs, and the difference
// between a run with tracing on and one with it off. Both JSON shapes k6 writes are read: the
// `--summary-export` file and the data handed to `handleSummary()` (formats in schemas.ts).
import type { z } from 'zod'
import { InvalidInputError } from '@/lib/errors'
import { k6HandleSummarySchema, k6SummaryEnvelopeSchema, k6SummaryExportSchema, type K6SummaryFormat } from './schemas'

export type K6Summary = {
  format: K6SummaryFormat
  /** http_reqs count: requests made in the run (null when the metric is absent). */
  requests: number | null
  /** http_req_duration, in ms; p99 only when the run asked k6 for it. */
  durationMs: { avg: number; p50: number; p95: number; p99: number | null }
  /** Share (0..1) of requests k6 counted as failed (http_req_failed), null when absent. */
  failedShare: number | null
}

const FORMAT_NAMES: Record<K6SummaryFormat, string> = {
  summary_export: 'k6 --summary-export JSON',
  handle_summary: 'k6 handleSummary() JSON',
}

/** Reads a parsed k6 summary; a missing or malformed metric it needs is an InvalidInputError naming its JSON path. */
export function parseK6Summary(body: unknown): K6Summary {
  const envelope = k6SummaryEnvelopeSchema.safeParse(body)
  if (!envelope.success) throw new InvalidInputError([{ path: 'metrics', message: 'missing: not a k6 end-of-test summary' }])

  // handleSummary() data wraps every metric as { type, contains, values }; --summary-export has none.
  const isHandleSummary = Object.values(envelope.data.metrics).some(
    (metric) => typeof metric === 'object' && metric !== null && 'values' in metric && 'type' in metric,
  )
  if (isHandleSummary) {
    const { http_req_duration, http_reqs, http_req_failed } = parseAs(k6HandleSummarySchema, body, 'handle_summary').metrics
    return {
      format: 'handle_summary',
      requests: http_reqs?.values.count ?? null,
      durationMs: durations(http_req_duration.values),
      failedShare: http_req_failed ? failedShare(http_req_failed.values, http_req_failed.values.rate) : null,
    }
  }
  const { http_req_duration, http_reqs, http_req_failed } = parseAs(k6SummaryExportSchema, body, 'summary_export').metrics
  return {
    format: 'summary_export',
    requests: http_reqs?.count ?? null,
    durationMs: durations(http_req_duration),
    failedShare: http_req_failed ? failedShare(http_req_failed, http_req_failed.value) : null,
  }
}

/** The same, from the file's text. */
export function parseK6SummaryText(text: string): K6Summary {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new InvalidInputError([{ path: '(file)', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }])
  }
  return parseK6Summary(body)
}

export type K6Overhead = {
  /** Tracing on − off, ms; negative when the traced run was faster (noise). */
  p50DeltaMs: number
  p95DeltaMs: number
  meanDeltaMs: number
  /** null unless both runs report p(99). */
  p99DeltaMs: number | null
  /** Requests behind each side (http_reqs). */
  samples: { on: number | null; off: number | null }
}

/** The overhead one pair of runs shows: each statistic with tracing on minus the same with it off. */
export function overheadFromK6(on: K6Summary, off: K6Summary): K6Overhead {
  return {
    p50DeltaMs: on.durationMs.p50 - off.durationMs.p50,
    p95DeltaMs: on.durationMs.p95 - off.durationMs.p95,
    meanDeltaMs: on.durationMs.avg - off.durationMs.avg,
    p99DeltaMs: on.durationMs.p99 !== null && off.durationMs.p99 !== null ? on.durationMs.p99 - off.durationMs.p99 : null,
    samples: { on: on.requests, off: off.requests },
  }
}

function parseAs<T extends z.ZodType>(schema: T, body: unknown, format: K6SummaryFormat): z.output<T> {
  const parsed = schema.safeParse(body, { reportInput: true })
  if (parsed.success) return parsed.data
  throw new InvalidInputError(
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: `${'input' in issue && issue.input === undefined ? 'missing' : issue.message} (${FORMAT_NAMES[format]})`,
    })),
  )
}

const durations = (stats: { avg: number; med: number; 'p(95)': number; 'p(99)'?: number }): K6Summary['durationMs'] => ({
  avg: stats.avg,
  p50: stats.med,
  p95: stats['p(95)'],
  p99: stats['p(99)'] ?? null,
})

/** Counted when k6 gives the counts (passes = failed requests); its own share otherwise. */
function failedShare(counts: { passes?: number; fails?: number }, share: number | undefined): number | null {
  const { passes, fails } = counts
  if (passes !== undefined && fails !== undefined && passes + fails > 0) return passes / (passes + fails)
  return share ?? null
}
