// The engineer's canary journey on data the real pipeline synced from the demo Jaeger: at the anchor
// audit-log-service runs a bad canary (slower, more errors) beside 2.0.1, for four hours already, and
// account-service promoted a good release 20 minutes before. The e2e stack reads those five hours
// first, so both are judged on whole data whatever the hour of day (the demo's traffic has a daily curve). A deploy marker on the service page → the deployment page shows the bad
// canary failing with its reasons → its worst trace opens; the verdict API answers for both versions.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { settled } from './fixtures/settled'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const BAD = 'audit-log-service'
const GOOD = 'account-service'

type Deployment = { id: string; version: string; baselineVersion: string | null; status: string; verdict: string | null }

/** The service's latest deployment in that status once the worker has judged it with one of the verdicts. */
async function judgedDeployment(request: APIRequestContext, service: string, verdicts: string[], status: string): Promise<Deployment> {
  let found: Deployment | undefined
  await expect(async () => {
    const response = await request.get(`/api/v1/deployments?service=${service}&status=${status}`)
    expect(response.status()).toBe(200)
    found = ((await response.json()) as { deployments: Deployment[] }).deployments[0]
    expect(verdicts).toContain(found?.verdict)
  }).toPass({ timeout: 240_000, intervals: [5_000] })
  return found!
}

const shot = (page: Page, name: string, theme: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/engineer-canary-${name}-${theme}.png`, fullPage: true })

test('engineer: deploy marker → the bad canary fails with its reasons → its worst trace; the verdict API for a good and a bad version', async ({
  page,
}) => {
  test.setTimeout(900_000)
  await signIn(page, 'engineer', { landOn: '/services' })
  const bad = await judgedDeployment(page.request, BAD, ['fail'], 'in_progress')
  expect(bad.baselineVersion).toBe('2.0.1')

  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()

    // 1. The services list shows the service mid-deployment, its verdict beside it.
    await page.goto('/services')
    await settled(page)
    await expect(page.locator(`tr[data-service="${BAD}"] [data-deployment="${bad.version}"]`).getByRole('link')).toBeVisible()
    await shot(page, '1-services', theme)

    // 2. The service page: a marker on its charts at the deployment, named with its version and verdict.
    await page.goto(`/services/${BAD}?range=6h`)
    await settled(page)
    const marker = page
      .getByRole('link', { name: new RegExp(`^Deployment of ${bad.version.replaceAll('.', '\\.')} at .*verdict fail`) })
      .first()
    await expect(marker).toBeVisible()
    await marker.focus()
    await shot(page, '2-service-marker', theme)

    // 3. The deployment page: failing, and why.
    await marker.click()
    await expect(page).toHaveURL(new RegExp(`/deployments/${bad.id}$`))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(bad.version)
    const reasons = page.getByRole('list', { name: 'Reasons for the verdict' })
    await expect(reasons.getByRole('listitem').first()).toContainText(/higher on the canary|slower/)
    await settled(page)
    await shot(page, '3-deployment', theme)

    // 4. The canary's worst trace opens in the trace view, on a span of the canary.
    const worst = page.getByRole('list', { name: 'Slowest traces of the canary' }).locator('[data-canary-trace]').first()
    await expect(worst).toBeVisible({ timeout: 30_000 })
    const traceId = await worst.getAttribute('data-canary-trace')
    await worst.click()
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=`))
    await settled(page)
    await page
      .getByText(/^Resource \(\d+\)$/)
      .first()
      .click()
    await expect(page.getByText(bad.version).first()).toBeVisible() // the span's process carries the canary's version
    await page.screenshot({ path: `${SCREENSHOTS}/engineer-canary-4-trace-${theme}.png` })
  }

  // 5. The verdict API, as a rollout tool asks it: the bad version fails (and its gate refuses), the good one is not failing.
  const badVerdict = await page.request.get(`/api/v1/services/${BAD}/versions/${bad.version}/verdict`)
  expect(badVerdict.status()).toBe(200)
  const badJson = await badVerdict.json()
  expect(badJson).toMatchObject({ service: BAD, version: bad.version, baselineVersion: '2.0.1', verdict: 'fail' })
  expect(badJson.metrics.find((metric: { metric: string }) => metric.metric === 'latency_distribution').result).toBe('fail')
  expect((await page.request.get(`/api/v1/services/${BAD}/versions/${bad.version}/verdict?gate=pass`)).status()).toBe(412)

  // account-service's good rollout, promoted 20 minutes before the anchor, passes.
  const good = await judgedDeployment(page.request, GOOD, ['pass', 'marginal'], 'finished')
  const goodVerdict = await page.request.get(`/api/v1/services/${GOOD}/versions/${good.version}/verdict?gate=not-fail`)
  expect(goodVerdict.status()).toBe(200)
  expect((await goodVerdict.json()).verdict).not.toBe('fail')
})
