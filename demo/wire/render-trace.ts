// What Jaeger's query service does to a trace before returning it unless raw traces were asked for
// (cmd/jaeger/internal/extension/jaegerquery/internal/adjuster: standard.go, sort.go, clockskew.go):
// attributes sorted by key, events by time, and the clock-skew adjuster's span warnings.
import type { Attribute, Resource, Scope, SimEvent, SimSpan, SimTrace } from '../simulator/simulated-trace'
import { formatGoDuration } from './go-duration'

export type RenderedEvent = Omit<SimEvent, 'attributes'> & { attributes: readonly Attribute[] }
export type RenderedSpan = {
  span: SimSpan
  attributes: readonly Attribute[]
  events: readonly RenderedEvent[]
  warnings: readonly string[]
}
export type RenderedScope = { scope: Scope; spans: RenderedSpan[] }
export type RenderedResource = { resource: Resource; attributes: readonly Attribute[]; scopes: RenderedScope[] }

const byKey = (a: Attribute, b: Attribute) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** Spans grouped as Jaeger stores them: by resource (service instance), then scope, first seen first. */
function groupSpans(trace: SimTrace): { resource: Resource; scopes: { scope: Scope; spans: SimSpan[] }[] }[] {
  const resources = new Map<Resource, Map<string, { scope: Scope; spans: SimSpan[] }>>()
  for (const span of trace.spans) {
    let scopes = resources.get(span.resource)
    if (!scopes) resources.set(span.resource, (scopes = new Map()))
    const scopeKey = `${span.scope.name}@${span.scope.version}`
    let group = scopes.get(scopeKey)
    if (!group) scopes.set(scopeKey, (group = { scope: span.scope, spans: [] }))
    group.spans.push(span)
  }
  return [...resources].map(([resource, scopes]) => ({ resource, scopes: [...scopes.values()] }))
}

type Node = { span: SimSpan; hostKey: string; startNs: number; endNs: number; children: Node[]; warnings: string[] }

/**
 * Port of CorrectClockSkew with max_clock_skew_adjust = 0 (Jaeger's default): nothing moves, so a
 * span's computed delta is only reported. Spans from one host share a skew; a host change below a
 * parent computes a new one. Returns the warnings per span id.
 */
function clockSkewWarnings(spans: readonly SimSpan[]): Map<string, string[]> {
  const nodes = new Map<string, Node>()
  for (const span of spans) {
    const hostName = span.resource.attributes.find((attribute) => attribute.key === 'host.name')
    const startNs = span.startUs * 1000
    nodes.set(span.spanId, {
      span,
      hostKey: hostName ? String(hostName.value) : '',
      startNs,
      endNs: startNs + span.durationUs * 1000,
      children: [],
      warnings: [],
    })
  }
  const roots: Node[] = []
  for (const node of nodes.values()) {
    const parent = node.span.parentSpanId === '' ? undefined : nodes.get(node.span.parentSpanId)
    if (parent) {
      parent.children.push(node)
      continue
    }
    if (node.span.parentSpanId !== '')
      node.warnings.push(`parent span ID=${node.span.parentSpanId} is not in the trace; skipping clock skew adjustment`)
    roots.push(node)
  }
  const skewNs = (child: Node, parent: Node): number => {
    const parentDuration = parent.endNs - parent.startNs
    const childDuration = child.endNs - child.startNs
    if (childDuration > parentDuration) return child.startNs < parent.startNs ? parent.startNs - child.startNs : 0
    if (child.startNs >= parent.startNs && child.endNs <= parent.endNs) return 0
    // network latency assumed split equally between request and response
    return parent.startNs + Math.trunc((parentDuration - childDuration) / 2) - child.startNs
  }
  for (const root of roots) {
    const stack: { node: Node; parent?: Node; skew: { hostKey: string; deltaNs: number } }[] = [
      { node: root, skew: { hostKey: root.hostKey, deltaNs: 0 } },
    ]
    while (stack.length > 0) {
      const { node, parent, skew: inherited } = stack.pop()!
      const skew =
        parent && (node.hostKey !== inherited.hostKey || node.hostKey === '')
          ? { hostKey: node.hostKey, deltaNs: skewNs(node, parent) }
          : inherited
      if (skew.deltaNs !== 0)
        node.warnings.push(`clock skew adjustment disabled; not applying calculated delta of ${formatGoDuration(skew.deltaNs)}`)
      for (const child of node.children) stack.push({ node: child, parent: node, skew })
    }
  }
  return new Map([...nodes.values()].map((node) => [node.span.spanId, node.warnings]))
}

/** The trace as a read returns it: grouped by resource and scope; unless raw, sorted and with warnings. */
export function renderTrace(trace: SimTrace, raw: boolean): RenderedResource[] {
  const groups = groupSpans(trace)
  const warnings = raw ? new Map<string, string[]>() : clockSkewWarnings(trace.spans)
  const sorted = <T>(items: readonly T[], compare: (a: T, b: T) => number) => (raw ? items : [...items].sort(compare))
  return groups.map(({ resource, scopes }) => ({
    resource,
    attributes: sorted(resource.attributes, byKey),
    scopes: scopes.map(({ scope, spans }) => ({
      scope,
      spans: spans.map((span) => ({
        span,
        attributes: sorted(span.attributes, byKey),
        events: sorted<RenderedEvent>(
          span.events.map((event) => ({ ...event, attributes: sorted(event.attributes, byKey) })),
          (a, b) => a.timeUs - b.timeUs,
        ),
        warnings: warnings.get(span.spanId) ?? [],
      })),
    })),
  }))
}
