// Generates the traces of one slot from (seed, minute, slot) alone: the slot's entry point, start time
// and every span below it. Draws are made in a fixed order whether or not a service emits, so the
// rollout only changes which spans are reported; the work done is identical.
//
// A service not traced yet emits nothing and, like any uninstrumented process, forwards no trace
// context: a traced service it calls (or whose messages it publishes) sees a request without
// `traceparent` and starts a trace of its own, with a root span. So one slot's work may be reported as
// several whole traces (entry point traced or not):
//
//   api-gateway (traced) → fraud-detection (not yet) → predictive-analytics (traced)
//   trace 1: api-gateway …                            trace 2: predictive-analytics … (its own root)
//
// No orphan comes from the rollout itself; orphans come only from the propagation bugs the call graph
// names (dropsTraceIdShare, foreignParentShare).
import { getHandler } from './call-graph'
import { ENTRY_POINTS, SCHEDULED_JOBS } from './entry-points'
import type { FleetService } from './fleet'
import { fleetIndex, fleetService } from './fleet-index'
import type { Handler } from './handler'
import { createRandom, hash32, type Random } from './random'
import { applicationScope, instrumentationScope, resourceOf } from './resources'
import { runStep, type Inbound } from './run-step'
import { MINUTE_US, type Scenario } from './scenario'
import { SpanKind, type Attribute, type Scope, type SimTrace, type SpanKindNumber } from './simulated-trace'
import { consumerAttributes, httpServerAttributes } from './span-attributes'
import { fillRoute, logNormalUs, openSpan, type Outcome, type Process, type SpanError, type TraceBuild } from './trace-build'
import { JOB_SLOT_BASE, encodeTraceId } from './trace-id'

const EDGE_SERVICE = 'api-gateway'
const ENTRY_WEIGHT_TOTAL = ENTRY_POINTS.reduce((sum, entry) => sum + entry.weight, 0)

function pickEntry(rng: Random): Handler {
  let draw = rng.next() * ENTRY_WEIGHT_TOTAL
  for (const entry of ENTRY_POINTS) {
    draw -= entry.weight
    if (draw < 0) return getHandler(entry.handler)
  }
  return getHandler(ENTRY_POINTS[0]!.handler)
}

/** The slot's entry point and true start, µs. Job slots run at a fixed second of their minute. */
function planSlot(rng: Random, minute: number, slot: number): { handler: Handler; startUs: number } {
  if (slot >= JOB_SLOT_BASE) {
    const job = SCHEDULED_JOBS[slot - JOB_SLOT_BASE]
    if (!job) throw new Error(`no scheduled job in slot ${slot}`)
    return { handler: getHandler(job.handler), startUs: minute * MINUTE_US + (slot - JOB_SLOT_BASE) * 7_000_000 + rng.int(500_000) }
  }
  const handler = pickEntry(rng)
  return { handler, startUs: minute * MINUTE_US + rng.int(MINUTE_US) }
}

/** The span a handler opens: an HTTP server span, a Kafka consumer span or a batch job's root. */
function entrySpan(handler: Handler, service: FleetService): { name: string; kind: SpanKindNumber; scope: Scope } {
  if (handler.kind === 'server') {
    // Without http.route, semantic conventions name a server span by its method alone.
    return {
      name: service.omitsHttpRoute ? handler.method! : `${handler.method} ${handler.route}`,
      kind: SpanKind.SERVER,
      scope: instrumentationScope(service.language, 'httpServer'),
    }
  }
  if (handler.kind === 'consumer')
    return { name: `process ${handler.topic}`, kind: SpanKind.CONSUMER, scope: instrumentationScope(service.language, 'kafka') }
  return { name: handler.job!, kind: SpanKind.INTERNAL, scope: applicationScope(service) }
}

/** A new trace for this slot's work, returned as its index in build.parts. */
function startPart(build: TraceBuild): number {
  build.parts.push([])
  return build.parts.length - 1
}

/**
 * Which of the slot's traces the handler's spans join, and under which parent:
 *   entry point                       trace 0, root (or under a vendor's span: foreignParentShare)
 *   called by a traced service        the caller's trace, under the calling span
 *   called by an untraced service     a new trace, root: no context came with the request
 *   trace id dropped by the client    a new trace, under the calling span's id: an orphan
 */
function placeSpan(
  build: TraceBuild,
  handler: Handler,
  inbound: Inbound | null,
  caller: Process | null,
  emitting: boolean,
): { part: number; parentSpanId: string } {
  const { rng } = build
  // Drawn for every call of such a handler, emitting or not, so the draws stay in a fixed order.
  const dropsTraceId = handler.dropsTraceIdShare !== undefined && rng.chance(handler.dropsTraceIdShare)
  const foreignParent = handler.foreignParentShare !== undefined && rng.chance(handler.foreignParentShare)
  const strayParentId = dropsTraceId || foreignParent ? rng.hex64() : ''
  if (!emitting) return { part: -1, parentSpanId: '' }
  if (caller === null) return { part: 0, parentSpanId: strayParentId }
  if (!caller.emitting) return { part: startPart(build), parentSpanId: '' }
  if (dropsTraceId) return { part: startPart(build), parentSpanId: strayParentId }
  return { part: caller.part, parentSpanId: inbound?.parentSpanId ?? '' }
}

