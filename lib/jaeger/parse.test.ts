import { describe, expect, test } from 'vitest'
import { JaegerResponseError, parseClassicNames, parseClassicTraces, parseV3Services, parseV3TraceSummaries, parseV3Traces } from './parse'

const otlpSpan = (overrides: Record<string, unknown> = {}) => ({
  traceId: '5b8efff798038103d269b633813fc60c',
  spanId: 'eee19b7ec3c1b174',
  name: 'GET /accounts/{id}',
  kind: 2,
  startTimeUnixNano: '1700000000000000000',
  endTimeUnixNano: '1700000000004000000',
  ...overrides,
})
const v3Body = (spans: unknown[]) => ({
  result: {
    resourceSpans: [
      { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'auth-service' } }] }, scopeSpans: [{ scope: {}, spans }] },
    ],
  },
})

describe('parseV3Traces', () => {
  test('a broken span is counted and skipped; the rest of the response survives', () => {
    const parsed = parseV3Traces(v3Body([otlpSpan(), { name: 'no ids' }, otlpSpan({ spanId: 'aaaaaaaaaaaaaaaa' })]))
    expect(parsed.records.map((r) => r.span.spanId)).toEqual(['eee19b7ec3c1b174', 'aaaaaaaaaaaaaaaa'])
    expect(parsed.rejected).toHaveLength(1)
    expect(parsed.rejected[0]?.path).toBe('resourceSpans.0.scopeSpans.0.spans.1')
    expect(parsed.rejected[0]?.message).toMatch(/traceId/)
  })

  test('unknown fields are accepted; int64 strings, enum names and base64 ids too', () => {
    const parsed = parseV3Traces(
      v3Body([
        otlpSpan({
          spanId: 'AAAAAAAAALQ=',
          kind: 'SPAN_KIND_CLIENT',
          status: { code: 'STATUS_CODE_ERROR' },
          attributes: [{ key: 'http.response.status_code', value: { intValue: '9007199254740993' } }],
          futureField: { nested: true },
        }),
      ]),
    )
    expect(parsed.rejected).toEqual([])
    expect(parsed.records[0]!.span.attributes?.[0]?.value?.intValue).toBe('9007199254740993')
  })

  test('a body without `result` is unusable as a whole', () => {
    expect(() => parseV3Traces({ data: [] })).toThrow(JaegerResponseError)
    expect(() => parseV3Traces('<html>502 Bad Gateway</html>')).toThrow(/\/api\/v3\/traces/)
  })
})

describe('parseV3TraceSummaries and parseV3Services', () => {
  test('zero counts omitted on the wire come back as 0', () => {
    const { records } = parseV3TraceSummaries({ summaries: [{ traceId: '01', rootServiceName: 'a', services: [{ name: 'a' }] }] })
    expect(records[0]).toMatchObject({ spanCount: 0, errorSpanCount: 0, orphanSpanCount: 0, services: [{ name: 'a', spanCount: 0 }] })
  })

  test('an empty service list omitted by proto3 JSON is []', () => {
    expect(parseV3Services({})).toEqual([])
  })
})

describe('parseClassicTraces', () => {
  const trace = {
    traceID: '2db17286b3e6b148',
    spans: [
      { traceID: '2db17286b3e6b148', spanID: 'ec2b4e0bcea566d', operationName: 'op', startTime: 1, duration: 2, processID: 'p1' },
      { traceID: '2db17286b3e6b148', operationName: 'missing spanID', processID: 'p1' },
    ],
    processes: { p1: { serviceName: 'jaeger-query', tags: null }, p2: { tags: [] } },
    warnings: null,
  }

  test('broken spans and processes are reported by path, the trace is kept', () => {
    const parsed = parseClassicTraces({ data: [trace], total: 0, limit: 0, offset: 0, errors: null })
    expect(parsed.records[0]?.spans).toHaveLength(1)
    expect(Object.keys(parsed.records[0]!.processes)).toEqual(['p1'])
    expect(parsed.rejected.map((r) => r.path)).toEqual(['data.0.spans.1', 'data.0.processes.p2'])
  })

  test('an error envelope is an error, naming the endpoint and Jaeger message', () => {
    const body = { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg: "parameter 'service' is required" }] }
    expect(() => parseClassicTraces(body)).toThrow("/api/traces: 400 parameter 'service' is required")
  })

  test('a null data list is empty', () => {
    expect(parseClassicNames({ data: null, total: 0, limit: 0, offset: 0, errors: null })).toEqual([])
  })
})
