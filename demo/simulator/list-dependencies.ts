// Service dependency links as Jaeger's in-memory store derives them: every span whose parent is in
// the same trace but belongs to another service is one call from the parent's service to its own.
import { candidateMinutes, type MinuteSource } from './find-traces'
import type { SimSpan } from './simulated-trace'

export type DependencyLink = { parent: string; child: string; callCount: number }

/** Links for spans that start in [startUs, endUs], sorted by parent then child. */
export function listDependencies(source: MinuteSource, startUs: number, endUs: number): DependencyLink[] {
  const nowUs = source.nowUs()
  const calls = new Map<string, DependencyLink>()
  const { first, last } = candidateMinutes(startUs, Math.min(endUs, nowUs), source.skew)
  for (let minute = first; minute <= last; minute++) {
    if (!source.mayEmit(minute)) continue
    for (const trace of source.tracesOf(minute)) {
      if (trace.visibleFromUs > nowUs) continue
      const byId = new Map<string, SimSpan>(trace.spans.map((span) => [span.spanId, span]))
      for (const span of trace.spans) {
        if (span.startUs < startUs || span.startUs > endUs) continue
        const parent = byId.get(span.parentSpanId)
        if (!parent || parent.resource.serviceName === span.resource.serviceName) continue
        const key = `${parent.resource.serviceName}\t${span.resource.serviceName}`
        const link = calls.get(key) ?? { parent: parent.resource.serviceName, child: span.resource.serviceName, callCount: 0 }
        link.callCount++
        calls.set(key, link)
      }
    }
  }
  return [...calls.values()].sort((a, b) => (a.parent === b.parent ? (a.child < b.child ? -1 : 1) : a.parent < b.parent ? -1 : 1))
}
