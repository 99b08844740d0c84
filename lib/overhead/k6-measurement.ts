// One overhead measurement from two k6 end-of-test summaries of the same service: the run with tracing
// on and the run with it off. What the k6 route and the upload form both save.
import { InvalidInputError, type FieldIssue } from '@/lib/errors'
import { overheadFromK6, parseK6Summary, type K6Overhead, type K6Summary } from './k6-summary'
import { overheadMeasurementInput, type OverheadK6Input, type OverheadMeasurementInput } from './schemas'

export type K6Measurement = { measurement: OverheadMeasurementInput; on: K6Summary; off: K6Summary; overhead: K6Overhead }

/**
 * p50, p95 and mean of http_req_duration and http_reqs' count of each run, as a measurement. Every
 * problem of either summary is an InvalidInputError naming its path under `on` or `off`
 * (`on.metrics.http_req_duration.med`); `now` stands in for a missing measuredAt.
 */
export function measurementFromK6(input: OverheadK6Input, now: Date): K6Measurement {
  const issues: FieldIssue[] = []
  const read = (side: 'on' | 'off'): K6Summary | null => {
    try {
      const summary = parseK6Summary(input[side])
      if (!summary.requests)
        issues.push({ path: `${side}.metrics.http_reqs.count`, message: 'missing or 0: the sample size comes from http_reqs' })
      return summary
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      issues.push(...error.issues.map((issue) => ({ path: `${side}.${issue.path}`, message: issue.message })))
      return null
    }
  }
  const on = read('on')
  const off = read('off')
  if (!on || !off || issues.length) throw new InvalidInputError(issues)
  const parsed = overheadMeasurementInput.safeParse({
    service: input.service,
    p50OnMs: on.durationMs.p50,
    p50OffMs: off.durationMs.p50,
    p95OnMs: on.durationMs.p95,
    p95OffMs: off.durationMs.p95,
    meanOnMs: on.durationMs.avg,
    meanOffMs: off.durationMs.avg,
    samplesOn: on.requests,
    samplesOff: off.requests,
    method: input.method,
    environment: input.environment,
    measuredAt: input.measuredAt ?? now.toISOString(),
    notes: input.notes,
  })
  // A latency out of range (a unit mistake, a run of hours) is named where it came from.
  if (!parsed.success)
    throw new InvalidInputError(
      parsed.error.issues.map((issue) => ({ path: K6_PATHS[String(issue.path[0])] ?? issue.path.join('.'), message: issue.message })),
    )
  return { measurement: parsed.data, on, off, overhead: overheadFromK6(on, off) }
}

const K6_PATHS: Record<string, string> = {
  p50OnMs: 'on.metrics.http_req_duration.med',
  p50OffMs: 'off.metrics.http_req_duration.med',
  p95OnMs: 'on.metrics.http_req_duration.p(95)',
  p95OffMs: 'off.metrics.http_req_duration.p(95)',
  meanOnMs: 'on.metrics.http_req_duration.avg',
  meanOffMs: 'off.metrics.http_req_duration.avg',
}
