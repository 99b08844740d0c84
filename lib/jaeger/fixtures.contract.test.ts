// Contract: every recorded Jaeger response or trace under lib/jaeger/fixtures/ (copied verbatim from
// ../shared/fixtures/jaeger, see SOURCES.md there) parses with our wire schemas, with no record lost.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  parseClassicDependencies,
  parseClassicTrace,
  parseClassicTraces,
  parseOtlpTracesData,
  parseV3Operations,
  parseV3Services,
  parseV3TraceSummaries,
  parseV3Traces,
  type Parsed,
} from './parse'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const SHARED_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/jaeger')

type Check = (body: unknown) => void
const spans =
  (expected: number, parse: (body: unknown) => Parsed<{ span: unknown }>): Check =>
  (body) => {
    const parsed = parse(body)
    expect(parsed.rejected).toEqual([])
    expect(parsed.records).toHaveLength(expected)
  }
const classicTrace =
  (expectedSpans: number, expectedProcesses: number): Check =>
  (body) => {
    const { records, rejected } = parseClassicTrace(body, 'fixture')
    expect(rejected).toEqual([])
    expect(records[0]?.spans).toHaveLength(expectedSpans)
    expect(Object.keys(records[0]?.processes ?? {})).toHaveLength(expectedProcesses)
  }
const classicTraces =
  (spansPerTrace: number[]): Check =>
  (body) => {
    const { records, rejected } = parseClassicTraces(body, 'fixture')
    expect(rejected).toEqual([])
    expect(records.map((trace) => trace.spans.length)).toEqual(spansPerTrace)
  }
const otlp = (expected: number): Check => spans(expected, (body) => parseOtlpTracesData(body, 'fixture'))

/** Every fixture file, with what it is. A new file without an entry fails the suite. */
const CONTRACT: Record<string, Check | { notQueryApi: string }> = {
  'v3-api/GetServices.json': (body) => expect(parseV3Services(body)).toEqual(['foo']),
  'v3-api/GetOperations.json': (body) => expect(parseV3Operations(body)).toEqual([{ name: 'get_users', spanKind: 'server' }]),
  'v3-api/GetTrace.json': spans(1, (body) => parseV3Traces(body)),
  'v3-api/FindTraces.json': spans(1, (body) => parseV3Traces(body)),
  'v3-api/FindTraceSummaries.json': (body) => {
    const { records, rejected } = parseV3TraceSummaries(body)
    expect(rejected).toEqual([])
    expect(records).toMatchObject([{ rootServiceName: 'frontend', spanCount: 2, errorSpanCount: 1, orphanSpanCount: 0 }])
  },
  'v3-api-legacy-grpc-gateway/TestGRPCGateway_GetTrace.json': spans(1, (body) => parseV3Traces(body)),
  'otlp/otel_traces_01.json': otlp(4),
  'otlp/example_trace.json': otlp(5),
  'otlp/link_attributes_trace.json': otlp(1),
  'otlp/otlp2jaeger-in.json': otlp(2),
  'ui/otlp2jaeger-in-error.json': otlp(1),
  'ui/otlp2jaeger-multi-in-combined.json': otlp(4),
  'v1-api/ui_01.json': classicTrace(5, 2),
  'v1-api/otlp2jaeger-out.json': classicTraces([2]),
  'jaeger-analytics-java/ui-trace.json': classicTraces([2]),
  'ui/testTraceNormal.json': classicTrace(5, 2),
  'ui/spanAmongEachOtherGroupedAndSpans.json': classicTrace(17, 2),
  'ui/spanLongerAsParent.json': classicTrace(8, 2),
  'ui/traceWithSingleChildLongerThanParentAndStartsAfterParent.json': classicTrace(2, 2),
  'ui-trace-contract/follows-from-orphan.legacy.json': classicTrace(2, 1),
  'ui-trace-contract/parent-cycle.legacy.json': classicTrace(2, 1),
  'ui-trace-contract/parent-time-repair.legacy.json': classicTrace(3, 1),
  'ui-trace-contract/zero-start-times.legacy.json': classicTrace(3, 1),
  'ui-v3/parser-parity-capture.json': (body) => {
    const pair = body as { legacy: unknown; v3: unknown }
    const legacy = parseClassicTraces(pair.legacy)
    const v3 = parseV3Traces(pair.v3)
    expect([legacy.rejected, v3.rejected]).toEqual([[], []])
    expect(legacy.records[0]?.spans.map((s) => s.spanID)).toEqual(v3.records.map((r) => r.span.spanId))
  },
  'ui/small.json': (body) => expect(parseClassicDependencies(body)).toHaveLength(7),
  'ui/large.json': (body) => expect(parseClassicDependencies(body)).toHaveLength(4271),
  'spm-prometheus-backend/empty_response.json': { notQueryApi: 'Prometheus query_range response (input of Jaeger SPM)' },
  'spm-prometheus-backend/warning_response.json': { notQueryApi: 'Prometheus query_range response (input of Jaeger SPM)' },
  'spm-prometheus-backend/service_datapoint_response.json': { notQueryApi: 'Prometheus query_range response (input of Jaeger SPM)' },
  'spm-prometheus-backend/service_span_name_datapoint_response.json': {
    notQueryApi: 'Prometheus query_range response (input of Jaeger SPM)',
  },
}

function listJson(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
}

describe('shared Jaeger fixtures', () => {
  test('every fixture file is classified', () => {
    expect(listJson(FIXTURES)).toEqual(Object.keys(CONTRACT).sort())
  })

  test.skipIf(!fs.existsSync(SHARED_FIXTURES))('the project copy matches ../shared/fixtures/jaeger', () => {
    for (const file of listJson(SHARED_FIXTURES)) {
      expect(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), file).toBe(fs.readFileSync(path.join(SHARED_FIXTURES, file), 'utf8'))
    }
  })

  for (const [file, check] of Object.entries(CONTRACT)) {
    if (typeof check === 'function') {
      test(`${file} parses without loss`, () => check(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))))
    }
  }
})
