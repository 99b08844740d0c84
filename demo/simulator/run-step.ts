// Runs one step of a handler inside the calling process: emits the client, producer or internal span
// and, for calls into the fleet, runs the callee's handler through `runHandler`.
import { getHandler } from './call-graph'
import { httpKey, type Handler, type Step } from './handler'
import { applicationScope, instrumentationScope } from './resources'
import { SpanKind } from './simulated-trace'
import {
  dbAttributes,
  dbSpanName,
  httpClientAttributes,
  internalAttributes,
  producerAttributes,
  type MessageDelivery,
} from './span-attributes'
import { fillRoute, logNormalUs, networkUs, openSpan, type Outcome, type Process, type TraceBuild } from './trace-build'

export type Inbound = { parentSpanId: string; path?: string; delivery?: MessageDelivery }
/** `caller`: the process whose step calls the handler; null for the slot's entry point. */
export type RunHandler = (build: TraceBuild, handler: Handler, inbound: Inbound | null, startUs: number, caller: Process | null) => Outcome

const OK = (endUs: number): Outcome => ({ endUs, statusCode: 200, failed: false })

export function runStep(
  build: TraceBuild,
  process: Process,
  parentSpanId: string,
  step: Step,
  startUs: number,
  runHandler: RunHandler,
): Outcome {
  const { rng, scenario } = build
  const language = process.service.language

  if (step.type === 'http') {
    const callee = getHandler(httpKey(step.service, step.method, step.route))
    const times = step.times ? step.times[0] + rng.int(step.times[1] - step.times[0] + 1) : 1
    let t = startUs
    let worst = OK(startUs)
    for (let call = 0; call < times; call++) {
      const spanId = rng.hex64()
      const path = fillRoute(step.route, rng)
      const span = openSpan(build, process, {
        spanId,
        parentSpanId,
        scope: instrumentationScope(language, 'httpClient'),
        name: `${step.method} ${step.route}`,
        kind: SpanKind.CLIENT,
        startUs: t,
      })
      const result = runHandler(build, callee, { parentSpanId: spanId, path }, t + networkUs(rng), process)
      const endUs = result.endUs + networkUs(rng)
      const exchange = { method: step.method, route: step.route, path, statusCode: result.statusCode }
      span.finish(
        endUs,
        httpClientAttributes({ host: step.service, port: 8080, scheme: 'http' }, exchange),
        result.statusCode >= 400 ? { message: '' } : undefined,
      )
      if (result.statusCode > worst.statusCode) worst = result
      t = endUs + 20 + rng.int(200)
    }
    return { ...worst, endUs: t }
  }

  if (step.type === 'external') {
    const spanId = rng.hex64()
    const path = fillRoute(step.route, rng)
    const activeBurst = scenario.activeBurst(process.service.name, startUs)
    const burst = activeBurst?.via === 'external' ? activeBurst : undefined
    const timedOut = rng.next() < (burst?.errorRatio ?? 0.003)
    // the client gives up after 3 s
    const durationUs = timedOut ? 3_000_000 + rng.int(5_000) : logNormalUs(rng, step.medianMs, 0.35)
    const span = openSpan(build, process, {
      spanId,
      parentSpanId,
      scope: instrumentationScope(language, 'httpClient'),
      name: `${step.method} ${step.route}`,
      kind: SpanKind.CLIENT,
      startUs,
    })
    const errorType = burst?.exceptionType ?? 'timeout'
    const exchange = { method: step.method, route: step.route, path, statusCode: timedOut ? undefined : 200, errorType }
    const message = burst?.message ?? `${step.host} did not answer within 3s`
    span.finish(
      startUs + durationUs,
      httpClientAttributes({ host: step.host, port: 443, scheme: 'https' }, exchange),
      timedOut ? { message, exception: { type: errorType, message } } : undefined,
    )
    return { endUs: startUs + durationUs, statusCode: timedOut ? 504 : 200, failed: timedOut }
  }

  if (step.type === 'db') {
    const spanId = rng.hex64()
    const name = dbSpanName(step)
    const { factor, sigma } = scenario.latencyFactor(process.service.name, name, startUs)
    const durationUs = logNormalUs(rng, step.medianMs * factor * process.medianFactor, sigma ?? 0.45)
    const failed = rng.chance(0.0005)
    const span = openSpan(build, process, {
      spanId,
      parentSpanId,
      scope: instrumentationScope(language, step.system),
      name,
      kind: SpanKind.CLIENT,
      startUs,
    })
    const error =
      step.system === 'redis'
        ? { type: 'ReplyError', message: 'LOADING Redis is loading the dataset in memory' }
        : { type: '40P01', message: 'deadlock detected' }
    const attributes = failed
      ? [...dbAttributes(step), { key: 'error.type', type: 'string' as const, value: error.type }]
      : dbAttributes(step)
    span.finish(startUs + durationUs, attributes, failed ? { message: error.message } : undefined)
    return OK(startUs + durationUs)
  }

  if (step.type === 'publish') {
    const spanId = rng.hex64()
    const durationUs = logNormalUs(rng, 1.5, 0.4)
    const delivery: MessageDelivery = {
      topic: step.topic,
      key: `acc_${100000 + rng.int(900000)}`,
      partition: rng.int(12),
      offset: 4_000_000 + rng.int(60_000_000),
      bodySize: 400 + rng.int(1600),
    }
    const span = openSpan(build, process, {
      spanId,
      parentSpanId,
      scope: instrumentationScope(language, 'kafka'),
      name: `send ${step.topic}`,
      kind: SpanKind.PRODUCER,
      startUs,
    })
    span.finish(startUs + durationUs, producerAttributes(delivery))
    for (const consumer of step.consumers) {
      const lagUs = logNormalUs(rng, 35, 0.8)
      runHandler(build, getHandler(consumer), { parentSpanId: spanId, delivery }, startUs + durationUs + lagUs, process)
    }
    return OK(startUs + durationUs)
  }

  const spanId = rng.hex64()
  const durationUs = logNormalUs(rng, step.medianMs * process.medianFactor, 0.4)
  const span = openSpan(build, process, {
    spanId,
    parentSpanId,
    scope: applicationScope(process.service),
    name: step.name,
    kind: SpanKind.INTERNAL,
    startUs,
  })
  span.finish(
    startUs + durationUs,
    internalAttributes(step.name, () => rng.next()),
  )
  return OK(startUs + durationUs)
}
