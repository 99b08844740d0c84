// Span text Postgres cannot store, through the whole sync into a real Postgres: generated api/v3
// (OTLP JSON) answers whose service and operation names, attributes, events and scopes carry NUL,
// lone surrogates and other control characters are served over HTTP to the real JaegerClient
// (JSON.parse → parse → normalise), rolled up and committed by the sync tick. Every window must
// commit (a NUL once stalled its service for good), every span be counted once under its cleaned
// names, names that clean alike share one row, and the cleaned spans be counted per (service, minute).
//
// Like Jaeger, the peer finds a trace only by a service name it holds exactly (a service cleaned to
// `a\uFFFD` is found by searching `a\u0000`), so a service must be searched for by the names Jaeger
// lists; it returns such traces from any time, a superset of Jaeger's answer: the sync counts only the
// window's own spans, so the totals must still be exact.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('./leases')
const { runSyncTick } = await import('./sync-tick')

vi.setConfig({ testTimeout: 120_000 })
const MINUTE_MS = 60_000
const NOW_MS = Date.UTC(2026, 11, 6, 12, 0)
const SETTINGS = {
  backfillUs: 12 * MINUTE_MS * 1000,
  liveFirstUs: 12 * MINUTE_MS * 1000, // the live range would start at the backfill's start: none
  settleUs: 2 * MINUTE_MS * 1000,
  windowUs: 5 * MINUTE_MS * 1000,
  fetch: { limit: 1000, floorUs: 1_000_000, maxRequests: 64 },
  maxWindowsPerTurn: 100,
}
/** Spans start in the synced range [NOW − 12 min, NOW − settle): two windows per service. */
const RANGE_START_MS = NOW_MS - 12 * MINUTE_MS
const RANGE_MS = 10 * MINUTE_MS
const KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const

// ---------------------------------------------------------------- the peer

/**
 * A name as a query string carries it to Jaeger. A URL cannot hold a lone surrogate: it arrives as
 * U+FFFD (real Jaeger never lists one: Go's JSON encoder already sends U+FFFD in its place).
 */
const asSent = (name: string) => new URLSearchParams({ name }).get('name')!

const peer = { services: [] as string[], fleet: null as Fleet | null, searched: [] as string[], failure: null as string | null }
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://peer')
  if (url.pathname === '/api/v3/services')
    return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ services: peer.services }))
  if (url.pathname !== '/api/v3/traces') return response.writeHead(404).end('404 page not found\n')
  if (peer.failure !== null) return response.writeHead(500, { 'content-type': 'text/plain' }).end(peer.failure)
  const service = url.searchParams.get('query.service_name') ?? ''
  peer.searched.push(service)
  const body = peer.fleet && tracesResponse(peer.fleet, service)
  if (!body)
    return response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"httpCode":404,"message":"No traces found"}}')
  response.writeHead(200, { 'content-type': 'application/json' }).end(body)
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const client = new JaegerClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 5000, retries: 0 })
const leases = await SyncLeases.connect(databaseUrl)
afterAll(async () => {
  await leases.close()
  await new Promise((resolve) => server.close(resolve))
})

const tick = () =>
  runSyncTick(testTickContext({ client, leases, services: 'from-jaeger', now: () => new Date(NOW_MS), workerId: 'span-text' }), SETTINGS)

const reset = () =>
  db.$executeRawUnsafe(
    'TRUNCATE services, sync_state, span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, sync_windows, service_dependencies CASCADE',
  )

// ---------------------------------------------------------------- generated text and traces

/** A small alphabet, so names often differ only where cleaning changes them (and then merge). */
const piece = fc.constantFrom(
  'a',
  'b',
  '/',
  ' ',
  '\u0000',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00',
  '\uFFFD',
  '\u0001',
  '\t',
  '\n',
  '\u001F',
  '\u007F',
)
const text = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''))
const attribute = fc.record({
  key: fc.oneof(fc.constantFrom('http.route', 'http.request.method', 'service.version', 'db.statement'), text),
  value: text,
})

