// The engineer's journey from "something is slow" to the slow span, on data the real pipeline synced
// from the demo Jaeger (a day and a half of history; the simulator's query turned slow 3 h ago):
// services list → service → operation with its baseline band → slowest trace → the slow span →
// the Jaeger deep link. Screenshots of every step in light and dark.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { SLOW_OPERATION } from '../demo/simulator/scenario'
import { settled } from './fixtures/settled'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const SERVICE = SLOW_OPERATION.service
const OPERATION = SLOW_OPERATION.spanName
const JAEGER_URL = process.env.E2E_JAEGER_URL ?? 'http://127.0.0.1:16697'

/** Until the worker has synced enough history for baselines and judged the query slow (the backfill runs beside the other specs). */
async function waitForSlowVerdict(request: APIRequestContext) {
  await expect(async () => {
    const response = await request.get('/api/v1/services?range=6h')
    expect(response.status()).toBe(200)
    const view = (await response.json()) as { services: { service: string; slowOperations: { operation: string }[] }[] }
    const row = view.services.find((service) => service.service === SERVICE)
    expect(row?.slowOperations.map((operation) => operation.operation)).toContain(OPERATION)
  }).toPass({ timeout: 240_000, intervals: [5_000] })
}

/** The whole page; or, once the page has scrolled (the trace view scrolls to its span), what the viewport shows: a full-page capture paints the sticky sidebar at the scroll offset. */
async function shot(page: Page, name: string, theme: string, { fullPage = true } = {}) {
  await page.screenshot({ path: `${SCREENSHOTS}/engineer-latency-${name}-${theme}.png`, fullPage })
}

for (const theme of ['light', 'dark'] as const) {
  test(`engineer: slow operation → its slowest trace → the slow span → Jaeger (${theme})`, async ({ page }) => {
    test.setTimeout(330_000)
    await signIn(page, 'engineer', { landOn: '/services' })
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    await waitForSlowVerdict(page.request)

    // 1. The services list flags the service and names its slow operation.
    await page.goto('/services')
    await settled(page)
    const row = page.locator(`tr[data-service="${SERVICE}"]`)
    await expect(row.getByText('slow', { exact: true })).toBeVisible()
    await expect(row.locator(`[data-slow-operation="${OPERATION}"]`)).toBeVisible()
    await expect(page.getByText('not traced yet').first()).toBeVisible() // services still to roll out are listed, not hidden
    await shot(page, '1-services', theme)

    // 2. The service page: the slow query leads its operations table, flagged slow.
    await row.getByRole('link', { name: SERVICE }).click()
    await expect(page.getByRole('heading', { name: SERVICE, level: 1 })).toBeVisible()
    await settled(page)
    const firstOperation = page.getByRole('table', { name: 'Operations' }).locator('tbody tr').first()
    await expect(firstOperation).toHaveAttribute('data-operation', OPERATION)
    await expect(firstOperation.getByText(/^slow since/)).toBeVisible()
    await shot(page, '2-service', theme)

    // 3. The operation page: p95 far above the baseline band that the chart draws.
    await firstOperation.getByRole('link', { name: OPERATION }).click()
    await expect(page.getByRole('heading', { name: OPERATION, level: 1 })).toBeVisible()
    await settled(page)
    await expect(page.getByText('baseline p95 band').first()).toBeVisible()
    await expect(page.getByText(/^slow since/).first()).toBeVisible()
    const slowTraces = page.getByRole('list', { name: 'Slowest traces' })
    await expect(slowTraces.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 })
    await shot(page, '3-operation', theme)

    // 4. The slowest trace: the waterfall opens on the slow span, the query.
    const slowest = slowTraces.locator('[data-slow-trace]').first()
    const traceId = await slowest.getAttribute('data-slow-trace')
    await slowest.click()
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=`))
    const spanId = new URL(page.url()).searchParams.get('span')!
    const details = page.getByRole('region', { name: OPERATION })
    await expect(details).toBeVisible()
    await settled(page)
    await expect(details.getByText(SERVICE).first()).toBeVisible()
    await expect(details.getByText('db.system', { exact: false }).first()).toBeVisible() // attributes came from Jaeger
    await shot(page, '4-trace', theme, { fullPage: false })

    // 5. The Jaeger deep links: the trace, and the span found in it; the demo Jaeger serves both.
    const traceLink = page.getByRole('link', { name: 'Open in Jaeger' })
    await expect(traceLink).toHaveAttribute('href', `${JAEGER_URL}/trace/${traceId}`)
    const spanLink = details.getByRole('link', { name: 'Open span in Jaeger' })
    await expect(spanLink).toHaveAttribute('href', `${JAEGER_URL}/trace/${traceId}?uiFind=${spanId}`)
    const jaegerPage = await page.request.get(`${JAEGER_URL}/trace/${traceId}?uiFind=${spanId}`)
    expect(jaegerPage.status()).toBe(200)
    expect(await jaegerPage.text()).toContain(spanId)
  })
}

test('the latency API: 400 names the field, 404 for an unknown service or operation, 401 signed out; OpenAPI describes it', async ({
  page,
  playwright,
}) => {
  await signIn(page, 'engineer')
  const badRange = await page.request.get('/api/v1/services?range=2w')
  expect(badRange.status()).toBe(400)
  expect(await badRange.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'range' }] })
  const halfCustom = await page.request.get('/api/v1/services/transactions-service/latency?from=2026-11-01T00:00:00Z')
  expect((await halfCustom.json()).issues).toEqual([{ path: 'to', message: 'a custom range needs both from and to' }])
  const badKind = await page.request.get(`/api/v1/services/${SERVICE}/operations/${encodeURIComponent(OPERATION)}/latency?kind=sideways`)
  expect((await badKind.json()).issues[0].path).toBe('kind')
  expect((await page.request.get('/api/v1/services/no-such-service/latency')).status()).toBe(404)
  expect((await page.request.get(`/api/v1/services/${SERVICE}/operations/DROP%20TABLE/latency`)).status()).toBe(404)
  const operation = await page.request.get(
    `/api/v1/services/${SERVICE}/operations/${encodeURIComponent(OPERATION)}/latency?range=1h&kind=client`,
  )
  expect(operation.status()).toBe(200)
  expect(await operation.json()).toMatchObject({ service: SERVICE, operation: OPERATION, spanKind: 'client' })

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  expect((await anonymous.get('/api/v1/services')).status()).toBe(401)
  const openapi = await anonymous.get('/api/v1/openapi.json')
  expect(openapi.status()).toBe(200)
  expect(Object.keys((await openapi.json()).paths)).toContain('/api/v1/services/{service}/operations/{operation}/latency')
  await anonymous.dispose()
})
