import { describe, expect, test } from 'vitest'
import { fleetIndex } from '../simulator/fleet-index'
import { RESOURCES } from '../simulator/resources'
import type { SimSpan, SimTrace } from '../simulator/simulated-trace'
import { computeWaterfall } from './compute-waterfall'

const gateway = RESOURCES[fleetIndex('payment-gateway')]![0]!
const span = (spanId: string, parentSpanId: string, startUs: number, durationUs: number): SimSpan => ({
  spanId,
  parentSpanId,
  resource: gateway,
  scope: { name: 's', version: '1' },
  name: spanId,
  kind: 2,
  startUs,
  durationUs,
  statusCode: 0,
  statusMessage: '',
  attributes: [],
  events: [],
})
const trace = (spans: SimSpan[]): SimTrace => ({ traceId: 'd'.padEnd(32, '0'), minute: 0, slot: 0, startUs: 0, visibleFromUs: 0, spans })
const rowsOf = (spans: SimSpan[]) => computeWaterfall(trace(spans)).rows.map((row) => [row.span.spanId, row.depth, row.isOrphan])

describe('computeWaterfall orders rows depth-first, children by start', () => {
  test.each([
    [
      'children sorted by start whatever the generation order',
      [span('root', '', 0, 100), span('late', 'root', 50, 10), span('early', 'root', 10, 10), span('grandchild', 'early', 12, 5)],
      [
        ['root', 0, false],
        ['early', 1, false],
        ['grandchild', 2, false],
        ['late', 1, false],
      ],
    ],
    [
      'an orphan is a root of its own, after the earlier root',
      [span('orphan', 'feedfacefeedface', 60, 10), span('root', '', 0, 100), span('child', 'root', 5, 10)],
      [
        ['root', 0, false],
        ['child', 1, false],
        ['orphan', 0, true],
      ],
    ],
    [
      'spans on a parent cycle still get a row each',
      [span('root', '', 0, 100), span('a', 'b', 10, 10), span('b', 'a', 20, 10)],
      [
        ['root', 0, false],
        ['a', 0, false],
        ['b', 1, false],
      ],
    ],
  ])('%s', (_label, spans, expected) => expect(rowsOf(spans)).toEqual(expected))
})

describe('computeWaterfall scales bars to the trace', () => {
  test('offsets count from the earliest reported start, a skewed child before its parent included', () => {
    //   child |--|           (a lagging host: reported 20 µs before its parent)
    //   root      |--------|
    const waterfall = computeWaterfall(trace([span('root', '', 1_000, 80), span('child', 'root', 980, 40)]))
    expect(waterfall).toMatchObject({ startUs: 980, durationUs: 100 })
    expect(waterfall.rows.map((row) => [row.span.spanId, row.offsetUs, row.left, row.width])).toEqual([
      ['root', 20, 0.2, 0.8],
      ['child', 0, 0, 0.4],
    ])
  })

  test('a trace of one instant fills the track instead of dividing by zero', () => {
    expect(computeWaterfall(trace([span('root', '', 5, 0)])).rows[0]).toMatchObject({ offsetUs: 0, left: 0, width: 1 })
  })
})
