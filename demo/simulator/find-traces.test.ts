// Tag (attribute) filters of the demo Jaeger's search, as Jaeger's in-memory store matches them
// (validSpan): each key must match the span's own attributes, its resource's (process tags, such as
// service.version) or one of its events' (log fields); the key `error` asks for an error status.
import { describe, expect, test } from 'vitest'
import { spanMatches, type TraceQuery } from './find-traces'
import { SpanKind, type Attribute, type SimSpan } from './simulated-trace'

const resourceAttributes: Attribute[] = [
  { key: 'service.version', type: 'string', value: '2.31.4' },
  { key: 'sampler.param', type: 'double', value: 0.1 },
]

const span: SimSpan = {
  spanId: '0000000000000002',
  parentSpanId: '',
  resource: { serviceIndex: 0, instance: 0, serviceName: 'account-service', hostName: 'account-1', attributes: resourceAttributes },
  scope: { name: 'finova/account-service', version: '2.31.4' },
  name: 'GET /v1/accounts',
  kind: SpanKind.SERVER,
  startUs: 1_000_000,
  durationUs: 2_000,
  statusCode: 0,
  statusMessage: '',
  attributes: [
    { key: 'http.request.method', type: 'string', value: 'GET' },
    { key: 'http.response.status_code', type: 'int', value: 200 },
  ],
  events: [{ timeUs: 1_000_500, name: 'cache', attributes: [{ key: 'cache.hit', type: 'bool', value: false }] }],
}

const query = (attributes: Record<string, string>): TraceQuery => ({
  serviceName: 'account-service',
  startTimeMinUs: 0,
  startTimeMaxUs: 2_000_000,
  attributes: new Map(Object.entries(attributes)),
  searchDepth: 10,
})

describe('spanMatches: tags', () => {
  test.each([
    ['a process (resource) tag', { 'service.version': '2.31.4' }, true],
    ['a process tag with another value', { 'service.version': '2.31.5' }, false],
    ['a span tag, compared as a string', { 'http.response.status_code': '200' }, true],
    ['a process tag of another type, compared as a string', { 'sampler.param': '0.1' }, true],
    ['a log (event) field', { 'cache.hit': 'false' }, true],
    ['several tags: each must match, wherever it is', { 'service.version': '2.31.4', 'http.request.method': 'GET' }, true],
    ['several tags, one missing', { 'service.version': '2.31.4', 'http.request.method': 'POST' }, false],
    ['a key nothing carries', { 'deployment.environment': 'prod' }, false],
    ['error=true on a span without an error status', { error: 'true' }, false],
    ['no tags', {}, true],
  ])('%s', (_label, tags, expected) => {
    expect(spanMatches(span, query(tags))).toBe(expected)
  })

  test('error=true matches a span with an error status', () => {
    expect(spanMatches({ ...span, statusCode: 2 }, query({ error: 'true' }))).toBe(true)
  })
})
