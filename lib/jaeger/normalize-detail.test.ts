import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Span } from '@/lib/traces/span'
import type { Attribute, DetailSpan } from '@/lib/traces/trace-detail'
import { normalizeClassic } from './normalize-classic'
import { normalizeV3 } from './normalize-v3'
import { classicAttributeValue, normalizeClassicDetail, normalizeV3Detail, otlpAttributeValue } from './normalize-detail'
import {
  parseClassicTrace,
  parseClassicTraces,
  parseOtlpTracesData,
  parseV3Traces,
  type ClassicTraceRecord,
  type V3SpanRecord,
} from './parse'

const fixture = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', file), 'utf8'))
const byKey = (attributes: Attribute[]) => [...attributes].sort((a, b) => a.key.localeCompare(b.key))
/** A DetailSpan without its details: the lean Span. */
const leanOf = ({
  statusMessage: _statusMessage,
  attributes: _attributes,
  resource: _resource,
  events: _events,
  ...span
}: DetailSpan): Span => span
const sortedSpans = (spans: Span[]) => [...spans].sort((a, b) => a.startUs - b.startUs || a.spanId.localeCompare(b.spanId))

describe('otlpAttributeValue', () => {
  test.each([
    ['a string', { stringValue: 'service-y' }, 'service-y'],
    ['an empty string', { stringValue: '' }, ''],
    ['a bool', { boolValue: false }, false],
    ['an int64 string within 2^53 becomes a number', { intValue: '23456' }, 23456],
    ['an int64 string beyond 2^53 stays the decimal string', { intValue: '9223372036854775222' }, '9223372036854775222'],
    ['an int64 sent as a JSON number', { intValue: -7 }, -7],
    ['a double', { doubleValue: 72.5 }, 72.5],
    ['a double written as a string', { doubleValue: '0.25' }, 0.25],
    ['NaN stays a string (JSON has no NaN)', { doubleValue: 'NaN' }, 'NaN'],
    ['bytes stay base64', { bytesValue: 'AAAwOQ==' }, 'AAAwOQ=='],
    [
      'an array becomes JSON of its plain items',
      { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }, { boolValue: true }] } },
      '["a",2,true]',
    ],
    ['an empty array', { arrayValue: {} }, '[]'],
    [
      'a key-value list becomes a JSON object',
      {
        kvlistValue: {
          values: [
            { key: 'region', value: { stringValue: 'eu' } },
            { key: 'zones', value: { intValue: '3' } },
          ],
        },
      },
      '{"region":"eu","zones":3}',
    ],
    [
      'nested arrays and lists decode all the way down',
      {
        arrayValue: {
          values: [
            { kvlistValue: { values: [{ key: 'ids', value: { arrayValue: { values: [{ intValue: '18446744073709551615' }] } } }] } },
          ],
        },
      },
      '[{"ids":["18446744073709551615"]}]',
    ],
    [
      'an unchecked item that is not an AnyValue is shown as it came',
      { arrayValue: { values: ['bare', { unknownValue: 1 }] } },
      '["bare",{"unknownValue":1}]',
    ],
    [
      'a list entry without a string key is left out',
      { kvlistValue: { values: [{ value: { stringValue: 'lost' } }, { key: 'k', value: { stringValue: 'v' } }] } },
      '{"k":"v"}',
    ],
    ['an unset item inside an array is null', { arrayValue: { values: [{}] } }, '[null]'],
    ['no value set at all', {}, ''],
    ['no value field', undefined, ''],
  ])('%s', (_label, value, expected) => {
    expect(otlpAttributeValue(value)).toEqual(expected)
  })
})

