// What a waterfall draws for a trace: its spans as rows in tree order, bar positions, self time, the
// critical path, service colours and a summary. Pure. Times are µs; fractions are 0..1 of the
// trace's duration (first span start → last span end), measured from its start.
import type { Span, Trace } from './span'

/** Colours a service can get; components/traces/service-palette.ts holds exactly this many. Prime, so
 *  the remainder depends on every bit of the hash (mod 12 gave api-gateway and customers-service one colour). */
export const SERVICE_COLOR_COUNT = 11

/** A stretch of the timeline as fractions of the trace's duration. */
export type TimelineFraction = { offset: number; width: number }

export type WaterfallRow = {
  span: Span
  /** 0 for roots, orphans and cycle breakers; a child is one deeper than its parent. */
  depth: number
  /**
   * Why a span with a parent reference sits at depth 0: its parent is not in the trace (`orphan`),
   * or its parents lead round in a circle (`cycle`: the earliest span of the circle is cut loose
   * from its parent so the circle hangs below it once).
   */
  detached: 'orphan' | 'cycle' | null
  childCount: number
  /** Its subtree without itself: exactly the rows that follow it, up to the next row this deep or shallower. */
  descendantCount: number
  /** span start − trace start. */
  offsetUs: number
  /** Its duration minus the union of its children's intervals clipped to it. */
  selfTimeUs: number
  bar: TimelineFraction
  /** The parts of this span on the critical path, chronological; empty when it is off the path. */
  criticalPath: TimelineFraction[]
  serviceColorIndex: number
}

/** [startUs, endUs) of one span on the critical path; sections of one tree never overlap. */
export type CriticalPathSection = { rowIndex: number; spanId: string; startUs: number; endUs: number }

export type TraceService = { service: string; colorIndex: number; spanCount: number; errorCount: number }

export type TraceSummary = {
  /** µs since the Unix epoch; 0 for a trace without spans. */
  startUs: number
  endUs: number
  durationUs: number
  spanCount: number
  errorCount: number
  /** Levels of the tree: 1 for a lone span, 0 without spans. */
  depth: number
  /** In order of first appearance in the waterfall. */
  services: TraceService[]
}

export type TraceLayout = {
  /** Depth-first, children by start time (input order on ties), top-level spans by start time. */
  rows: WaterfallRow[]
  criticalPath: CriticalPathSection[]
  summary: TraceSummary
}

/** FNV-1a of the name: the same service gets the same colour on every page and every trace. */
export function serviceColorIndex(service: string, paletteSize: number = SERVICE_COLOR_COUNT): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < service.length; i++) hash = Math.imul(hash ^ service.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % paletteSize
}

const endOf = (span: Span) => span.startUs + span.durationUs

type Tree = {
  /** Span indices, depth-first. */
  order: number[]
  depth: number[]
  /** Tree children of each span (cycle breakers removed from their parent), by start time. */
  children: number[][]
  detached: WaterfallRow['detached'][]
}

/** Walks the subtree of `top` depth-first, children in list order; `seen` keeps any stray cycle from looping. */
function walk(top: number, children: readonly number[][], seen: Uint8Array, onSpan: (index: number, depth: number) => void) {
  const stack: [number, number][] = [[top, 0]]
  while (stack.length) {
    const [index, depth] = stack.pop()!
    if (seen[index]) continue
    seen[index] = 1
    onSpan(index, depth)
    const kids = children[index]!
    for (let k = kids.length - 1; k >= 0; k--) if (!seen[kids[k]!]) stack.push([kids[k]!, depth + 1])
  }
}

