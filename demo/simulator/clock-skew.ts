// Extra clock offsets on top of the fleet's own (a test fault): every span a service reports, and its
// events, start offsetUs later (earlier when negative). The simulator applies them to the traces it
// reads, so search, lookup by id, dependencies and exactCounts all see the same reported times.
import type { SimSpan, SimTrace } from './simulated-trace'

export type ServiceSkew = { service: string; offsetUs: number }

/** Offsets by service name (entries for one service add up) and how far they reach, µs. */
export type ClockSkew = {
  offsetsUs: ReadonlyMap<string, number>
  /** Largest offset that moves a start later, ≥ 0. */
  latestUs: number
  /** Largest offset that moves a start earlier, as a magnitude, ≥ 0. */
  earliestUs: number
}

export const NO_SKEW: ClockSkew = { offsetsUs: new Map(), latestUs: 0, earliestUs: 0 }

export function compileClockSkew(skews: readonly ServiceSkew[]): ClockSkew {
  if (skews.length === 0) return NO_SKEW
  const offsetsUs = new Map<string, number>()
  for (const { service, offsetUs } of skews) offsetsUs.set(service, (offsetsUs.get(service) ?? 0) + offsetUs)
  const offsets = [...offsetsUs.values()]
  return { offsetsUs, latestUs: Math.max(0, ...offsets), earliestUs: Math.max(0, ...offsets.map((offset) => -offset)) }
}

function skewSpan(span: SimSpan, offsetUs: number): SimSpan {
  const events = span.events.length === 0 ? span.events : span.events.map((event) => ({ ...event, timeUs: event.timeUs + offsetUs }))
  return { ...span, startUs: span.startUs + offsetUs, events }
}

/**
 * The trace as the skewed clocks report it; the same object when no span moves. A span reported to
 * end later keeps the trace hidden until then (nothing that ends after now is returned).
 */
export function applyClockSkew(trace: SimTrace, skew: ClockSkew): SimTrace {
  if (skew.offsetsUs.size === 0 || !trace.spans.some((span) => skew.offsetsUs.get(span.resource.serviceName))) return trace
  let visibleFromUs = trace.visibleFromUs
  const spans = trace.spans.map((span) => {
    const offsetUs = skew.offsetsUs.get(span.resource.serviceName)
    if (!offsetUs) return span
    const skewed = skewSpan(span, offsetUs)
    visibleFromUs = Math.max(visibleFromUs, skewed.startUs + skewed.durationUs)
    return skewed
  })
  return { ...trace, visibleFromUs, spans }
}