describe('classicAttributeValue', () => {
  test.each([
    ['string', { key: 'k', type: 'string' as const, value: 'service-y' }, 'service-y'],
    ['bool', { key: 'k', type: 'bool' as const, value: true }, true],
    ['int64 as a number', { key: 'k', type: 'int64' as const, value: 23456 }, 23456],
    [
      'int64 beyond 2^53 arrives as a string and stays one',
      { key: 'k', type: 'int64' as const, value: '9223372036854775222' },
      '9223372036854775222',
    ],
    ['float64', { key: 'k', type: 'float64' as const, value: 72.5 }, 72.5],
    ['binary is base64 text', { key: 'k', type: 'binary' as const, value: 'AAAwOQ==' }, 'AAAwOQ=='],
    ['a null value', { key: 'k', type: 'string' as const, value: null }, ''],
  ])('%s', (_label, tag, expected) => {
    expect(classicAttributeValue(tag)).toEqual(expected)
  })
})

describe('normalizeClassicDetail', () => {
  const { traces, rejected } = normalizeClassicDetail(parseClassicTrace(fixture('v1-api/ui_01.json'), 'ui_01').records)
  const trace = traces[0]!

  test('ui_01: one trace, its warnings, spans by start then id, the duplicate span id kept twice', () => {
    expect(rejected).toEqual([])
    expect(traces).toHaveLength(1)
    expect(trace.traceId).toBe('00000000000000000000000000000001')
    expect(trace.warnings).toEqual(['some trace warning'])
    // All five start at 1485467191639875: the order is the span id's, duplicates in the order received.
    expect(trace.spans.map((s) => [s.spanId, s.operation])).toEqual([
      ['0000000000000002', 'test-general-conversion'],
      ['0000000000000002', 'some-operation'],
      ['0000000000000003', 'some-operation'],
      ['0000000000000004', 'reference-test'],
      ['0000000000000005', 'preserveParentID-test'],
    ])
  })

  test('ui_01: a tag of every type, as the JSON typed it; int64 beyond 2^53 stays a string', () => {
    expect(trace.spans[1]).toMatchObject({
      service: 'service-x',
      error: true,
      statusMessage: null,
      attributes: [
        { key: 'peer.service', value: 'service-y' },
        { key: 'peer.ipv4', value: 23456 },
        { key: 'error', value: true },
        { key: 'temperature', value: 72.5 },
        { key: 'javascript_limit', value: '9223372036854775222' },
        { key: 'blob', value: 'AAAwOQ==' },
      ],
    })
  })

  test('ui_01: logs become events, named by their `event` field or "log"', () => {
    expect(trace.spans[0]!.events).toEqual([
      { timeUs: 1485467191639875, name: 'some-event', attributes: [] },
      { timeUs: 1485467191639875, name: 'log', attributes: [{ key: 'x', value: 'y' }] },
    ])
  })

  test('ui_01: parents and span warnings as the lean normaliser reads them', () => {
    expect(trace.spans[3]).toMatchObject({ parentSpanId: '0000000000000002', service: 'service-y', warnings: ['some span warning'] })
    const lean = normalizeClassic(parseClassicTrace(fixture('v1-api/ui_01.json'), 'ui_01').records).traces[0]!
    expect(trace.spans.map(leanOf)).toEqual(sortedSpans(lean.spans))
  })

  test('jaeger-analytics-java: the resource is service.name plus the process tags', () => {
    const detail = normalizeClassicDetail(parseClassicTraces(fixture('jaeger-analytics-java/ui-trace.json')).records).traces[0]!
    expect(detail.spans[0]!.resource).toEqual([
      { key: 'service.name', value: 'jaeger-query' },
      { key: 'client-uuid', value: '46d69fcdf947a814' },
      { key: 'hostname', value: 'simple-streaming-query-66f49db66-8x9hd' },
      { key: 'ip', value: '10.129.2.13' },
      { key: 'jaeger.version', value: 'Go-2.15.1dev' },
    ])
    expect(detail.spans.map((s) => s.spanId)).toEqual(['2db17286b3e6b148', '0ec2b4e0bcea566d'])
    expect(detail.spans[0]!.attributes).toContainEqual({ key: 'http.status_code', value: 200 })
  })

  test('the status message is the otel.status_description tag', () => {
    const record: ClassicTraceRecord = {
      traceID: 'a1',
      spans: [
        {
          traceID: 'a1',
          spanID: 'b2',
          operationName: 'SELECT transactions',
          startTime: 1_000,
          duration: 5,
          processID: 'p1',
          tags: [
            { key: 'otel.status_code', type: 'string', value: 'ERROR' },
            { key: 'otel.status_description', type: 'string', value: 'HikariPool-1 - Connection is not available' },
          ],
          logs: [{ fields: [{ key: 'event', type: 'string', value: 'exception' }] }],
        },
      ],
      processes: { p1: { serviceName: 'card-service', tags: [{ key: 'service.name', type: 'string', value: 'ignored' }] } },
      warnings: [],
    }
    const span = normalizeClassicDetail([record]).traces[0]!.spans[0]!
    expect(span).toMatchObject({
      error: true,
      statusMessage: 'HikariPool-1 - Connection is not available',
      resource: [{ key: 'service.name', value: 'card-service' }],
    })
    expect(span.events).toEqual([{ timeUs: 1_000, name: 'exception', attributes: [] }]) // no timestamp: at the span's start
  })

  test('a span the lean normaliser rejects is rejected here with the same reason', () => {
    const file = 'ui-trace-contract/parent-time-repair.legacy.json'
    const detail = normalizeClassicDetail(parseClassicTrace(fixture(file), file).records)
    expect(detail.rejected).toEqual(normalizeClassic(parseClassicTrace(fixture(file), file).records).rejected)
    expect(detail.rejected).toEqual([expect.objectContaining({ message: 'no start time' })])
    expect(detail.traces[0]!.spans).toHaveLength(2)
  })
})