function buildTree(spans: readonly Span[]): Tree {
  const indexById = new Map<string, number>()
  spans.forEach((span, index) => indexById.has(span.spanId) || indexById.set(span.spanId, index))
  const byStart = (a: number, b: number) => spans[a]!.startUs - spans[b]!.startUs
  // Duplicate span ids: the first holds the children, the others are its siblings.
  const parentOf = spans.map((span) => (span.parentSpanId === null ? -1 : (indexById.get(span.parentSpanId) ?? -1)))
  const children: number[][] = spans.map(() => [])
  const detached: WaterfallRow['detached'][] = spans.map(() => null)
  const tops: number[] = []
  parentOf.forEach((parent, index) => {
    if (parent === -1) {
      tops.push(index)
      if (spans[index]!.parentSpanId !== null) detached[index] = 'orphan'
    } else if (parent !== index) children[parent]!.push(index)
  })
  for (const kids of children) kids.sort(byStart)

  // Spans no top reaches hang off a circle of parents. Climbing from one finds the circle; its
  // earliest span becomes a top, which hangs the whole circle (and what leads into it) below it.
  const reached = new Uint8Array(spans.length)
  let reachedCount = 0
  for (const top of tops) walk(top, children, reached, () => reachedCount++)
  for (const index of reachedCount < spans.length ? spans.map((_, i) => i).sort(byStart) : []) {
    if (reached[index]) continue
    const climbed = new Set<number>()
    let member = index
    while (!climbed.has(member)) {
      climbed.add(member)
      member = parentOf[member]!
    }
    let breaker = member
    for (let next = parentOf[member]!; next !== member; next = parentOf[next]!) if (byStart(next, breaker) < 0) breaker = next
    const parentKids = children[parentOf[breaker]!]!
    if (parentKids.includes(breaker)) parentKids.splice(parentKids.indexOf(breaker), 1)
    detached[breaker] = 'cycle'
    tops.push(breaker)
    walk(breaker, children, reached, () => reachedCount++)
  }

  tops.sort(byStart)
  const order: number[] = []
  const depth: number[] = spans.map(() => 0)
  const seen = new Uint8Array(spans.length)
  for (const top of tops) {
    walk(top, children, seen, (index, d) => {
      order.push(index)
      depth[index] = d
    })
  }
  return { order, depth, children, detached }
}

/**
 *   span   |-------------------|
 *   child    |-----|                  covered 6
 *   child       |------|              overlaps the first: covered 4 more, not 7
 *   child                    |-----|  clipped at the span's end: covered 2
 *   self = 20 − 12
 */
function selfTimeUs(spans: readonly Span[], index: number, children: readonly number[]): number {
  const span = spans[index]!
  let covered = 0
  let cursor = span.startUs
  for (const child of children) {
    const from = Math.max(spans[child]!.startUs, cursor)
    const to = Math.min(endOf(spans[child]!), endOf(span))
    if (to > from) {
      covered += to - from
      cursor = to
    }
  }
  return span.durationUs - covered
}

type Stretch = { index: number; startUs: number; endUs: number }

/**
 * The critical path: the spans whose own work added up to the trace's end-to-end latency.
 * Jaeger UI's algorithm (TracePage/CriticalPath), made iterative:
 *   1. Every child is clipped to its (clipped) parent; a child wholly outside it is left out.
 *   2. In a span, from its end backwards: the child that ends last (LFC) is on the path; the span's
 *      own time between the LFC's end and the current point is a section; recurse into the LFC;
 *      then carry on from the LFC's start with the last child ending at or before it.
 *   3. With no child left, the span's own time from its start to the current point is a section.
 *
 *   root  |----------------------------|
 *   A        |-------|                     B ends last: [B.end, root.end] is the root's
 *   B                  |--------|          A ends before B starts: on the path
 *   C          |---------|                 C overlaps B's start: off the path
 *   path  |r |   A   |r|   B    |  r   |
 *
 * Each tree (a root, an orphan, a cycle breaker) gets its own path, as in Jaeger UI, so paths of
 * different trees may overlap in time. One difference, on purpose: a child ending exactly when the
 * next one starts counts (Jaeger asks for strictly before, which drops back-to-back sequential
 * calls). Our span model has no reference types, so FOLLOWS_FROM children count as blocking
 * (clipping still cuts whatever outlives its parent).
 */
