// Generates one trace from (seed, minute, slot) alone: the slot's entry point, start time and every
// span below it. Draws are made in a fixed order whether or not a service emits, so a trace only
// loses the spans of services that are not instrumented yet; everything else is identical.
import { ENTRY_POINTS, SCHEDULED_JOBS, getHandler, type Handler } from './call-graph'
import { fleetIndex, fleetService, type FleetService } from './fleet'
import { createRandom, hash32, type Random } from './random'
import { RESOURCES, applicationScope, instrumentationScope } from './resources'
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

function runHandler(build: TraceBuild, handler: Handler, inbound: Inbound | null, startUs: number, callerEmitting: boolean): Outcome {
  const { rng, scenario } = build
  const serviceIndex = fleetIndex(handler.service)
  const service = fleetService(serviceIndex)
  const instance = rng.int(service.instances)
  const process: Process = {
    serviceIndex,
    service,
    resource: RESOURCES[serviceIndex]![instance]!,
    clockOffsetUs: service.clockOffsetsUs?.[instance] ?? 0,
    emitting: callerEmitting && scenario.isInstrumented(serviceIndex, build.traceStartUs),
  }
  const spanId = rng.hex64()
  const parentSpanId = handler.brokenPropagation ? rng.hex64() : (inbound?.parentSpanId ?? '')
  const selfUs = logNormalUs(rng, handler.selfMs, 0.35)
  const burst = scenario.activeBurst(service.name, startUs)
  const selfFailureRatio = handler.errorRate + (burst?.via === 'self' ? burst.errorRatio : 0)
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

export function generateTrace(scenario: Scenario, minute: number, slot: number): SimTrace {
  const rng = createRandom(hash32(scenario.seed, minute, slot))
  const { handler, startUs } = planSlot(rng, minute, slot)
  const traceId = encodeTraceId(scenario.seed, minute, slot, rng.hex64())
  const build: TraceBuild = { rng, scenario, traceStartUs: startUs, spans: [], trueEndUs: startUs }
  runHandler(build, handler, null, startUs, true)

  let visibleFromUs = build.trueEndUs
  for (const span of build.spans) visibleFromUs = Math.max(visibleFromUs, span.startUs + span.durationUs)
  return { traceId, minute, slot, startUs, visibleFromUs, spans: build.spans }
}

/** Slots that hold a trace in this minute: the regular traffic, then any batch job due. */
export function slotsOfMinute(scenario: Scenario, minute: number): number[] {
  const slots = Array.from({ length: scenario.traceCount(minute) }, (_, slot) => slot)
  SCHEDULED_JOBS.forEach((job, index) => {
    if (minute % job.everyMinutes === 0) slots.push(JOB_SLOT_BASE + index)
  })
  return slots
}
