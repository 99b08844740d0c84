// The manager's journey (issue 11): "are we on plan for week 2?" answered on one screen, every figure
// one click from its evidence. Scorecard → board (grouped by wave, a late service standing out, the
// burn-up) → an override with a reason (visible, audited) → reliability evidence → an example broken
// trace → incidents before and after go-live. An engineer's override is refused by the server.
import { expect, test, type Page } from '@playwright/test'
import { actionBody, serverActionId } from './fixtures/server-actions'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const TARGETS = ['services_traced', 'tracing_overhead', 'trace_reliability', 'debugging_time'] as const

async function shot(page: Page, name: string, theme: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/manager-rollout-${name}-${theme}.png`, fullPage: true })
}

/** The worker computes statuses after its first rounds: wait until the board has them. */
async function waitForStatuses(page: Page) {
  await expect(async () => {
    const response = await page.request.get('/api/v1/rollout')
    expect(response.status()).toBe(200)
    const board = (await response.json()) as { services: { name: string; computed: unknown; goLiveAt: string | null }[] }
    expect(board.services.length).toBeGreaterThan(0)
    expect(board.services.filter((service) => service.goLiveAt).every((service) => service.computed !== null)).toBe(true)
  }).toPass({ timeout: 240_000, intervals: [5_000] })
}

for (const theme of ['light', 'dark'] as const) {
  test(`manager: scorecard → board → override → reliability evidence → incidents (${theme})`, async ({ page }) => {
    test.setTimeout(330_000)
    await signIn(page, 'manager')
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    await waitForStatuses(page)

    // Scorecard: four figures, each with a status and a link to its evidence.
    await page.goto('/')
    for (const key of TARGETS) {
      const tile = page.getByTestId(`target-${key}`)
      await expect(tile).toBeVisible()
      await expect(tile).toHaveAttribute('data-status', /^(met|on_track|at_risk|missed|no_data)$/)
    }
    await expect(page.getByTestId('target-services_traced').getByTestId('target-value')).toHaveText(/^\d+ of \d+$/)
    await expect(page.getByTestId('target-trace_reliability').getByTestId('target-value')).toHaveText(/^\d+\.\d\d %$/)
    await shot(page, 'scorecard', theme)

    // The board, grouped by wave, with the burn-up chart; a late service stands out.
    await page.getByTestId('target-services_traced').getByRole('link', { name: 'Rollout board' }).click()
    await expect(page).toHaveURL(/\/rollout$/)
    await expect(page.getByRole('heading', { name: 'Burn-up: planned vs traced services' })).toBeVisible()
    await expect(page.getByRole('img', { name: /^All waves: \d+ of \d+ services traced/ })).toBeVisible()
    await expect(page.getByRole('heading', { name: /^(Pilot \(wave 0\)|Wave 1)$/ }).first()).toBeVisible()
    const late = page.locator('tr[data-late="true"]')
    if ((await late.count()) > 0) await expect(page.getByRole('note')).toContainText('late:')
    await shot(page, 'board', theme)

    // Override one status, with a reason; it shows beside the computed one and is audited.
    const row = page
      .locator('tbody tr')
      .filter({ has: page.getByText('Override…') })
      .first()
    const service = (await row.locator('a').first().textContent())!.trim()
    const reason = `Verified by hand in staging (${theme})`
    await row.getByText('Override…').click()
    await row.getByLabel('Count it as').selectOption('verified')
    await row.getByLabel('Reason (shown on the board)').fill(reason)
    await row.getByRole('button', { name: 'Override status' }).click()
    await expect(row.getByRole('status')).toContainText(`${service} now counts as verified`)
    await page.reload()
    const overridden = page.locator(`#service-${service}`)
    await expect(overridden).toContainText('(override)')
    await expect(overridden).toContainText(reason)
    await page.goto('/settings/audit')
    await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('rollout.override.set')

    // Reliability evidence: by service, worst first; an example broken trace opens in the trace view.
    await page.goto('/')
    await page.getByTestId('target-trace_reliability').getByRole('link', { name: 'Reliability by service' }).click()
    await expect(page.getByRole('table', { name: 'Trace reliability by service' })).toBeVisible()
    const broken = page.getByRole('list', { name: /^Broken traces of / }).first()
    await expect(broken).toBeVisible({ timeout: 60_000 })
    await shot(page, 'reliability', theme)
    await broken.getByRole('link').first().click()
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/)

    // Incidents: before and after go-live, with both cohort sizes.
    await page.goto('/')
    await page.getByTestId('target-debugging_time').getByRole('link', { name: 'Incidents before and after' }).click()
    await expect(page).toHaveURL(/\/incidents/)
    await expect(page.getByText('Debugging time, before vs after tracing went live')).toBeVisible()
    await shot(page, 'incidents', theme)
  })
}

test('an engineer cannot override a status: the server action answers 403 and nothing changes', async ({ page }) => {
  await signIn(page, 'engineer')
  const before = (await (await page.request.get('/api/v1/rollout')).json()) as { services: { name: string; override: unknown }[] }
  const target = before.services.find((service) => !service.override)!
  const response = await page.request.post('/rollout', {
    headers: {
      'Next-Action': serverActionId('overrideRolloutStatusAction', 'app/(dashboard)/rollout/actions.ts'),
      Accept: 'text/x-component',
    },
    multipart: Object.fromEntries(
      actionBody({ service: target.name, status: 'verified', reason: 'sneaky', expiresInDays: '' }).entries(),
    ) as Record<string, string>,
  })
  expect(response.status()).toBe(403)
  const after = (await (await page.request.get('/api/v1/rollout')).json()) as { services: { name: string; override: unknown }[] }
  expect(after.services.find((service) => service.name === target.name)?.override).toBeNull()
  await page.goto('/rollout')
  await expect(page.getByText('Override…')).toHaveCount(0)
})
