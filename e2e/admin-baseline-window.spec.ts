import { expect, test } from '@playwright/test'
import { settled } from './fixtures/settled'
import { signIn } from './fixtures/sign-in'

// An admin (SRE) widens or narrows one service's baseline; the page says so and the audit log keeps it.
const SERVICE = 'card-service'

test("an admin sets one service's baseline window; a bad value is named, a good one is saved and audited", async ({ page }) => {
  await signIn(page, 'admin', { landOn: `/services/${SERVICE}` })
  await settled(page)
  await expect(page.getByText(/Trailing 7 days \(the default\)/)).toBeVisible()

  const field = page.getByLabel('Window (days)')
  await field.fill('90')
  await field.evaluate((input: HTMLInputElement) => input.removeAttribute('max')) // what the browser would block, the action still refuses
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status').filter({ hasText: '35' })).toBeVisible()

  await field.fill('3')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(`Baselines of ${SERVICE} now use the last 3 days.`)).toBeVisible()
  await page.reload()
  await settled(page)
  await expect(page.getByText(/Trailing 3 days \(set for this service\)/)).toBeVisible()
  expect((await (await page.request.get(`/api/v1/services/${SERVICE}/latency?range=1h`)).json()).baselineWindow).toEqual({
    days: 3,
    custom: true,
  })

  await page.goto('/settings/audit?action=service.')
  await expect(page.getByTestId('audit-log')).toContainText('service.baseline_window')
})
