// Span and trace builders for the traces tests (test code only): every field a plain default, so a
// test names just what it is about. Plus the recorded Jaeger fixtures, normalised.
import fs from 'node:fs'
import path from 'node:path'
import { normalizeClassic } from '@/lib/jaeger/normalize'
import { parseClassicTrace } from '@/lib/jaeger/parse'
import type { Span, Trace } from './span'

export const TEST_TRACE_ID = 'a'.repeat(32)
export const FIXTURES = path.join(import.meta.dirname, '../jaeger/fixtures')

export function testSpan(overrides: Partial<Span> = {}): Span {
  return {
    traceId: TEST_TRACE_ID,
    spanId: '0000000000000001',
    parentSpanId: null,
    service: 'svc',
    operation: 'op',
    kind: 'internal',
    startUs: 1000,
    durationUs: 100,
    error: false,
    isHttp: false,
    httpRoute: null,
    httpStatusCode: null,
    serviceVersion: null,
    samplerType: null,
    samplerParam: null,
    warnings: [],
    ...overrides,
  }
}

export const testTrace = (...spans: Span[]): Trace => ({ traceId: spans[0]?.traceId ?? TEST_TRACE_ID, spans, warnings: [] })

/** The one trace of a recorded classic-API fixture file, normalised. */
export const classicFixtureTrace = (file: string): Trace => normalizeClassic(parseClassicTrace(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), file).records).traces[0]!
