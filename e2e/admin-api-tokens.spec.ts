// An admin gives a load-test job an API token; the job posts overhead measurements with it (JSON and
// two k6 summaries), the overhead page shows them, and the token stops working once revoked. Tokens
// are scoped (403 naming the scope), and only admins manage them.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { BASE_URL } from './fixtures/api-session'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const SERVICE = 'fraud-detection'
const K6 = path.resolve('fixtures/formats/k6-summary')
const k6Summary = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(K6, file), 'utf8'))

async function createToken(page: Page, name: string, scopes: { overhead: boolean; incidents?: boolean }): Promise<string> {
  await page.goto('/settings/tokens')
  await page.getByLabel('Name').fill(name)
  await page.getByRole('checkbox', { name: /overhead\.write/ }).setChecked(scopes.overhead)
  await page.getByRole('checkbox', { name: /incidents\.write/ }).setChecked(scopes.incidents ?? false)
  await page.getByRole('button', { name: 'Create token' }).click()
  const token = page.getByTestId('new-api-token')
  await expect(token).toHaveText(/^spl_[A-Za-z0-9_-]{43}$/)
  return (await token.textContent())!
}

async function screenshots(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /light/)
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${theme}.png`, fullPage: true })
  }
  await page.getByRole('radio', { name: 'Light theme' }).click()
}

test('admin creates a token; a job posts measurements with it; revoked it is refused', async ({ page, playwright }) => {
  test.setTimeout(90_000)
  await signIn(page, 'admin', { landOn: '/settings/tokens' })
  const name = `k6 job ${Date.now()}`
  const token = await createToken(page, name, { overhead: true })
  await expect(page.getByText('Copy the token now: it is not shown again.')).toBeVisible()
  await expect(page.getByText(`Authorization: Bearer ${token}`)).toBeVisible()
  await screenshots(page, 'admin-api-tokens')

  // The job: no cookie, no browser; another site's Origin does not matter to a bearer call.
  const job = await playwright.request.newContext({ baseURL: BASE_URL })
  const auth = { authorization: `Bearer ${token}`, origin: 'https://ci.example' }
  const fromK6 = await job.post('/api/v1/overhead-measurements/k6', {
    headers: auth,
    data: {
      service: SERVICE,
      environment: 'e2e-k6',
      on: k6Summary('rate-limiter-k6-summary.json'),
      off: k6Summary('ticket-reserve-summary-export.json'),
    },
  })
  expect(fromK6.status()).toBe(201)
  expect((await fromK6.json()).measurement).toMatchObject({ source: 'k6', samplesOn: 388556, samplesOff: 100 })

  const broken = await job.post('/api/v1/overhead-measurements/k6', {
    headers: auth,
    data: { service: SERVICE, environment: 'e2e', on: { metrics: {} }, off: k6Summary('ticket-reserve-summary-export.json') },
  })
  expect(broken.status()).toBe(400)
  expect((await broken.json()).issues).toEqual([expect.objectContaining({ path: 'on.metrics.http_req_duration' })])

  // A measurement typed by hand, as JSON.
  const measurement = {
    service: SERVICE,
    p50OnMs: 41.8,
    p50OffMs: 38.5,
    p95OnMs: 120.4,
    p95OffMs: 112.9,
    meanOnMs: 47.25,
    meanOffMs: 44,
    samplesOn: 60000,
    samplesOff: 60000,
    method: 'load_test',
    environment: 'e2e-staging',
    measuredAt: new Date().toISOString(),
  }
  const unknown = await job.post('/api/v1/overhead-measurements', {
    headers: auth,
    data: { ...measurement, service: 'no-such-service' },
  })
  expect(unknown.status()).toBe(422)
  expect((await unknown.json()).issues).toEqual([expect.objectContaining({ path: 'service' })])

  await page.goto('/rollout/overhead')
  // The upload form previews what it read before saving.
  const upload = page.getByRole('form', { name: 'Upload k6 summaries' })
  await upload.getByLabel('k6 summary, tracing on').setInputFiles(path.join(K6, 'mostlyucid-nmt-k6-summary.handleSummary.json'))
  await upload.getByLabel('k6 summary, tracing off').setInputFiles(path.join(K6, 'ticket-reserve-summary-export.json'))
  await expect(upload.getByTestId('k6-preview')).toContainText('Overhead to be saved')
  await expect(upload.getByTestId('k6-preview')).toContainText('856')
  await screenshots(page, 'overhead')
  await upload.getByLabel('Service').selectOption(SERVICE)
  await upload.getByLabel('Environment').fill('e2e-upload')
  await upload.getByRole('button', { name: 'Save measurement' }).click()
  await expect(upload.getByText(/^Saved from k6: fraud-detection/)).toBeVisible()

  // Posted last and measured now: the latest of the service, whatever else (a demo job) posted before.
  measurement.measuredAt = new Date().toISOString()
  const posted = await job.post('/api/v1/overhead-measurements', { headers: auth, data: measurement })
  expect(posted.status()).toBe(201)
  expect((await posted.json()).measurement).toMatchObject({
    service: SERVICE,
    overheadMs: 3.25,
    source: 'api',
    recordedBy: expect.stringContaining(name),
  })

  await page.reload()
  const row = page.getByTestId(`overhead-row-${SERVICE}`)
  await expect(row).toContainText('+3.25 ms')
  await expect(row).toContainText('e2e-staging')
  await expect(row).toContainText(`API · ${name}`)
  await expect(
    page.getByRole('img', { name: new RegExp(`^${SERVICE}: tracing overhead over \\d+ measurements, latest \\+?3\\.25 ms`) }),
  ).toBeVisible()

  // Revoked: the next request is refused, and says how to authenticate.
  await page.goto('/settings/tokens')
  page.once('dialog', (dialog) => dialog.accept())
  await page
    .getByTestId(`api-token-${name}`)
    .getByRole('button', { name: `Revoke ${name}` })
    .click()
  await expect(page.getByTestId(`api-token-${name}`)).toContainText('revoked')
  const refused = await job.post('/api/v1/overhead-measurements', { headers: auth, data: {} })
  expect(refused.status()).toBe(401)
  expect(refused.headers()['www-authenticate']).toMatch(/^Bearer /)
  expect(await refused.json()).toMatchObject({ error: 'unauthorized' })
  expect((await job.get('/api/v1/overhead-measurements')).status()).toBe(401)

  // A token without the scope: 403 naming it.
  const incidentsOnly = await createToken(page, `pager ${Date.now()}`, { overhead: false, incidents: true })
  const wrongScope = await job.post('/api/v1/overhead-measurements', { headers: { authorization: `Bearer ${incidentsOnly}` }, data: {} })
  expect(wrongScope.status()).toBe(403)
  expect(await wrongScope.json()).toMatchObject({ error: 'forbidden', scope: 'overhead.write' })

  await page.goto(`/settings/audit?action=token.`)
  const audit = page.getByTestId('audit-log')
  for (const action of ['token.create', 'token.use', 'token.revoke']) await expect(audit).toContainText(action)
  await job.dispose()
})

test('an engineer opening /settings/tokens gets the forbidden page', async ({ page }) => {
  await signIn(page, 'engineer')
  const response = await page.goto('/settings/tokens')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: "You don't have access to this" })).toBeVisible()
  await page.goto('/settings')
  await expect(page.getByText('Scoped secrets for machine posts (load tests, incident tools)')).toBeVisible()
  await expect(page.getByRole('link', { name: /API tokens/ })).toHaveCount(0)
})
