import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { normalizeClassic } from '@/lib/jaeger/normalize-classic'
import { parseClassicTrace } from '@/lib/jaeger/parse'
import { computeSlowTraces, computeSlowTraceSearchDepth, type SlowTraceSearch } from './slow-traces'
import type { Span, Trace } from './span'
import { testSpan } from './testing/spans'

const SEARCH: SlowTraceSearch = { service: 'transactions-service', operation: 'SELECT transactions', minDurationUs: 0, limit: 10 }

const span = (traceId: string, spanId: string, overrides: Partial<Span> = {}): Span =>
  testSpan({
    traceId,
    spanId,
    parentSpanId: '00000000000000ff',
    service: SEARCH.service,
    operation: SEARCH.operation,
    kind: 'client',
    startUs: 1_000_000,
    ...overrides,
  })
const trace = (traceId: string, ...spans: Span[]): Trace => ({ traceId, spans, warnings: [] })
const root = (traceId: string, overrides: Partial<Span> = {}) =>
  span(traceId, '0000000000000001', {
    parentSpanId: null,
    service: 'api-gateway',
    operation: 'GET /transactions',
    kind: 'server',
    startUs: 999_000,
    durationUs: 5_000,
    ...overrides,
  })

describe('computeSlowTraces: which span and which traces', () => {
  test.each([
    [
      'the longest of several matching spans in a trace',
      [trace('a', span('a', '02', { durationUs: 300 }), span('a', '03', { durationUs: 900 }), span('a', '04', { durationUs: 500 }))],
      SEARCH,
      [['a', '03', 900]],
    ],
    [
      'equal durations: the earlier span',
      [trace('a', span('a', '05', { durationUs: 700, startUs: 2 }), span('a', '04', { durationUs: 700, startUs: 1 }))],
      SEARCH,
      [['a', '04', 700]],
    ],
    [
      'a span of the operation in another service does not count',
      [trace('a', span('a', '02', { service: 'ledger-service', durationUs: 9_000 }), span('a', '03', { durationUs: 10 }))],
      SEARCH,
      [['a', '03', 10]],
    ],
    [
      'a span of the service with another operation does not count',
      [trace('a', span('a', '02', { operation: 'SELECT accounts', durationUs: 9_000 }), span('a', '03', { durationUs: 10 }))],
      SEARCH,
      [['a', '03', 10]],
    ],
    ['a trace without the operation is left out', [trace('a', root('a')), trace('b', span('b', '02'))], SEARCH, [['b', '02', 100]]],
    [
      'slower than the floor, or exactly at it, is kept',
      [trace('a', span('a', '02', { durationUs: 499 })), trace('b', span('b', '02', { durationUs: 500 }))],
      { ...SEARCH, minDurationUs: 500 },
      [['b', '02', 500]],
    ],
    [
      'the floor applies to the slowest span, not to any',
      [trace('a', span('a', '02', { durationUs: 600 }), span('a', '03', { durationUs: 10 }))],
      { ...SEARCH, minDurationUs: 500 },
      [['a', '02', 600]],
    ],
    [
      'slowest first, at most `limit`',
      [
        trace('a', span('a', '02', { durationUs: 200 })),
        trace('b', span('b', '02', { durationUs: 900 })),
        trace('c', span('c', '02', { durationUs: 500 })),
      ],
      { ...SEARCH, limit: 2 },
      [
        ['b', '02', 900],
        ['c', '02', 500],
      ],
    ],
    [
      'equal durations: the newer span first, then by trace id',
      [
        trace('b', span('b', '02', { startUs: 5 })),
        trace('a', span('a', '02', { startUs: 5 })),
        trace('c', span('c', '02', { startUs: 9 })),
      ],
      SEARCH,
      [
        ['c', '02', 100],
        ['a', '02', 100],
        ['b', '02', 100],
      ],
    ],
    [
      'no operation asked: the slowest span of the service, whatever its operation',
      [trace('a', span('a', '02', { durationUs: 300 }), span('a', '03', { operation: 'SELECT accounts', durationUs: 900 }))],
      { ...SEARCH, operation: undefined },
      [['a', '03', 900]],
    ],
    [
      'a version asked (a canary): only spans whose process carries it',
      [
        trace(
          'a',
          span('a', '02', { serviceVersion: '2.0.0', durationUs: 900 }),
          span('a', '03', { serviceVersion: '2.1.0', durationUs: 300 }),
        ),
        trace('b', span('b', '02', { serviceVersion: '2.0.0', durationUs: 5_000 })),
        trace('c', span('c', '02', { serviceVersion: null, durationUs: 7_000 })),
      ],
      { ...SEARCH, version: '2.1.0' },
      [['a', '03', 300]],
    ],
    ['a limit of 0 returns none', [trace('a', span('a', '02'))], { ...SEARCH, limit: 0 }, []],
    ['no traces', [], SEARCH, []],
  ] satisfies [string, Trace[], SlowTraceSearch, [string, string, number][]][])('%s', (_label, traces, search, expected) => {
    expect(computeSlowTraces(traces, search).map((slow) => [slow.traceId, slow.spanId, slow.durationUs])).toEqual(expected)
  })
})

