import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { normalizeClassic } from './normalize-classic'
import { NO_SERVICE_NAME, normalizeV3 } from './normalize-v3'
import { parseClassicTrace, parseClassicTraces, parseOtlpTracesData, parseV3Traces } from './parse'

const fixture = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', file), 'utf8'))
const v3 = (file: string) => normalizeV3(parseV3Traces(fixture(file)).records)
const otlp = (file: string) => normalizeV3(parseOtlpTracesData(fixture(file), file).records)
const classicTrace = (file: string) => normalizeClassic(parseClassicTrace(fixture(file), file).records)
const classicTraces = (file: string) => normalizeClassic(parseClassicTraces(fixture(file)).records)

describe('the same trace through both APIs', () => {
  test('parser-parity-capture: classic and api/v3 normalise to identical spans', () => {
    const pair = fixture('ui-v3/parser-parity-capture.json') as { legacy: unknown; v3: unknown }
    const fromClassic = normalizeClassic(parseClassicTraces(pair.legacy).records)
    const fromV3 = normalizeV3(parseV3Traces(pair.v3).records)
    expect(fromClassic.rejected).toEqual([])
    expect(fromV3.rejected).toEqual([])
    expect(fromClassic.traces).toEqual(fromV3.traces)
    expect(fromV3.traces[0]?.spans[0]).toMatchObject({
      traceId: 'f77950feed55c1ce91dd8e8789000001',
      service: 'test-service',
      kind: 'server',
      startUs: 1000,
      durationUs: 1000,
      error: true, // the `error` attribute, kept as a string by Jaeger's translation
      isHttp: true,
      parentSpanId: null,
    })
    expect(fromV3.traces[0]?.spans[1]).toMatchObject({
      parentSpanId: 'd4dcb46e95b781f5',
      startUs: 1010,
      durationUs: 100,
      kind: 'unspecified',
    })
  })
})