describe('normalizeV3Detail', () => {
  test('otel_traces_01: two traces; attributes, events and resource of a span', () => {
    const { traces, rejected } = normalizeV3Detail(parseOtlpTracesData(fixture('otlp/otel_traces_01.json'), 'otel_traces_01').records)
    expect(rejected).toEqual([])
    expect(traces.map((t) => [t.traceId, t.spans.map((s) => s.spanId)])).toEqual([
      ['00000000000000010000000000000000', ['0000000000000002', '0000000000000004']],
      ['00000000000000020000000000000000', ['0000000000000003', '0000000000000005']],
    ])
    expect(traces[0]!.spans[0]).toEqual({
      traceId: '00000000000000010000000000000000',
      spanId: '0000000000000002',
      parentSpanId: '0000000000000003',
      service: 'service-x',
      operation: 'test-general-conversion-2',
      kind: 'server',
      startUs: 1485467191639875,
      durationUs: 5,
      error: true,
      isHttp: false,
      httpRoute: null,
      httpStatusCode: null,
      serviceVersion: null,
      samplerType: null,
      samplerParam: null,
      warnings: [],
      statusMessage: null, // status.code 2 without a message
      attributes: [
        { key: 'peer.service', value: 'service-y' },
        { key: 'peer.ipv4', value: 23456 },
        { key: 'blob', value: 'AAAwOQ==' },
        { key: 'temperature', value: 72.5 },
      ],
      resource: [{ key: 'service.name', value: 'service-x' }],
      events: [
        { timeUs: 1485467191639875, name: 'testing-event', attributes: [{ key: 'event-x', value: 'event-y' }] },
        { timeUs: 1485467191639875, name: '', attributes: [{ key: 'x', value: 'y' }] },
      ],
    })
  })

  test('example_trace: the lean spans, sorted by start; each with its own resource', () => {
    const records = parseOtlpTracesData(fixture('otlp/example_trace.json'), 'example_trace').records
    const trace = normalizeV3Detail(records).traces[0]!
    expect(trace.spans.map(leanOf)).toEqual(sortedSpans(normalizeV3(records).traces[0]!.spans))
    for (const span of trace.spans) expect(span.resource).toContainEqual({ key: 'service.name', value: span.service })
    expect(new Set(trace.spans.map((s) => s.service))).toEqual(new Set(['example-service-1', 'example-service-2', 'example-service-3']))
  })

  test('grpc-gateway GetTrace: base64 ids become hex; an empty status has no message', () => {
    const { traces } = normalizeV3Detail(parseV3Traces(fixture('v3-api-legacy-grpc-gateway/TestGRPCGateway_GetTrace.json')).records)
    expect(traces[0]).toEqual({
      traceId: '000000000000009600000000000000a0',
      warnings: [],
      spans: [
        expect.objectContaining({
          spanId: '00000000000000b4',
          operation: 'foobar',
          statusMessage: null,
          attributes: [],
          resource: [],
          events: [],
        }),
      ],
    })
  })

  test('GetTrace: a span without start or end time is rejected with the lean normaliser`s reason', () => {
    const records = parseV3Traces(fixture('v3-api/GetTrace.json')).records
    const detail = normalizeV3Detail(records)
    expect(detail.traces).toEqual([])
    expect(detail.rejected).toEqual(normalizeV3(records).rejected)
    expect(detail.rejected).toEqual([
      { path: 'span 0000000000000002 of trace 00000000000000000000000000000001', message: 'no start or end time' },
    ])
  })

  test('status message; Jaeger warnings are the span`s warnings, not also an attribute; an event without time sits at the span start', () => {
    const record: V3SpanRecord = {
      resourceAttributes: [{ key: 'service.name', value: { stringValue: 'payment-gateway' } }],
      span: {
        traceId: 'd1c89f7b002cd32d7bb2ed021865782f',
        spanId: '7bfad5b3f5f32864',
        name: 'POST /payments',
        startTimeUnixNano: '1795514604444910999',
        endTimeUnixNano: '1795514604723073000',
        status: { code: 2, message: 'acquirer did not answer within 3s' },
        attributes: [
          { key: 'http.request.method', value: { stringValue: 'POST' } },
          { key: '@jaeger@warnings', value: { arrayValue: { values: [{ stringValue: 'clock skew adjustment disabled' }] } } },
        ],
        events: [{ name: 'exception', attributes: [{ key: 'exception.type', value: { stringValue: 'context.DeadlineExceeded' } }] }],
      },
    }
    const span = normalizeV3Detail([record]).traces[0]!.spans[0]!
    expect(span).toMatchObject({
      error: true,
      statusMessage: 'acquirer did not answer within 3s',
      warnings: ['clock skew adjustment disabled'],
      attributes: [{ key: 'http.request.method', value: 'POST' }],
      events: [{ timeUs: 1795514604444910, name: 'exception', attributes: [{ key: 'exception.type', value: 'context.DeadlineExceeded' }] }],
    })
  })
})