type SpanSpec = {
  service: number
  operation: string
  kind: number
  offsetUs: number
  durationUs: number
  parent: number | null
  attributes: { key: string; value: string }[]
  event: string
  statusMessage: string
}
const spanSpec = fc.record({
  service: fc.nat(),
  operation: text,
  kind: fc.integer({ min: 0, max: 5 }),
  offsetUs: fc.integer({ min: 0, max: RANGE_MS * 1000 - 1 }),
  durationUs: fc.integer({ min: 0, max: 2_000_000 }),
  parent: fc.option(fc.nat(), { nil: null }),
  attributes: fc.array(attribute, { maxLength: 3 }),
  event: text,
  statusMessage: text,
})
const fleet = fc.record({
  services: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
  resourceNoise: attribute,
  scope: text,
  traces: fc.array(fc.array(spanSpec, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
})
type Fleet = { services: string[]; resourceNoise: { key: string; value: string }; scope: string; traces: SpanSpec[][] }

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0')
const stringValue = (value: string) => ({ stringValue: value })

/**
 * The api/v3 answer to a search for `service`: each trace with a span of exactly that service, whole, as
 * one ResourceSpans per service with its spans (ns decimal strings, as Jaeger sends them); null for none.
 */
function tracesResponse({ services, resourceNoise, scope, traces }: Fleet, service: string): string | null {
  const resourceSpans = traces.flatMap((spans, t) => {
    if (!spans.some((spec) => asSent(services[spec.service % services.length]!) === service)) return []
    const byService = new Map<number, object[]>()
    spans.forEach((spec, s) => {
      const startUs = RANGE_START_MS * 1000 + spec.offsetUs
      const parent = spec.parent === null || s === 0 ? null : spec.parent % s
      const span = {
        traceId: hex(t + 1, 32),
        spanId: hex(s + 1, 16),
        ...(parent === null ? {} : { parentSpanId: hex(parent + 1, 16) }),
        name: spec.operation,
        kind: spec.kind,
        startTimeUnixNano: `${startUs}000`,
        endTimeUnixNano: `${startUs + spec.durationUs}000`,
        attributes: spec.attributes.map(({ key, value }) => ({ key, value: stringValue(value) })),
        events: [{ timeUnixNano: `${startUs}000`, name: spec.event, attributes: [{ key: spec.event, value: stringValue(spec.event) }] }],
        status: { code: 2, message: spec.statusMessage },
      }
      const service = spec.service % services.length
      byService.set(service, [...(byService.get(service) ?? []), span])
    })
    return [...byService].map(([service, serviceSpans]) => ({
      resource: {
        attributes: [
          { key: 'service.name', value: stringValue(services[service]!) },
          { key: resourceNoise.key, value: stringValue(resourceNoise.value) },
        ],
      },
      scopeSpans: [{ scope: { name: scope, version: scope }, spans: serviceSpans }],
    }))
  })
  return resourceSpans.length ? JSON.stringify({ result: { resourceSpans } }) : null
}

// ---------------------------------------------------------------- the oracle

/** What Postgres can take, written independently of clean-text.ts: code point by code point. */
const storable = (raw: string) =>
  [...raw].map((char) => (char === '\u0000' || (char.length === 1 && char >= '\uD800' && char <= '\uDFFF') ? '\uFFFD' : char)).join('')

function expected({ services, resourceNoise, traces }: Fleet) {
  // A service.version on the resource is stored text too (version rollups): cleaned, it marks every span.
  const versionCleaned = resourceNoise.key === 'service.version' && storable(resourceNoise.value) !== resourceNoise.value
  const rows = new Map<string, number>() // service | operation | kind | minute → spans
  const minutes = new Map<string, { spans: number; cleaned: number }>() // service | minute
  const calls = new Map<string, number>() // caller → callee
  for (const spans of traces) {
    const serviceOf = (spec: SpanSpec) => services[spec.service % services.length]!
    spans.forEach((spec, s) => {
      const raw = { service: serviceOf(spec), operation: spec.operation }
      const service = storable(raw.service)
      const operation = storable(raw.operation)
      const minuteMs = Math.floor((RANGE_START_MS * 1000 + spec.offsetUs) / 60_000_000) * MINUTE_MS
      const row = [service, operation, KINDS[spec.kind], minuteMs].join('|')
      rows.set(row, (rows.get(row) ?? 0) + 1)
      const bucket = minutes.get(`${service}|${minuteMs}`) ?? { spans: 0, cleaned: 0 }
      bucket.spans++
      if (service !== raw.service || operation !== raw.operation || versionCleaned) bucket.cleaned++
      minutes.set(`${service}|${minuteMs}`, bucket)
      const parent = spec.parent === null || s === 0 ? null : spans[spec.parent % s]!
      const caller = parent && storable(serviceOf(parent))
      if (caller && caller !== service) calls.set(`${caller}|${service}`, (calls.get(`${caller}|${service}`) ?? 0) + 1)
    })
  }
  return { services: new Set(services.map(storable)), rows, minutes, calls }
}

async function committed() {
  const spanRows = await db.spanRollup.findMany({ where: { resolution: 'minute' } })
  const serviceRows = await db.serviceRollup.findMany({ where: { resolution: 'minute' } })
  return {
    services: new Set((await db.service.findMany({ select: { name: true } })).map((service) => service.name)),
    rows: new Map(spanRows.map((row) => [[row.service, row.operation, row.spanKind, row.bucketStart.getTime()].join('|'), row.spanCount])),
    minutes: new Map(
      serviceRows
        .filter((row) => row.spans > 0)
        .map((row) => [`${row.service}|${row.bucketStart.getTime()}`, { spans: row.spans, cleaned: row.cleanedTextSpans }]),
    ),
    calls: new Map((await db.serviceDependency.findMany()).map((edge) => [`${edge.caller}|${edge.callee}`, Number(edge.calls)])),
    states: await db.syncState.findMany(),
  }
}

// ---------------------------------------------------------------- properties

/** One sync tick over `generated` as Jaeger; everything committed must match the oracle. */
async function syncAndCheck(generated: Fleet) {
  await reset()
  peer.services = generated.services
  peer.fleet = generated
  peer.searched = []
  const report = await tick()
  expect(report.jaegerError).toBeNull()
  expect(report.turns.map((turn) => turn.failure)).toEqual(report.turns.map(() => null))
  // Searched only by names Jaeger listed, never by a cleaned one it does not know.
  const listed = new Set(generated.services.map(asSent))
  expect(peer.searched.filter((service) => !listed.has(service))).toEqual([])

  const want = expected(generated)
  const got = await committed()
  expect(got.services).toEqual(want.services)
  for (const state of got.states)
    expect({ service: state.serviceName, watermark: state.watermark.getTime(), lastError: state.lastError }).toEqual({
      service: state.serviceName,
      watermark: NOW_MS - 2 * MINUTE_MS,
      lastError: null,
    })
  expect(got.rows).toEqual(want.rows)
  expect(got.minutes).toEqual(want.minutes)
  expect(got.calls).toEqual(want.calls)
}

const spanOf = (service: number, offsetUs: number, parent: number | null = null): SpanSpec => ({
  service,
  operation: 'GET /a\u0000',
  kind: 2,
  offsetUs,
  durationUs: 1000,
  parent,
  attributes: [],
  event: 'e',
  statusMessage: '',
})

describe('span text Postgres cannot store', () => {
  test('every window commits; spans are counted once under their cleaned names, and the cleaned ones are counted', async () => {
    await fc.assert(fc.asyncProperty(fleet, syncAndCheck), { numRuns: 30 })
  })

  test('a service Jaeger knows only by a name with a NUL has its spans committed under the cleaned name', async () => {
    await syncAndCheck({
      services: ['svc\u0000a', 'ok'],
      resourceNoise: { key: 'k', value: 'v' },
      scope: 's',
      traces: [[spanOf(0, 0), spanOf(1, 10, 0)], [spanOf(0, 7 * MINUTE_MS * 1000)]],
    })
    expect(await db.spanRollup.aggregate({ where: { service: 'svc\uFFFDa' }, _sum: { spanCount: true } })).toEqual({
      _sum: { spanCount: 2 },
    })
  })

  test('a service.version with a NUL commits under the cleaned version, its spans counted as cleaned', async () => {
    await syncAndCheck({
      services: ['ok'],
      resourceNoise: { key: 'service.version', value: '2.1\u0000' },
      scope: 's',
      traces: [[spanOf(0, 0)], [spanOf(0, 5)]],
    })
    expect(await db.serviceVersion.findMany({ select: { service: true, version: true } })).toEqual([
      { service: 'ok', version: '2.1\uFFFD' },
    ])
  })

  test('names that clean alike are each searched, and a trace holding spans of both is counted once', async () => {
    // `a\u0000` and `a\uD800` are both `a\uFFFD`; the first trace is found by both searches (`a\uD800` reaches the peer as `a\uFFFD`).
    await syncAndCheck({
      services: ['a\u0000', 'a\uD800', 'b'],
      resourceNoise: { key: 'k', value: 'v' },
      scope: 's',
      traces: [[spanOf(0, 0), spanOf(1, 5, 0), spanOf(2, 9, 1)], [spanOf(1, 6 * MINUTE_MS * 1000)], [spanOf(0, 8 * MINUTE_MS * 1000)]],
    })
    expect(new Set(peer.searched)).toEqual(new Set(['a\u0000', 'a\uFFFD', 'b']))
    expect(await db.spanRollup.aggregate({ where: { service: 'a\uFFFD' }, _sum: { spanCount: true } })).toEqual({ _sum: { spanCount: 4 } })
  })

  test('a failure whose message quotes a NUL from Jaeger is recorded, and the tick goes on', async () => {
    await reset()
    peer.services = ['ledger', 'payments']
    peer.failure = 'upstream said \u0000\uD800'
    try {
      const report = await tick()
      expect(report.turns.map((turn) => turn.failure !== null)).toEqual([true, true]) // both services had their turn
    } finally {
      peer.failure = null
    }
    const states = await db.syncState.findMany()
    expect(states.map((state) => [state.consecutiveFailures, state.lastError])).toEqual([
      [1, expect.stringContaining('upstream said \uFFFD\uFFFD')],
      [1, expect.stringContaining('upstream said \uFFFD\uFFFD')],
    ])
  })
})
