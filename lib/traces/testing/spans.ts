// Span and trace builders for tests (test code only): every field a plain default, so a test names
// just what it is about.
import type { Span, Trace } from '../span'

export const TEST_TRACE_ID = 'a'.repeat(32)

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
