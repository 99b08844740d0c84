// Shared state of one trace while it is being generated, and the helpers that add spans to it.
import type { FleetService } from './fleet'
import type { Random } from './random'
import type { Scenario } from './scenario'
import type { Attribute, Resource, Scope, SimEvent, SimSpan, SpanKindNumber } from './simulated-trace'

export type TraceBuild = {
  rng: Random
  scenario: Scenario
  /** Decides which services emit: the rollout state at the trace's start. */
  traceStartUs: number
  /**
   * The emitted spans, one list per trace the slot's work ends up in: [0] is the entry point's; a
   * traced service reached through a hop that carries no trace context starts another (trace-generator.ts).
   */
  parts: SimSpan[][]
  /** Latest end of any work on the true (unskewed) clock. */
  trueEndUs: number
}

/** The service instance doing the work; it emits spans only if instrumented, into `build.parts[part]`. */
export type Process = {
  serviceIndex: number
  service: FleetService
  resource: Resource
  clockOffsetUs: number
  /** Multiplier on the medians of the process's own work: its handler, database and internal steps (a bad release). */
  medianFactor: number
  emitting: boolean
  part: number
}

/** How a piece of work ended: `statusCode` is HTTP-like (200, 401, 5xx); `failed` means an error status. */
export type Outcome = { endUs: number; statusCode: number; failed: boolean }

export type SpanDraft = {
  spanId: string
  parentSpanId: string
  scope: Scope
  name: string
  kind: SpanKindNumber
  /** True clock; the process's clock offset is added when the span is finished. */
  startUs: number
}

/** Log-normal duration in whole µs (at least 1), capped at 20× the median to keep traces bounded. */
export function logNormalUs(rng: Random, medianMs: number, sigma: number): number {
  const medianUs = medianMs * 1000
  return Math.max(1, Math.round(Math.min(medianUs * 20, medianUs * Math.exp(sigma * rng.normal()))))
}

/** Network latency of one direction of an internal call, µs. */
export const networkUs = (rng: Random) => 150 + rng.int(900)

const NONE: readonly never[] = Object.freeze([])

export type SpanError = { message: string; exception?: { type: string; message: string } }

/** A span whose work is under way; a class, not a closure, because thousands are made per minute. */
export class OpenSpan {
  constructor(
    private readonly build: TraceBuild,
    private readonly span: SimSpan | null,
    private readonly trueStartUs: number,
  ) {}

  finish(endUs: number, attributes: readonly Attribute[], error?: SpanError) {
    this.build.trueEndUs = Math.max(this.build.trueEndUs, endUs)
    const span = this.span
    if (!span) return
    span.durationUs = Math.max(1, endUs - this.trueStartUs)
    span.attributes = attributes
    if (!error) return
    span.statusCode = 2
    span.statusMessage = error.message
    if (!error.exception) return
    const event: SimEvent = {
      timeUs: span.startUs + Math.max(0, span.durationUs - 5),
      name: 'exception',
      attributes: [
        { key: 'exception.type', type: 'string', value: error.exception.type },
        { key: 'exception.message', type: 'string', value: error.exception.message },
        { key: 'exception.escaped', type: 'bool', value: true },
      ],
    }
    span.events = [event]
  }
}

/** Reserves the span's place in pre-order now; `finish` fills in what is known once its work is done. */
export function openSpan(build: TraceBuild, process: Process, draft: SpanDraft): OpenSpan {
  if (!process.emitting) return new OpenSpan(build, null, draft.startUs)
  const span: SimSpan = {
    spanId: draft.spanId,
    parentSpanId: draft.parentSpanId,
    resource: process.resource,
    scope: draft.scope,
    name: draft.name,
    kind: draft.kind,
    startUs: draft.startUs + process.clockOffsetUs,
    durationUs: 0,
    statusCode: 0,
    statusMessage: '',
    attributes: NONE,
    events: NONE,
  }
  build.parts[process.part]!.push(span)
  return new OpenSpan(build, span, draft.startUs)
}

const ROUTE_VALUES: Record<string, (rng: Random) => string> = {
  accountId: (rng) => `acc_${100000 + rng.int(900000)}`,
  userId: (rng) => `usr_${100000 + rng.int(900000)}`,
  cardId: (rng) => `card_${100000 + rng.int(900000)}`,
  merchantId: (rng) => `mch_${10000 + rng.int(90000)}`,
  reportId: (rng) => `rpt_${1000 + rng.int(9000)}`,
  month: (rng) => `2025-${String(1 + rng.int(12)).padStart(2, '0')}`,
  pair: (rng) => rng.pick(['EURUSD', 'GBPEUR', 'USDJPY', 'EURCHF', 'USDPLN']),
}

/** A concrete request path for a route template: /accounts/{accountId} → /accounts/acc_481516. */
export function fillRoute(route: string, rng: Random): string {
  return route.replace(/\{(\w+)\}/g, (_, name: string) => (ROUTE_VALUES[name] ?? ((r: Random) => r.hex64().slice(0, 8)))(rng))
}