describe('normalizeV3', () => {
  test('OTLP kinds, error status, parents and several services of one trace', () => {
    const { traces, rejected } = otlp('otlp/example_trace.json')
    expect(rejected).toEqual([])
    expect(traces).toHaveLength(1)
    expect(new Set(traces[0]!.spans.map((s) => s.service))).toEqual(
      new Set(['example-service-1', 'example-service-2', 'example-service-3']),
    )
    expect(traces[0]!.spans.every((s) => s.durationUs === 100)).toBe(true)
  })

  test('otel_traces_01: every span is an error; 128-bit ids stay 32 digits', () => {
    const { traces, rejected } = otlp('otlp/otel_traces_01.json')
    expect(rejected).toEqual([])
    const spans = traces.flatMap((t) => t.spans)
    expect(spans).toHaveLength(4)
    expect(spans.every((s) => s.error && s.traceId.length === 32)).toBe(true)
    expect(spans.map((s) => s.kind).sort()).toEqual(['client', 'consumer', 'producer', 'server'])
  })

  test('a resource without service.name is named as Jaeger names it', () => {
    const { traces } = otlp('ui/otlp2jaeger-in-error.json')
    expect(traces[0]?.spans[0]?.service).toBe(NO_SERVICE_NAME)
  })

  test('base64 ids of the grpc-gateway become hex', () => {
    const { traces, rejected } = v3('v3-api-legacy-grpc-gateway/TestGRPCGateway_GetTrace.json')
    expect(rejected).toEqual([])
    expect(traces[0]?.spans[0]).toMatchObject({ traceId: '000000000000009600000000000000a0', spanId: '00000000000000b4', durationUs: 0 })
  })

  test('a span without start or end time is rejected with its reason, not dropped silently', () => {
    const { traces, rejected } = v3('v3-api/GetTrace.json')
    expect(traces).toEqual([])
    expect(rejected).toEqual([{ path: 'span 0000000000000002 of trace 00000000000000000000000000000001', message: 'no start or end time' }])
  })

  test('Jaeger warnings, sampler and coverage attributes are read', () => {
    const resourceAttributes = [
      { key: 'service.name', value: { stringValue: 'fraud-detection' } },
      { key: 'service.version', value: { stringValue: '2024.11.2' } },
      { key: 'sampler.type', value: { stringValue: 'probabilistic' } },
      { key: 'sampler.param', value: { doubleValue: 0.1 } },
    ]
    const span = {
      traceId: 'd1c89f7b002cd32d7bb2ed021865782f',
      spanId: '7bfad5b3f5f32864',
      parentSpanId: '19630ff83bddd20b',
      name: 'GET /risk/{accountId}',
      kind: 2,
      startTimeUnixNano: '1795514604444910999',
      endTimeUnixNano: '1795514604723073000',
      status: {},
      attributes: [
        { key: 'http.request.method', value: { stringValue: 'GET' } },
        { key: 'http.route', value: { stringValue: '/risk/{accountId}' } },
        { key: 'http.response.status_code', value: { intValue: '503' } },
        {
          key: '@jaeger@warnings',
          value: { arrayValue: { values: [{ stringValue: 'clock skew adjustment disabled; not applying calculated delta of 41.5ms' }] } },
        },
      ],
    }
    const { traces } = normalizeV3([{ resourceAttributes, span }])
    expect(traces[0]?.spans[0]).toEqual({
      traceId: 'd1c89f7b002cd32d7bb2ed021865782f',
      spanId: '7bfad5b3f5f32864',
      parentSpanId: '19630ff83bddd20b',
      service: 'fraud-detection',
      operation: 'GET /risk/{accountId}',
      kind: 'server',
      startUs: 1795514604444910, // ns truncated to µs
      durationUs: 278163,
      error: false,
      isHttp: true,
      httpRoute: '/risk/{accountId}',
      httpStatusCode: 503,
      serviceVersion: '2024.11.2',
      samplerType: 'probabilistic',
      samplerParam: 0.1,
      warnings: ['clock skew adjustment disabled; not applying calculated delta of 41.5ms'],
    })
  })

  test('a span ending before it starts is rejected', () => {
    const { rejected } = normalizeV3([
      {
        resourceAttributes: [],
        span: { traceId: '01', spanId: '02', name: 'x', startTimeUnixNano: '2000000', endTimeUnixNano: '1000000' },
      },
    ])
    expect(rejected[0]?.message).toBe('ends before it starts')
  })
})

describe('normalizeClassic', () => {
  test('ui_01: duplicate span ids, a reference to another trace, typed tags, span and trace warnings', () => {
    const { traces, rejected } = classicTrace('v1-api/ui_01.json')
    expect(rejected).toEqual([])
    const [trace] = traces
    expect(trace?.spans).toHaveLength(5)
    expect(trace?.warnings).toEqual(['some trace warning'])
    expect(trace?.spans.some((s) => s.warnings.includes('some span warning'))).toBe(true)
    expect(trace?.spans.filter((s) => s.spanId === '0000000000000002')).toHaveLength(2)
    expect(trace?.spans.some((s) => s.error)).toBe(true)
  })

  test('jaeger-analytics-java: an unpadded 15-digit span id is left-padded so children find their parent', () => {
    const { traces } = classicTraces('jaeger-analytics-java/ui-trace.json')
    const ids = traces[0]!.spans.map((s) => s.spanId)
    expect(ids).toContain('0ec2b4e0bcea566d')
    const child = traces[0]!.spans.find((s) => s.parentSpanId)
    expect(ids).toContain(child?.parentSpanId)
    // This 2019 client tagged the root span with its sampler, not the process.
    expect(traces[0]!.spans.find((s) => s.parentSpanId === null)).toMatchObject({
      samplerType: 'probabilistic',
      samplerParam: 1,
      httpStatusCode: 200,
      kind: 'server',
    })
  })

  test('a FOLLOWS_FROM to a missing span makes it a child of that span (an orphan), not a second root', () => {
    const { traces } = classicTrace('ui-trace-contract/follows-from-orphan.legacy.json')
    expect(traces[0]!.spans.filter((s) => s.parentSpanId === null)).toHaveLength(1)
  })

  test('spans without a start time are rejected; their siblings are kept', () => {
    const { traces, rejected } = classicTrace('ui-trace-contract/parent-time-repair.legacy.json')
    expect(traces[0]?.spans).toHaveLength(2)
    expect(rejected).toEqual([expect.objectContaining({ message: 'no start time' })])
  })

  test('a span whose process is missing is rejected', () => {
    const record = {
      traceID: '01',
      spans: [{ traceID: '01', spanID: '02', operationName: 'x', startTime: 1, duration: 1, processID: 'p9' }],
      processes: {},
      warnings: [],
    }
    expect(normalizeClassic([record]).rejected[0]?.message).toBe('process p9 is not in the trace')
  })
})

