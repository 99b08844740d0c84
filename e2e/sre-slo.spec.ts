// The SRE's SLO journey (issue 13): an SLO created in the editor gets its budget and burn-down from the
// worker's next pass; a maintenance correction changes the budget; the demo's OpenSLO file, imported on
// /slos, brings the burning transaction-lookup SLO whose page-tier burn-rate alert fires; exporting an
// SLO as OpenSLO and importing it back changes nothing. An engineer saving an SLO is refused by the server.
import fs from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { actionBody, serverActionId } from './fixtures/server-actions'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const DEMO_SLOS = fs.readFileSync('fixtures/slos/demo-slos.yaml', 'utf8')

async function shot(page: Page, name: string, theme: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/sre-slo-${name}-${theme}.png`, fullPage: true })
}

/** The "Error budget left" tile's figure, once the worker has accounted the SLO (it refreshes every minute). */
async function budgetLeft(page: Page): Promise<string> {
  const tile = page.getByText('Error budget left', { exact: true }).locator('..')
  await expect(tile).toBeVisible()
  return (await tile.locator('div').nth(1).innerText()).trim()
}

for (const theme of ['light', 'dark'] as const) {
  test(`admin: new SLO → budget and burn-down → correction → demo SLOs page → OpenSLO round trip (${theme})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(600_000)
    await signIn(page, 'admin')
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    const name = `payments-gateway-${theme}${testInfo.retry ? `-retry${testInfo.retry}` : ''}`

    await page.goto('/slos')
    await page
      .getByRole('link', { name: /New SLO|Define the first SLO/ })
      .first()
      .click()
    await expect(page).toHaveURL(/\/slos\/new$/)
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByLabel('SLI', { exact: true }).selectOption('availability')
    // payment-gateway's acquirer times out for 15 minutes every 6 hours: budget is being spent.
    await page.getByLabel('Service', { exact: true }).fill('payment-gateway')
    // A field error comes back beside its field, from the schema the API saves with.
    await page.getByLabel('Objective (%)').fill('101')
    await page.getByRole('button', { name: 'Create SLO' }).click()
    await expect(page.getByText('at most 0.99999', { exact: true })).toBeVisible()
    await page.getByLabel('Objective (%)').fill('99.9')
    await page.getByLabel('Channels').fill('demo-receiver')
    await page.getByRole('button', { name: 'Create SLO' }).click()
    await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}$/)
    const sloUrl = page.url()

    // The worker accounts the SLO on its next pass: the budget, its burn-down and the SLI chart appear.
    await expect(async () => {
      await page.goto(sloUrl)
      await expect(page.getByText('Error budget left', { exact: true })).toBeVisible()
    }).toPass({ timeout: 180_000, intervals: [10_000] })
    await expect(page.getByRole('img', { name: /^Error budget burn-down: / })).toBeVisible()
    await expect(page.getByRole('img', { name: /^SLI per hour against the 99\.9 % objective/ })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Burn-rate tiers' }).getByRole('row')).toHaveCount(5)
    const before = await budgetLeft(page)
    await shot(page, 'budget', theme)

    // A maintenance window over the last day: its minutes leave the budget, which changes on the next pass.
    const now = new Date()
    const local = (date: Date) => date.toISOString().slice(0, 16)
    await page.getByLabel('Starts (UTC)').fill(local(new Date(now.getTime() - 24 * 3_600_000)))
    await page.getByLabel('Ends (UTC)').fill(local(now))
    await page.getByLabel('Reason').fill('Acquirer maintenance, agreed with the bank')
    await page.getByRole('button', { name: 'Add correction' }).click()
    await expect(page.getByRole('table', { name: 'Corrections' }).getByText('Acquirer maintenance, agreed with the bank')).toBeVisible()
    await expect(async () => {
      await page.goto(sloUrl)
      expect(await budgetLeft(page)).not.toBe(before)
    }).toPass({ timeout: 180_000, intervals: [10_000] })
    await shot(page, 'corrected', theme)

    // The demo's SLOs, imported from their OpenSLO file on /slos: checked, then imported, all or nothing.
    await page.goto('/slos')
    await page.getByLabel('OpenSLO or Sloth file (YAML): content').fill(DEMO_SLOS)
    await page.getByRole('button', { name: 'Check' }).click()
    await expect(page.getByText(/^Would create \d+, replace \d+, \d+ unchanged\./)).toBeVisible()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(page.getByText(/^Created \d+, replaced \d+, \d+ unchanged\./)).toBeVisible()

    // The transaction lookup has been slow for hours: its page tiers (13.44× over 1 h and 5 m, 5.6× over 6 h and 30 m) fire.
    const pageTiers = page.getByRole('table', { name: 'Burn-rate tiers' }).locator('tr[data-tier^="page_"]')
    await expect(async () => {
      await page.goto('/slos?q=transactions-lookup')
      await page.getByRole('link', { name: 'Transaction lookups under 15 ms' }).click()
      await expect(pageTiers.getByText('firing').first()).toBeVisible()
    }).toPass({ timeout: 240_000, intervals: [15_000] })
    await expect(page.getByText('Burning fast', { exact: true }).first()).toBeVisible()
    await shot(page, 'burning', theme)
    await page.goto('/slos')
    await expect(page.locator('tr[data-slo="transactions-lookup-latency"]').getByText(/firing/)).toBeVisible()
    await shot(page, 'list', theme)
    await page.goto('/alerts')
    await expect(
      page
        .getByRole('table', { name: 'Firing and pending alerts' })
        .getByRole('link', { name: /^transactions-lookup-latency-page-(fast|slow)$/ })
        .first(),
    ).toBeVisible()

    // OpenSLO out, and back in: nothing changes.
    const exported = await page.request.get(`/api/v1/slos/export?name=${name}`)
    expect(exported.status()).toBe(200)
    const yaml = await exported.text()
    expect(yaml).toContain('apiVersion: openslo/v1')
    expect(yaml).toContain('kind: AlertPolicy')
    const back = await page.request.post('/api/v1/slos/import', { data: { content: yaml, dryRun: false } })
    expect(back.status()).toBe(200)
    expect(await back.json()).toMatchObject({ created: [], updated: [], unchanged: [name] })
  })
}

test('an engineer cannot save an SLO: the server action answers 403', async ({ page }) => {
  await signIn(page, 'engineer')
  const response = await page.request.post('/slos/new', {
    headers: { 'Next-Action': serverActionId('saveSloAction', 'app/(dashboard)/slos/new/actions.ts'), Accept: 'text/x-component' },
    multipart: Object.fromEntries(
      actionBody({ name: 'sneaky', service: 'auth-service', sliKind: 'availability', objective: '99', window: '28d' }).entries(),
    ) as Record<string, string>,
  })
  expect(response.status()).toBe(403)
  const { slos } = (await (await page.request.get('/api/v1/slos')).json()) as { slos: { name: string }[] }
  expect(slos.map((slo) => slo.name)).not.toContain('sneaky')
  await page.goto('/slos')
  await expect(page.getByRole('link', { name: 'New SLO' })).toHaveCount(0)
})