describe('the same trace through both APIs', () => {
  test('parser-parity-capture: same spans, events and resource; classic tags hold what OTLP puts in fields', () => {
    const pair = fixture('ui-v3/parser-parity-capture.json') as { legacy: unknown; v3: unknown }
    const fromClassic = normalizeClassicDetail(parseClassicTraces(pair.legacy).records)
    const fromV3 = normalizeV3Detail(parseV3Traces(pair.v3).records)
    expect(fromClassic.rejected).toEqual([])
    expect(fromV3.rejected).toEqual([])
    const [classicTrace, v3Trace] = [fromClassic.traces[0]!, fromV3.traces[0]!]
    expect(classicTrace.spans.map(leanOf)).toEqual(v3Trace.spans.map(leanOf))
    expect(classicTrace.spans.map((s) => s.events)).toEqual(v3Trace.spans.map((s) => s.events))
    expect(v3Trace.spans[0]!.events).toEqual([{ timeUs: 1100, name: 'test-event', attributes: [{ key: 'foo', value: 'bar' }] }])
    expect(classicTrace.spans.map((s) => byKey(s.resource))).toEqual(v3Trace.spans.map((s) => byKey(s.resource)))
    expect(byKey(v3Trace.spans[0]!.resource)).toEqual([
      { key: 'res-tag', value: 'res-val' },
      { key: 'service.name', value: 'test-service' },
    ])
    // The classic API folds the OTLP kind into a `span.kind` tag; every other attribute is the same.
    expect(classicTrace.spans[0]!.attributes.filter((a) => a.key !== 'span.kind')).toEqual(v3Trace.spans[0]!.attributes)
  })
})
