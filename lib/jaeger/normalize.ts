// Wire records (lib/jaeger/parse.ts) → Spanlens spans (lib/traces/span.ts), grouped by trace: one
// file per API (normalize-v3.ts, normalize-classic.ts), and this one for what both share (the grouping
// by trace, the reporting process's facts, numeric attribute values). Units are converted in these
// files and nowhere else: api/v3 times are ns decimal strings, classic times are µs numbers.
// A record that cannot become a span (bad id, no start time, end before start) is rejected with a
// reason; the rest of its trace goes on. Service and operation names and service.version are made safe
// for Postgres here (clean-text.ts) and a span whose text had to be is marked `textCleaned`: they are
// the only span text stored (rollup keys, callers, versions); other attributes are only tested for
// presence or compared.
// normalize-detail.ts builds the trace view's richer spans on the same per-span functions (v3Span,
// classicSpan) and the same grouping (collectV3, collectClassic).
import type { Span, Trace } from '@/lib/traces/span'
import { cleanText } from './clean-text'
import type { RejectedRecord } from './parse'

/** Spans of any model grouped by trace, in order of first appearance; what could not become a span in `rejected`. */
export type Collected<S> = { traces: { traceId: string; spans: S[]; warnings: string[] }[]; rejected: RejectedRecord[] }
export type Normalized = { traces: Trace[]; rejected: RejectedRecord[] }

/** Shared by every span without warnings (most of them): never mutated. */
export const NO_WARNINGS: string[] = []

/** Facts of the reporting process, shared by all its spans. */
export type Process = Pick<Span, 'service' | 'serviceVersion' | 'samplerType' | 'samplerParam'>
/** A process as cached per resource (v3) or process object (classic): its service name and version cleaned once. */
export type ProcessEntry = { process: Process; processCleaned: boolean }

export function processEntry(process: Process): ProcessEntry {
  const service = cleanText(process.service)
  // The version keys stored rows too (version rollups, service_versions).
  const serviceVersion = process.serviceVersion === null ? null : cleanText(process.serviceVersion)
  return {
    process: { ...process, service, serviceVersion },
    processCleaned: service !== process.service || serviceVersion !== process.serviceVersion,
  }
}

export class TraceCollector<S extends { traceId: string }> {
  private readonly byId = new Map<string, Collected<S>['traces'][number]>()
  readonly rejected: RejectedRecord[] = []

  add(span: S) {
    let trace = this.byId.get(span.traceId)
    if (!trace) this.byId.set(span.traceId, (trace = { traceId: span.traceId, spans: [], warnings: [] }))
    trace.spans.push(span)
  }

  addTraceWarnings(traceId: string, warnings: readonly string[]) {
    const trace = this.byId.get(traceId)
    if (trace && warnings.length) trace.warnings.push(...warnings)
  }

  reject(path: string, error: unknown) {
    this.rejected.push({ path, message: error instanceof Error ? error.message : String(error) })
  }

  result(): Collected<S> {
    return { traces: [...this.byId.values()], rejected: this.rejected }
  }
}

export const toNumber = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isFinite(number) ? number : null
}