function computeCriticalPath(spans: readonly Span[], tree: Tree): Stretch[] {
  type Frame = { index: number; startUs: number; cursorUs: number; candidates: Stretch[]; next: number }
  const frame = (index: number, startUs: number, endUs: number): Frame => {
    const candidates = tree.children[index]!.map((child) => ({
      index: child,
      startUs: Math.max(spans[child]!.startUs, startUs),
      endUs: Math.min(endOf(spans[child]!), endUs),
    }))
      .filter((clipped) => clipped.endUs > clipped.startUs)
      .sort((a, b) => b.endUs - a.endUs || a.startUs - b.startUs)
    return { index, startUs, cursorUs: endUs, candidates, next: 0 }
  }
  const path: Stretch[] = []
  for (const top of tree.order.filter((index) => tree.depth[index] === 0)) {
    const sections: Stretch[] = []
    const own = (index: number, startUs: number, endUs: number) => endUs > startUs && sections.push({ index, startUs, endUs })
    const stack = [frame(top, spans[top]!.startUs, endOf(spans[top]!))]
    while (stack.length) {
      const current = stack[stack.length - 1]!
      while (current.next < current.candidates.length && current.candidates[current.next]!.endUs > current.cursorUs) current.next++
      const child = current.candidates[current.next++]
      if (child) {
        own(current.index, child.endUs, current.cursorUs)
        current.cursorUs = child.startUs
        stack.push(frame(child.index, child.startUs, child.endUs))
      } else {
        own(current.index, current.startUs, current.cursorUs)
        stack.pop()
      }
    }
    path.push(...sections.reverse())
  }
  return path
}

export function computeTraceLayout(trace: Trace): TraceLayout {
  const { spans } = trace
  const tree = buildTree(spans)
  let startUs = spans.length ? Infinity : 0
  let endUs = spans.length ? -Infinity : 0
  for (const span of spans) {
    startUs = Math.min(startUs, span.startUs)
    endUs = Math.max(endUs, endOf(span))
  }
  const durationUs = endUs - startUs
  const fraction = (fromUs: number, toUs: number): TimelineFraction => ({
    offset: (fromUs - startUs) / (durationUs || 1),
    width: (toUs - fromUs) / (durationUs || 1),
  })

  const rowOf = new Map<number, number>(tree.order.map((index, row) => [index, row]))
  const descendants = spans.map(() => 0)
  for (let row = tree.order.length - 1; row >= 0; row--) {
    const index = tree.order[row]!
    for (const child of tree.children[index]!) descendants[index]! += 1 + descendants[child]!
  }
  const rows: WaterfallRow[] = tree.order.map((index) => {
    const span = spans[index]!
    return {
      span,
      depth: tree.depth[index]!,
      detached: tree.detached[index]!,
      childCount: tree.children[index]!.length,
      descendantCount: descendants[index]!,
      offsetUs: span.startUs - startUs,
      selfTimeUs: selfTimeUs(spans, index, tree.children[index]!),
      bar: fraction(span.startUs, endOf(span)),
      criticalPath: [],
      serviceColorIndex: serviceColorIndex(span.service),
    }
  })

  const criticalPath = computeCriticalPath(spans, tree).map(({ index, startUs: from, endUs: to }): CriticalPathSection => {
    const rowIndex = rowOf.get(index)!
    rows[rowIndex]!.criticalPath.push(fraction(from, to))
    return { rowIndex, spanId: spans[index]!.spanId, startUs: from, endUs: to }
  })

  const services = new Map<string, TraceService>()
  for (const { span } of rows) {
    let service = services.get(span.service)
    if (!service)
      services.set(
        span.service,
        (service = { service: span.service, colorIndex: serviceColorIndex(span.service), spanCount: 0, errorCount: 0 }),
      )
    service.spanCount++
    if (span.error) service.errorCount++
  }
  const summary: TraceSummary = {
    startUs,
    endUs,
    durationUs,
    spanCount: spans.length,
    errorCount: spans.filter((span) => span.error).length,
    depth: rows.reduce((deepest, row) => Math.max(deepest, row.depth + 1), 0),
    services: [...services.values()],
  }
  return { rows, criticalPath, summary }
}
