// The Jaeger UI paths Spanlens deep-links to, over real HTTP: /trace/{id} (with uiFind), / and /search.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoJaeger, type DemoJaeger } from './start-demo-jaeger'
import type { SimTrace } from './simulator/simulated-trace'
import { escapeHtml } from './ui/html'

const ANCHOR = new Date('2025-11-20T12:00:00Z')
const NOW_MS = ANCHOR.getTime() + 30 * 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const HTML = 'text/html; charset=utf-8'

let demo: DemoJaeger
let trace: SimTrace
beforeAll(async () => {
  demo = await startDemoJaeger({ port: 0, anchor: ANCHOR, now: () => NOW_MS })
  const search = await fetch(
    `${demo.url}/api/v3/trace-summaries?query.serviceName=payment-gateway&query.startTimeMin=${iso(NOW_MS - 600_000)}&query.startTimeMax=${iso(NOW_MS)}&query.searchDepth=1`,
  )
  const { summaries } = (await search.json()) as { summaries: { traceId: string }[] }
  trace = demo.simulator.getTrace(summaries[0]!.traceId)!
})
afterAll(() => demo.close())

async function get(path: string) {
  const response = await fetch(demo.url + path, { redirect: 'manual' })
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    location: response.headers.get('location'),
    text: await response.text(),
  }
}

/** The rows of the waterfall: [element id, class attribute]. */
const rowsOf = (page: string) => [...page.matchAll(/<li class="([^"]*)" id="([^"]*)">/g)].map(([, classes, id]) => [id, classes])

describe('GET /trace/{traceId}', () => {
  test('a trace found by search renders: title, banner, a row per span with its operation and service, the JSON link', async () => {
    const page = await get(`/trace/${trace.traceId}`)
    expect(page.status).toBe(200)
    expect(page.contentType).toBe(HTML)
    expect(page.text).toContain(`<title>Demo Jaeger — trace ${trace.traceId}</title>`)
    expect(page.text).toContain('stand-in for the Jaeger UI')
    expect(page.text).toContain(`<a href="/api/v3/traces/${trace.traceId}">`)
    expect(
      rowsOf(page.text)
        .map(([id]) => id)
        .sort(),
    ).toEqual(trace.spans.map((span) => `span-${span.spanId}`).sort())
    for (const span of trace.spans) {
      expect(page.text).toContain(`<span class="service">${escapeHtml(span.resource.serviceName)}</span> ${escapeHtml(span.name)}`)
    }
    expect(trace.spans.map((span) => span.resource.serviceName)).toContain('payment-gateway')
  })

  test('the id may be written as the API accepts it; the page shows the canonical hex', async () => {
    const base64 = Buffer.from(trace.traceId, 'hex').toString('base64')
    const page = await get(`/trace/${encodeURIComponent(base64)}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`<title>Demo Jaeger — trace ${trace.traceId}</title>`)
  })

  test('uiFind=<spanId> highlights that span alone, opens its details and scrolls to it', async () => {
    const target = trace.spans[trace.spans.length - 1]!
    const page = await get(`/trace/${trace.traceId}?uiFind=${target.spanId}`)
    expect(page.status).toBe(200)
    expect(rowsOf(page.text).filter(([, classes]) => classes!.split(' ').includes('found'))).toEqual([
      [`span-${target.spanId}`, expect.stringContaining('found')],
    ])
    const row = page.text.slice(page.text.indexOf(`id="span-${target.spanId}"`))
    expect(row.slice(0, row.indexOf('</li>'))).toContain('<details open>')
    expect(page.text).toContain(`<script>document.getElementById("span-${target.spanId}").scrollIntoView({ block: 'center' })</script>`)
    expect(page.text).toContain('1 span highlighted')
  })

  test('uiFind naming no span of the trace says so and highlights nothing', async () => {
    const page = await get(`/trace/${trace.traceId}?uiFind=0123456789abcdef`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('no span in this trace has that id')
    expect(rowsOf(page.text).some(([, classes]) => classes!.includes('found'))).toBe(false)
    expect(page.text).not.toContain('<script>')
  })

  test.each([
    [
      'a well-formed id of no trace → 404',
      '/trace/00000000000000000000000000000001',
      404,
      'Trace not found',
      'has no trace <code>00000000000000000000000000000001</code>',
    ],
    [
      'an id no trace can have → 400, as /api/v3/traces/{id} answers',
      '/trace/not-a-trace!',
      400,
      'Malformed trace id',
      'strconv.ParseUint: parsing &quot;not-a-trace!&quot;: invalid syntax',
    ],
    [
      'markup in a malformed id is escaped',
      `/trace/${encodeURIComponent('<script>x</script>')}`,
      400,
      'Malformed trace id',
      '<code>&lt;script&gt;x&lt;/script&gt;</code>',
    ],
  ])('%s', async (_label, path, status, heading, message) => {
    const page = await get(path)
    expect(page.status).toBe(status)
    expect(page.contentType).toBe(HTML)
    expect(page.text).toContain(`<title>Demo Jaeger — ${heading}</title>`)
    expect(page.text).toContain(message)
    expect(page.text).not.toContain('<script>')
  })

  test('a real id with its last digit changed → 404: the id carries its position, not the trace', async () => {
    const nearMiss = trace.traceId.replace(/.$/, (digit) => (digit === '0' ? '1' : '0'))
    const page = await get(`/trace/${nearMiss}`)
    expect(page.status).toBe(404)
    expect(page.contentType).toBe(HTML)
    expect(page.text).toContain(`has no trace <code>${nearMiss}</code>`)
  })
})

describe('GET / and /search', () => {
  test.each([['/'], ['/search']])('%s lists the services reporting now and links the latest traces', async (path) => {
    const page = await get(path)
    expect(page.status).toBe(200)
    expect(page.contentType).toBe(HTML)
    const services = demo.simulator.listServices()
    expect(services).toContain('payment-gateway')
    expect(page.text).toContain(`<h2>Services (${services.length})</h2>`)
    for (const service of services) expect(page.text).toContain(`<li>${service}</li>`)
    expect(page.text).toContain('<form action="/search" method="get">')
    const [latest] = page.text.match(/href="\/trace\/([0-9a-f]{32})"/) ?? []
    expect(latest).toBeDefined()
  })

  test('the id form redirects to the trace page', async () => {
    const response = await get(`/search?traceID=${trace.traceId}`)
    expect(response.status).toBe(302)
    expect(response.location).toBe(`/trace/${trace.traceId}`)
  })
})

describe('the fault switch', () => {
  test('applies to the pages as to any path but its own control endpoint; a paths filter on /api/ spares them', async () => {
    const faulty = await startDemoJaeger({ port: 0, anchor: ANCHOR, now: () => NOW_MS, faults: true })
    try {
      await faulty.faults.set({ errorRate: 1, errorStatus: 503 })
      const faulted = await fetch(`${faulty.url}/trace/${trace.traceId}`)
      expect(faulted.status).toBe(503)
      expect(await faulted.text()).toBe('503 Service Unavailable (demo fault)\n')
      await faulty.faults.replace({ errorRate: 1, errorStatus: 503, paths: ['/api/'] })
      expect((await fetch(`${faulty.url}/trace/${trace.traceId}`)).status).toBe(200)
      expect((await fetch(`${faulty.url}/api/v3/services`)).status).toBe(503)
    } finally {
      await faulty.close()
    }
  })
})