describe('computeSlowTraces: what a row says of its trace', () => {
  test.each([
    [
      'a whole trace: root, extent, counts, and the slow span`s own start and error',
      trace(
        'a',
        root('a'),
        span('a', '02', { startUs: 1_000_000, durationUs: 4_500, error: true }),
        span('a', '03', { service: 'ledger-service', startUs: 1_003_000, durationUs: 2_000 }),
      ),
      {
        traceId: 'a',
        spanId: '02',
        operation: 'SELECT transactions',
        startUs: 1_000_000,
        durationUs: 4_500,
        error: true,
        traceDurationUs: 6_000,
        rootService: 'api-gateway',
        rootOperation: 'GET /transactions',
        spanCount: 3,
        serviceCount: 3,
      },
    ],
    [
      'two roots: the earlier one',
      trace(
        'a',
        root('a', { spanId: '0000000000000009', startUs: 998_000, service: 'batch-runner', operation: 'nightly' }),
        root('a'),
        span('a', '02'),
      ),
      { rootService: 'batch-runner', rootOperation: 'nightly', spanCount: 3, serviceCount: 3 },
    ],
    [
      'no root (every parent missing): null, not a guess',
      trace('a', span('a', '02'), span('a', '03', { durationUs: 50 })),
      { rootService: null, rootOperation: null, spanCount: 2, serviceCount: 1, traceDurationUs: 100 },
    ],
  ])('%s', (_label, input, expected) => {
    expect(computeSlowTraces([input], SEARCH)[0]).toMatchObject(expected)
  })

  test('ui_01 fixture: duplicate span ids and three-reference spans, summarised without fuss', () => {
    const file = path.join(import.meta.dirname, '../jaeger/fixtures/v1-api/ui_01.json')
    const traces = normalizeClassic(parseClassicTrace(JSON.parse(fs.readFileSync(file, 'utf8')), 'ui_01').records).traces
    expect(computeSlowTraces(traces, { service: 'service-x', operation: 'some-operation', minDurationUs: 0, limit: 5 })).toEqual([
      {
        traceId: '00000000000000000000000000000001',
        spanId: '0000000000000002',
        operation: 'some-operation',
        startUs: 1485467191639875,
        durationUs: 5,
        error: true,
        traceDurationUs: 5,
        rootService: 'service-x', // both spans 0000000000000002 are roots at the same start: the first received
        rootOperation: 'test-general-conversion',
        spanCount: 5,
        serviceCount: 2,
      },
    ])
  })
})

describe('computeSlowTraceSearchDepth', () => {
  test.each([
    ['a short list still looks at 50 traces', 3, 50],
    ['five times the list', 20, 100],
    ['capped at 200', 60, 200],
    ['a list longer than the cap is asked for whole', 250, 250],
  ])('%s', (_label, limit, expected) => {
    expect(computeSlowTraceSearchDepth(limit)).toBe(expected)
  })
})
