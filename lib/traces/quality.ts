// Trace quality (DESIGN.md): is the trace one whole tree, and where is it broken? Pure.
//
//   root     a span without a parent reference
//   orphan   a span whose parent reference names a span missing from the trace
//   cycle    spans whose parents lead round in a circle and never reach a root (must not loop)
//   skew     a span timed outside its parent in a way only clock skew explains (see isSkewed)
//   warning  a span or trace Jaeger attached a warning to that reports lost, invalid or duplicate
//            references; its clock-skew notes are quality notes, not breaks (isClockSkewNote)
//   complete exactly one root, no orphans, no cycles, no such warnings (DESIGN.md: trace reliability)
import type { Span, Trace } from './span'

export type TraceQuality = {
  complete: boolean
  /** The root span when there is exactly one. */
  root: Span | null
  rootCount: number
  orphanSpans: Span[]
  cycleSpans: Span[]
  skewedSpans: Span[]
  warningSpans: Span[]
  traceWarnings: string[]
  /** Each span id's span (the first, where ids repeat). */
  spansById: ReadonlyMap<string, Span>
}

/**
 *   parent |--------|
 *   child   |----|        fine
 *   child |---|           starts before its parent: impossible on one clock → skew
 *   child       |-----|   ends after: skew only for a server span under its client (a synchronous
 *                         call); a consumer may outlive its producer, a fire-and-forget child its caller.
 * Jaeger's clock-skew adjuster compares the same pairs (server span within its client parent).
 */
export function isSkewed(child: Span, parent: Span): boolean {
  if (child.startUs < parent.startUs) return true
  const synchronousCall = child.kind === 'server' && parent.kind === 'client'
  return synchronousCall && child.startUs + child.durationUs > parent.startUs + parent.durationUs
}

/**
 * Jaeger's clock-skew adjuster (model/adjuster/clockskew.go) notes the delta it applied or could not
 * apply ("clock skew adjustment disabled; not applying calculated delta of …", "max clock skew
 * adjustment delta of … exceeded …"): a note about a host's clock, the trace itself arrived whole.
 * Its "invalid parent span IDs=…; skipping clock skew adjustment" and "duplicate span IDs; …" report
 * broken references, which do break the trace.
 */
export function isClockSkewNote(warning: string): boolean {
  return /clock skew adjustment/i.test(warning) && !/invalid parent|duplicate span/i.test(warning)
}

const breaksTrace = (warning: string) => !isClockSkewNote(warning)

/** Where a span's chain of parents ends. */
type Reach = 'root' | 'orphaned' | 'cycle'

export function computeTraceQuality(trace: Trace): TraceQuality {
  const byId = new Map<string, Span>()
  for (const span of trace.spans) if (!byId.has(span.spanId)) byId.set(span.spanId, span)

  const roots: Span[] = []
  const orphanSpans: Span[] = []
  const skewedSpans: Span[] = []
  for (const span of trace.spans) {
    if (span.parentSpanId === null) roots.push(span)
    else {
      const parent = byId.get(span.parentSpanId)
      if (!parent) orphanSpans.push(span)
      else if (isSkewed(span, parent)) skewedSpans.push(span)
    }
  }

  // Where does each span's chain of parents end? Each span is walked once (memoised; 'visiting' marks
  // the chain being walked, so meeting it again is a cycle), so any cycle costs linear time and
  // cannot loop. One stack is reused for every walk.
  const reach = new Map<string, Reach | 'visiting'>()
  const stack: string[] = []
  for (const start of byId.values()) {
    let span: Span | undefined = start
    let outcome: Reach | undefined
    while (outcome === undefined) {
      if (!span) outcome = 'orphaned'
      else {
        const known = reach.get(span.spanId)
        if (known === 'visiting') outcome = 'cycle'
        else if (known !== undefined) outcome = known
        else if (span.parentSpanId === null) {
          outcome = 'root'
          reach.set(span.spanId, 'root')
        } else {
          reach.set(span.spanId, 'visiting')
          stack.push(span.spanId)
          span = byId.get(span.parentSpanId)
        }
      }
    }
    while (stack.length) reach.set(stack.pop()!, outcome)
  }
  const cycleSpans = trace.spans.filter((span) => reach.get(span.spanId) === 'cycle')
  const warningSpans = trace.spans.filter((span) => span.warnings.some(breaksTrace))

  return {
    complete:
      roots.length === 1 &&
      orphanSpans.length === 0 &&
      cycleSpans.length === 0 &&
      warningSpans.length === 0 &&
      !trace.warnings.some(breaksTrace),
    root: roots.length === 1 ? roots[0]! : null,
    rootCount: roots.length,
    orphanSpans,
    cycleSpans,
    skewedSpans,
    warningSpans,
    traceWarnings: trace.warnings,
    spansById: byId,
  }
}

/**
 * The service a trace is counted under once, fleet-wide: its root span's service, or (no single
 * root) the service of its earliest span. Summing per-service trace counts by owner never counts
 * a trace twice, though every service in it sees it.
 */
export function traceOwner(trace: Trace, quality: TraceQuality): Span | null {
  if (quality.root) return quality.root
  let earliest: Span | null = null
  for (const span of trace.spans)
    if (!earliest || span.startUs < earliest.startUs || (span.startUs === earliest.startUs && span.spanId < earliest.spanId))
      earliest = span
  return earliest
}
