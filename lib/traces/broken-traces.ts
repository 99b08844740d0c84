// Example broken traces of a service: among traces it took part in, those that did not arrive whole
// (lib/traces/quality.ts), each with what broke it, newest first. The reliability page's evidence. Pure.
import { computeTraceQuality, isClockSkewNote, traceOwner } from './quality'
import type { Trace } from './span'

export type BrokenTrace = {
  traceId: string
  startUs: number
  rootService: string | null
  rootOperation: string | null
  spanCount: number
  services: string[]
  /** What keeps it from being whole, as a person reads it. */
  problems: string[]
  /** Clock-skew notes: reported beside it, not why it broke. */
  skewedSpans: number
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

export function computeBrokenTraces(traces: readonly Trace[], { limit }: { limit: number }): BrokenTrace[] {
  const broken: BrokenTrace[] = []
  for (const trace of traces) {
    if (trace.spans.length === 0) continue
    const quality = computeTraceQuality(trace)
    if (quality.complete) continue
    const problems: string[] = []
    if (quality.rootCount === 0) problems.push('no root span')
    if (quality.rootCount > 1) problems.push(`${quality.rootCount} root spans`)
    if (quality.orphanSpans.length) {
      const lost = [...new Set(quality.orphanSpans.map((span) => span.service))]
      problems.push(`${plural(quality.orphanSpans.length, 'orphan span')} (parent missing) in ${lost.join(', ')}`)
    }
    if (quality.cycleSpans.length) problems.push(`${plural(quality.cycleSpans.length, 'span')} in a parent cycle`)
    const warnings = [...trace.warnings, ...quality.warningSpans.flatMap((span) => span.warnings)].filter(
      (warning) => !isClockSkewNote(warning),
    )
    for (const warning of [...new Set(warnings)].slice(0, 3)) problems.push(`Jaeger: ${warning}`)
    const owner = traceOwner(trace, quality)
    broken.push({
      traceId: trace.traceId,
      startUs: Math.min(...trace.spans.map((span) => span.startUs)),
      rootService: quality.root?.service ?? owner?.service ?? null,
      rootOperation: quality.root?.operation ?? null,
      spanCount: trace.spans.length,
      services: [...new Set(trace.spans.map((span) => span.service))].sort(),
      problems,
      skewedSpans: quality.skewedSpans.length,
    })
  }
  return broken.sort((a, b) => b.startUs - a.startUs || (a.traceId < b.traceId ? -1 : 1)).slice(0, limit)
}