function runHandler(build: TraceBuild, handler: Handler, inbound: Inbound | null, startUs: number, caller: Process | null): Outcome {
  const { rng, scenario } = build
  const serviceIndex = fleetIndex(handler.service)
  const service = fleetService(serviceIndex)
  // One draw, as rng.int(service.instances) made before deployments: a rollout only weights the instances.
  const placement = scenario.placeInstance(serviceIndex, rng.next(), startUs)
  const { instance } = placement
  const emitting = scenario.isInstrumented(serviceIndex, build.traceStartUs)
  const spanId = rng.hex64()
  const { part, parentSpanId } = placeSpan(build, handler, inbound, caller, emitting)
  const process: Process = {
    serviceIndex,
    service,
    resource: resourceOf(serviceIndex, instance, placement.version),
    clockOffsetUs: service.clockOffsetsUs?.[instance] ?? 0,
    medianFactor: placement.medianFactor,
    emitting,
    part,
  }
  const selfUs = logNormalUs(rng, handler.selfMs * placement.medianFactor, 0.35)
  const burst = scenario.activeBurst(service.name, startUs)
  const selfFailureRatio = handler.errorRate + placement.extraErrorRatio + (burst?.via === 'self' ? burst.errorRatio : 0)
  const failsAt = rng.chance(selfFailureRatio) ? rng.int(handler.steps.length + 1) : -1
  const rejected = handler.rejectRate !== undefined && rng.chance(handler.rejectRate)

  const { name, kind, scope } = entrySpan(handler, service)
  const span = openSpan(build, process, { spanId, parentSpanId, scope, name, kind, startUs })

  let t = startUs + Math.round(selfUs * 0.6)
  let statusCode = rejected ? 401 : 200
  let failure: SpanError | undefined
  for (let index = 0; index < handler.steps.length && !rejected; index++) {
    if (index === failsAt) break
    const step = handler.steps[index]!
    if (step.probability !== undefined && !rng.chance(step.probability)) continue
    const result = runStep(build, process, spanId, step, t, runHandler)
    t = result.endUs + 20 + rng.int(200)
    const critical = (step.type === 'http' || step.type === 'external') && step.critical !== false
    if (!critical || result.statusCode < 400) continue
    if (result.statusCode < 500) {
      statusCode = result.statusCode
    } else {
      statusCode = service.name === EDGE_SERVICE ? 502 : 500
      failure = { message: '' }
    }
    break
  }
  if (failsAt >= 0 && !failure && !rejected) {
    statusCode = burst?.via === 'self' ? burst.statusCode : 500
    const exception =
      burst?.via === 'self'
        ? { type: burst.exceptionType, message: burst.message }
        : { type: 'InternalError', message: `unexpected failure in ${name}` }
    failure = { message: exception.message, exception }
  }
  const endUs = t + Math.round(selfUs * 0.4)

  let attributes: readonly Attribute[]
  if (handler.kind === 'server') {
    const path = inbound?.path ?? fillRoute(handler.route!, rng)
    attributes = httpServerAttributes(
      service,
      { method: handler.method!, route: handler.route!, path, statusCode },
      service.name === EDGE_SERVICE,
    )
  } else if (handler.kind === 'consumer' && inbound?.delivery) {
    attributes = consumerAttributes(inbound.delivery, service.name)
  } else {
    attributes = [{ key: 'job.name', type: 'string', value: name }]
  }
  span.finish(endUs, attributes, failure)
  return { endUs, statusCode, failed: failure !== undefined }
}

/** The 64 random bits of the id of the slot's trace `part` ≥ 1 (trace 0 draws its own). */
function partRandomHex(scenario: Scenario, minute: number, slot: number, part: number): string {
  const high = hash32(scenario.seed, minute, slot, part, 0x9a47) | 0x1000_0000 // never a leading 0, as rng.hex64()
  return (high >>> 0).toString(16) + hash32(scenario.seed, minute, slot, part, 0x3b1d).toString(16).padStart(8, '0')
}

/**
 * The traces one slot's work is reported as, each with at least one span: usually one, more when a
 * traced service was reached through one that is not (see the top of this file). All of them share
 * the slot's start (so they sort together) and become visible when all of the slot's work has ended.
 */
export function generateTraces(scenario: Scenario, minute: number, slot: number): SimTrace[] {
  const rng = createRandom(hash32(scenario.seed, minute, slot))
  const { handler, startUs } = planSlot(rng, minute, slot)
  const firstRandomHex = rng.hex64()
  const build: TraceBuild = { rng, scenario, traceStartUs: startUs, parts: [[]], trueEndUs: startUs }
  runHandler(build, handler, null, startUs, null)

  let visibleFromUs = build.trueEndUs
  for (const spans of build.parts) for (const span of spans) visibleFromUs = Math.max(visibleFromUs, span.startUs + span.durationUs)
  return build.parts.flatMap((spans, part) => {
    if (spans.length === 0) return []
    const traceId = encodeTraceId(scenario.seed, minute, slot, part === 0 ? firstRandomHex : partRandomHex(scenario, minute, slot, part))
    return [{ traceId, minute, slot, startUs, visibleFromUs, spans }]
  })
}

/** Slots that hold a trace in this minute: the regular traffic, then any batch job due. */
export function slotsOfMinute(scenario: Scenario, minute: number): number[] {
  const slots = Array.from({ length: scenario.traceCount(minute) }, (_, slot) => slot)
  SCHEDULED_JOBS.forEach((job, index) => {
    if (minute % job.everyMinutes === 0) slots.push(JOB_SLOT_BASE + index)
  })
  return slots
}