describe('names Postgres cannot store', () => {
  // What JSON.parse makes of "\u0000" and a lone "\ud800": both reach the normaliser as they are.
  const v3Record = (service: string, name: string, spanId = '02') => ({
    resourceAttributes: [{ key: 'service.name', value: { stringValue: service } }],
    span: { traceId: '01', spanId, name, startTimeUnixNano: '1000000', endTimeUnixNano: '2000000' },
  })

  test('api/v3: NUL and lone surrogates in service and operation become U+FFFD, and the span says so', () => {
    const { traces } = normalizeV3([
      v3Record('pay\u0000ments', 'GET /a'),
      v3Record('payments', 'GET /\uD800a', '03'),
      v3Record('payments', 'GET /\uD83D\uDE00', '04'),
    ])
    expect(traces[0]!.spans.map(({ service, operation, textCleaned }) => ({ service, operation, textCleaned }))).toEqual([
      { service: 'pay\uFFFDments', operation: 'GET /a', textCleaned: true },
      { service: 'payments', operation: 'GET /\uFFFDa', textCleaned: true },
      { service: 'payments', operation: 'GET /\uD83D\uDE00', textCleaned: undefined }, // an emoji is a valid pair
    ])
    expect(traces[0]!.spans[2]).not.toHaveProperty('textCleaned')
  })

  test('service.version is stored text too (version rollups): cleaned the same way, in both APIs', () => {
    const v3 = normalizeV3([
      {
        resourceAttributes: [
          { key: 'service.name', value: { stringValue: 'payments' } },
          { key: 'service.version', value: { stringValue: '2.1\u0000' } },
        ],
        span: { traceId: '01', spanId: '02', name: 'GET /a', startTimeUnixNano: '1000000', endTimeUnixNano: '2000000' },
      },
    ])
    expect(v3.traces[0]!.spans[0]).toMatchObject({ serviceVersion: '2.1\uFFFD', textCleaned: true })
    const classic = normalizeClassic([
      {
        traceID: '01',
        spans: [{ traceID: '01', spanID: '02', operationName: 'x', startTime: 1, duration: 1, processID: 'p1' }],
        processes: { p1: { serviceName: 'ledger', tags: [{ key: 'service.version', type: 'string', value: '\uD800v1' }] } },
        warnings: [],
      },
    ])
    expect(classic.traces[0]!.spans[0]).toMatchObject({ serviceVersion: '\uFFFDv1', textCleaned: true })
  })

  test('classic: the same, from the process and the operation name', () => {
    const record = {
      traceID: '01',
      spans: [
        { traceID: '01', spanID: '02', operationName: 'SELECT\u0000', startTime: 1, duration: 1, processID: 'p1' },
        { traceID: '01', spanID: '03', operationName: 'SELECT', startTime: 1, duration: 1, processID: 'p2' },
        { traceID: '01', spanID: '04', operationName: 'SELECT', startTime: 1, duration: 1, processID: 'p1' },
      ],
      processes: { p1: { serviceName: 'ledger' }, p2: { serviceName: 'ledger\uDC00' } },
      warnings: [],
    }
    const { traces } = normalizeClassic([record])
    expect(traces[0]!.spans.map(({ service, operation, textCleaned }) => [service, operation, textCleaned])).toEqual([
      ['ledger', 'SELECT\uFFFD', true],
      ['ledger\uFFFD', 'SELECT', true],
      ['ledger', 'SELECT', undefined],
    ])
  })
})
