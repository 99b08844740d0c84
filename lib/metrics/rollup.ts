// Turns the traces fetched for one service's window into that window's rollups. Pure.
//
// Exactly once (DESIGN.md): a span is counted only under its own service, in the minute it starts,
// and only if that minute is in the window. The same trace is fetched for every service in it, but
// each of its spans falls in exactly one (service, window). Trace-level counts follow the same rule:
// "seen" at the service's earliest span in the trace, "owned" at the owner span (lib/traces/quality).
import { computeTraceQuality, traceOwner } from '@/lib/traces/quality'
import { ENTRY_KINDS, type Span, type Trace } from '@/lib/traces/span'
import { LatencyHistogram } from './histogram'
import { minuteOf } from '@/lib/time/time-buckets'
import type { SpanCounts } from './span-counts'
import { collapseVersions, versionedKey, type VersionedSpanRollup } from './version-rollup'

export type RollupWindow = { service: string; startUs: number; endUs: number }

export type SpanRollup = SpanCounts & {
  operation: string
  spanKind: string
  bucketStartUs: number
  histogram: LatencyHistogram
}

export type ServiceRollup = {
  bucketStartUs: number
  spans: number
  tracesSeen: number
  tracesComplete: number
  rootTraces: number
  rootTracesComplete: number
  orphanSpans: number
  skewedSpans: number
  warningSpans: number
  serverSpans: number
  serverSpansWithRoute: number
  httpSpans: number
  httpSpansWithStatus: number
  spansWithVersion: number
  spansWithSampler: number
  samplerParamSum: number
  rejectedRecords: number
  /** Spans whose service or operation name had characters Postgres cannot store (Span `textCleaned`). */
  cleanedTextSpans: number
  /** Entry spans (server, consumer): the requests and messages the service handled — its RED metrics. */
  entrySpans: number
  entryErrors: number
  entryEstimatedSpans: number
  entryEstimatedErrors: number
  entryDurationSumUs: number
  entryHistogram: LatencyHistogram
}

/**
 * Calls into the window's service from another: its spans (in the window) whose parent span belongs
 * to `caller`. Counted under the callee only, so each call is counted once fleet-wide.
 */
export type CallerRollup = { caller: string; calls: number; errors: number; firstSeenUs: number; lastSeenUs: number }

export type WindowRollups = {
  /** One row per (operation, span kind, minute), all versions together. */
  spanRollups: SpanRollup[]
  /** The same spans per `service.version` too (spans without one left out): see version-rollup.ts. */
  versionedSpanRollups: VersionedSpanRollup[]
  serviceRollups: ServiceRollup[]
  callers: CallerRollup[]
  spans: number
  traces: number
}

/** Head samplers whose `sampler.param` is the probability a trace was kept. */
const PROBABILISTIC = new Set(['probabilistic', 'traceidratio', 'parentbased_traceidratio'])

/**
 * How many real spans one stored span stands for, by the sampler that made the decision (1 when
 * there is no basis: rate-limiting, remote or unknown samplers).
 */
export function samplingWeight(samplerType: string | null, samplerParam: number | null): number {
  if (samplerParam === null || !(samplerParam > 0 && samplerParam <= 1)) return 1
  return samplerType === null || PROBABILISTIC.has(samplerType) ? 1 / samplerParam : 1
}

const emptyServiceRollup = (bucketStartUs: number): ServiceRollup => ({
  bucketStartUs,
  spans: 0,
  tracesSeen: 0,
  tracesComplete: 0,
  rootTraces: 0,
  rootTracesComplete: 0,
  orphanSpans: 0,
  skewedSpans: 0,
  warningSpans: 0,
  serverSpans: 0,
  serverSpansWithRoute: 0,
  httpSpans: 0,
  httpSpansWithStatus: 0,
  spansWithVersion: 0,
  spansWithSampler: 0,
  samplerParamSum: 0,
  rejectedRecords: 0,
  cleanedTextSpans: 0,
  entrySpans: 0,
  entryErrors: 0,
  entryEstimatedSpans: 0,
  entryEstimatedErrors: 0,
  entryDurationSumUs: 0,
  entryHistogram: new LatencyHistogram(),
})

/**
 * @param extrapolation ≥ 1: the window was sampled (only 1/extrapolation of it read); estimates scale by it.
 * @param rejectedRecords records of this window that failed validation, booked on its first minute.
 */
