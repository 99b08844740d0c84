import { describe, expect, test } from 'vitest'
import { fleetIndex } from '../simulator/fleet-index'
import { RESOURCES } from '../simulator/resources'
import type { SimSpan, SimTrace } from '../simulator/simulated-trace'
import { formatGoDuration } from './go-duration'
import { renderTrace } from './render-trace'

describe('formatGoDuration matches time.Duration.String', () => {
  test.each([
    [0, '0s'],
    [1, '1ns'],
    [999, '999ns'],
    [1_500, '1.5µs'],
    [-250_000, '-250µs'],
    [38_512_000, '38.512ms'],
    [38_109_440, '38.10944ms'],
    [1_500_000_000, '1.5s'],
    [61_000_000_000, '1m1s'],
    [5_400_000_000_000, '1h30m0s'],
    [-3_723_000_000_001, '-1h2m3.000000001s'],
  ])('%d ns → %s', (ns, expected) => expect(formatGoDuration(ns)).toBe(expected))
})

// Two service instances, so two hosts (host.name differs).
const gateway = RESOURCES[fleetIndex('payment-gateway')]![0]!
const fraud = RESOURCES[fleetIndex('fraud-detection')]![0]!
const span = (spanId: string, parentSpanId: string, resource: typeof gateway, startUs: number, durationUs: number): SimSpan => ({
  spanId,
  parentSpanId,
  resource,
  scope: { name: 's', version: '1' },
  name: spanId,
  kind: 2,
  startUs,
  durationUs,
  statusCode: 0,
  statusMessage: '',
  attributes: [
    { key: 'b', type: 'string', value: '2' },
    { key: 'a', type: 'int', value: 1 },
  ],
  events: [],
})
const trace = (spans: SimSpan[]): SimTrace => ({ traceId: 'd'.padEnd(32, '0'), minute: 0, slot: 0, startUs: 0, visibleFromUs: 0, spans })
const warningsOf = (rendered: ReturnType<typeof renderTrace>) =>
  Object.fromEntries(rendered.flatMap((r) => r.scopes.flatMap((s) => s.spans.map((x) => [x.span.spanId, x.warnings]))))

describe('renderTrace applies Jaeger adjusters unless raw', () => {
  const skewed = trace([
    span('root', '', gateway, 1_000_000, 100_000),
    span('client', 'root', gateway, 1_010_000, 20_000),
    // child on another host starts 38 ms before the client span that called it
    span('server', 'client', fraud, 972_000, 18_000),
    span('db', 'server', fraud, 975_000, 2_000),
    span('orphan', 'feedfacefeedface', fraud, 1_200_000, 1_000),
  ])

  test('clock skew: the cross-host child and its same-host descendants get the disabled-adjustment warning', () => {
    const warnings = warningsOf(renderTrace(skewed, false))
    // parent 20 ms, child 18 ms → latency 1 ms → delta = 1_010_000 + 1_000 − 972_000 µs = 39 ms
    expect(warnings.server).toEqual(['clock skew adjustment disabled; not applying calculated delta of 39ms'])
    expect(warnings.db).toEqual(warnings.server)
    expect(warnings.root).toEqual([])
    expect(warnings.client).toEqual([])
    expect(warnings.orphan).toEqual(['parent span ID=feedfacefeedface is not in the trace; skipping clock skew adjustment'])
  })

  test('sorted attributes when adjusted, stored order and no warnings when raw', () => {
    const adjusted = renderTrace(skewed, false)[0]!.scopes[0]!.spans[0]!
    expect(adjusted.attributes.map((a) => a.key)).toEqual(['a', 'b'])
    const raw = renderTrace(skewed, true)
    expect(raw[0]!.scopes[0]!.spans[0]!.attributes.map((a) => a.key)).toEqual(['b', 'a'])
    expect(Object.values(warningsOf(raw)).flat()).toEqual([])
  })

  test('groups spans by resource, then scope, in order of first appearance', () => {
    expect(renderTrace(skewed, false).map((r) => r.resource.serviceName)).toEqual(['payment-gateway', 'fraud-detection'])
  })
})
