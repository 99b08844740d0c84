// The operations (span name + kind) each service can emit, derived from the call graph: what
// Jaeger's GetOperations lists once a service has reported spans.
import { HANDLERS } from './call-graph'
import { FLEET } from './fleet'
import type { Step } from './handler'
import { SPAN_KIND_NAMES, SpanKind, type SpanKindNumber } from './simulated-trace'
import { dbSpanName } from './span-attributes'

export type Operation = { name: string; spanKind: string }

function stepOperation(step: Step): { name: string; kind: SpanKindNumber } {
  switch (step.type) {
    case 'http':
    case 'external':
      return { name: `${step.method} ${step.route}`, kind: SpanKind.CLIENT }
    case 'db':
      return { name: dbSpanName(step), kind: SpanKind.CLIENT }
    case 'publish':
      return { name: `send ${step.topic}`, kind: SpanKind.PRODUCER }
    case 'internal':
      return { name: step.name, kind: SpanKind.INTERNAL }
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function collectOperations(): Map<string, Operation[]> {
  const byService = new Map<string, Map<string, Operation>>(FLEET.map((service) => [service.name, new Map()]))
  const add = (service: string, name: string, kind: SpanKindNumber) => {
    const spanKind = SPAN_KIND_NAMES[kind]
    byService.get(service)!.set(`${spanKind} ${name}`, { name, spanKind })
  }
  for (const handler of HANDLERS) {
    const service = FLEET.find((candidate) => candidate.name === handler.service)!
    if (handler.kind === 'server')
      add(handler.service, service.omitsHttpRoute ? handler.method! : `${handler.method} ${handler.route}`, SpanKind.SERVER)
    else if (handler.kind === 'consumer') add(handler.service, `process ${handler.topic}`, SpanKind.CONSUMER)
    else add(handler.service, handler.job!, SpanKind.INTERNAL)
    for (const step of handler.steps) {
      const { name, kind } = stepOperation(step)
      add(handler.service, name, kind)
    }
  }
  const sorted = new Map<string, Operation[]>()
  for (const [service, operations] of byService) {
    sorted.set(
      service,
      [...operations.values()].sort((a, b) => compare(a.name, b.name) || compare(a.spanKind, b.spanKind)),
    )
  }
  return sorted
}

/** Every operation per service name, sorted by name then kind. */
export const OPERATIONS: ReadonlyMap<string, readonly Operation[]> = collectOperations()