export function computeWindowRollups(
  traces: Iterable<Trace>,
  window: RollupWindow,
  { extrapolation = 1, rejectedRecords = 0 } = {},
): WindowRollups {
  const spanRollups = new Map<string, VersionedSpanRollup>()
  const serviceRollups = new Map<number, ServiceRollup>()
  const serviceRollup = (bucketStartUs: number) => {
    let rollup = serviceRollups.get(bucketStartUs)
    if (!rollup) serviceRollups.set(bucketStartUs, (rollup = emptyServiceRollup(bucketStartUs)))
    return rollup
  }
  const inWindow = (span: Span) => span.service === window.service && span.startUs >= window.startUs && span.startUs < window.endUs
  const callers = new Map<string, CallerRollup>()
  let spans = 0
  let traceCount = 0

  for (const trace of traces) {
    const quality = computeTraceQuality(trace)
    const decider = quality.root
    const orphans = new Set(quality.orphanSpans)
    const skewed = new Set(quality.skewedSpans)
    let earliestOwn: Span | null = null
    for (const span of trace.spans) {
      if (span.service !== window.service) continue
      if (!earliestOwn || span.startUs < earliestOwn.startUs) earliestOwn = span
      if (!inWindow(span)) continue
      spans++
      const bucketStartUs = minuteOf(span.startUs)
      const weight =
        extrapolation *
        (decider?.samplerParam != null
          ? samplingWeight(decider.samplerType, decider.samplerParam)
          : samplingWeight(span.samplerType, span.samplerParam))
      const version = span.serviceVersion ?? ''
      const key = versionedKey(span.operation, span.kind, bucketStartUs, version)
      let rollup = spanRollups.get(key)
      if (!rollup) {
        rollup = {
          version,
          operation: span.operation,
          spanKind: span.kind,
          bucketStartUs,
          spanCount: 0,
          errorCount: 0,
          estimatedSpanCount: 0,
          estimatedErrorCount: 0,
          durationSumUs: 0,
          durationMaxUs: 0,
          histogram: new LatencyHistogram(),
        }
        spanRollups.set(key, rollup)
      }
      rollup.spanCount++
      rollup.estimatedSpanCount += weight
      if (span.error) {
        rollup.errorCount++
        rollup.estimatedErrorCount += weight
      }
      rollup.durationSumUs += span.durationUs
      if (span.durationUs > rollup.durationMaxUs) rollup.durationMaxUs = span.durationUs
      rollup.histogram.add(span.durationUs)

      const parent = span.parentSpanId === null ? undefined : quality.spansById.get(span.parentSpanId)
      if (parent && parent.service !== window.service) addCall(callers, parent.service, span)

      const service = serviceRollup(bucketStartUs)
      service.spans++
      if (orphans.has(span)) service.orphanSpans++
      if (skewed.has(span)) service.skewedSpans++
      if (span.warnings.length) service.warningSpans++
      if (span.textCleaned) service.cleanedTextSpans++
      if (span.kind === 'server') {
        service.serverSpans++
        if (span.httpRoute) service.serverSpansWithRoute++
      }
      if (span.isHttp) {
        service.httpSpans++
        if (span.httpStatusCode !== null) service.httpSpansWithStatus++
      }
      if (span.serviceVersion) service.spansWithVersion++
      if (span.samplerParam !== null) {
        service.spansWithSampler++
        service.samplerParamSum += span.samplerParam
      }
      if (ENTRY_KINDS.has(span.kind)) {
        service.entrySpans++
        service.entryEstimatedSpans += weight
        if (span.error) {
          service.entryErrors++
          service.entryEstimatedErrors += weight
        }
        service.entryDurationSumUs += span.durationUs
        service.entryHistogram.add(span.durationUs)
      }
    }
    if (earliestOwn && inWindow(earliestOwn)) {
      traceCount++
      const service = serviceRollup(minuteOf(earliestOwn.startUs))
      service.tracesSeen++
      if (quality.complete) service.tracesComplete++
    }
    const owner = traceOwner(trace, quality)
    if (owner && inWindow(owner)) {
      const service = serviceRollup(minuteOf(owner.startUs))
      service.rootTraces++
      if (quality.complete) service.rootTracesComplete++
    }
  }
  if (rejectedRecords > 0) serviceRollup(minuteOf(window.startUs)).rejectedRecords += rejectedRecords
  return {
    ...collapseVersions(spanRollups.values()),
    serviceRollups: [...serviceRollups.values()],
    callers: [...callers.values()],
    spans,
    traces: traceCount,
  }
}

function addCall(callers: Map<string, CallerRollup>, caller: string, span: Span) {
  const edge = callers.get(caller)
  if (!edge) {
    callers.set(caller, { caller, calls: 1, errors: span.error ? 1 : 0, firstSeenUs: span.startUs, lastSeenUs: span.startUs })
    return
  }
  edge.calls++
  if (span.error) edge.errors++
  edge.firstSeenUs = Math.min(edge.firstSeenUs, span.startUs)
  edge.lastSeenUs = Math.max(edge.lastSeenUs, span.startUs)
}

/** The numeric fields of a service rollup, which add up when buckets merge. */
export const SERVICE_COUNTERS = Object.keys(emptyServiceRollup(0)).filter(
  (field) => field !== 'bucketStartUs' && field !== 'entryHistogram',
) as Exclude<keyof ServiceRollup, 'bucketStartUs' | 'entryHistogram'>[]
