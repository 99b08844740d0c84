// The rows of a trace's waterfall, in Jaeger UI order: depth-first from the roots, children and
// roots by start time. A span whose parent is not in the trace (an orphan) is drawn as a root.
import type { SimSpan, SimTrace } from '../simulator/simulated-trace'

export type WaterfallRow = {
  span: SimSpan
  /** 0 for roots and orphans. */
  depth: number
  isOrphan: boolean
  /** From the earliest reported start in the trace, so never negative even under clock skew. */
  offsetUs: number
  /** Bar position as fractions (0..1) of the trace's extent: earliest start to latest end. */
  left: number
  width: number
}

export type Waterfall = { startUs: number; durationUs: number; rows: WaterfallRow[] }

const byStart = (a: SimSpan, b: SimSpan) => a.startUs - b.startUs || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0)

/** Earliest reported start to latest end. `trace` has at least one span, as every simulated trace does. */
export function traceExtent(trace: SimTrace): { startUs: number; durationUs: number } {
  const startUs = Math.min(...trace.spans.map((span) => span.startUs))
  return { startUs, durationUs: Math.max(...trace.spans.map((span) => span.startUs + span.durationUs)) - startUs }
}

export function computeWaterfall(trace: SimTrace): Waterfall {
  const { startUs, durationUs } = traceExtent(trace)
  const spanIds = new Set(trace.spans.map((span) => span.spanId))
  const children = new Map<string, SimSpan[]>()
  const roots: SimSpan[] = []
  for (const span of trace.spans) {
    if (span.parentSpanId === '' || !spanIds.has(span.parentSpanId)) roots.push(span)
    else children.set(span.parentSpanId, [...(children.get(span.parentSpanId) ?? []), span])
  }

  const rows: WaterfallRow[] = []
  const visited = new Set<string>()
  const visit = (span: SimSpan, depth: number) => {
    if (visited.has(span.spanId)) return
    visited.add(span.spanId)
    rows.push({
      span,
      depth,
      isOrphan: span.parentSpanId !== '' && !spanIds.has(span.parentSpanId),
      offsetUs: span.startUs - startUs,
      // a zero-length trace (one instant span) fills the track rather than dividing by zero
      left: durationUs > 0 ? (span.startUs - startUs) / durationUs : 0,
      width: durationUs > 0 ? span.durationUs / durationUs : 1,
    })
    for (const child of (children.get(span.spanId) ?? []).sort(byStart)) visit(child, depth + 1)
  }
  for (const root of roots.sort(byStart)) visit(root, 0)
  // Spans on a parent cycle are reachable from no root; they still get a row.
  for (const span of [...trace.spans].sort(byStart)) visit(span, 0)
  return { startUs, durationUs, rows }
}
