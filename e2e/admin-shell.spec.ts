// Screenshots of the shell in light and dark theme, kept under test-results/screenshots/.
import { expect, test } from '@playwright/test'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const PAGES = [
  { path: '/', name: 'overview', heading: 'Overview' },
  { path: '/settings', name: 'settings', heading: 'Settings' },
  { path: '/settings/jaeger', name: 'settings-jaeger', heading: 'Jaeger connection' },
  { path: '/settings/inventory', name: 'settings-inventory', heading: 'Service inventory' },
  { path: '/rollout', name: 'rollout-not-built', heading: 'Rollout' },
]

for (const theme of ['light', 'dark'] as const) {
  test(`the shell in ${theme} theme`, async ({ page }) => {
    await signIn(page, 'admin')
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /light/)
    // The overview shows Jaeger as the worker last saw it: up once the worker has checked in.
    await expect(async () => {
      await page.reload()
      await expect(page.getByTestId('system-status')).toContainText('All systems up', { timeout: 1000 })
    }).toPass({ timeout: 20_000 })
    await expect(page.getByTestId('jaeger-status')).toContainText(/Up · api\/v3 · \d+ services/)
    await expect(page.getByTestId('jaeger-status')).toContainText('as the worker saw it')
    for (const { path, name, heading } of PAGES) {
      await page.goto(path)
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-${theme}.png`, fullPage: true })
    }
    await page.goto('/login')
    await page.screenshot({ path: `${SCREENSHOTS}/login-${theme}.png` })
  })
}

test('the shell on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, 'manager')
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await page.screenshot({ path: `${SCREENSHOTS}/overview-mobile.png`, fullPage: true })
})
