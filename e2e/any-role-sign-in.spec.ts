import { expect, test } from '@playwright/test'
import { ROLES } from '../lib/auth/schemas'
import { demoUser, signIn } from './fixtures/sign-in'

test.describe('sign-in', () => {
  test('a signed-out visit is sent to the login page, and comes back after signing in', async ({ page }) => {
    await page.goto('/settings/jaeger')
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fjaeger/)
    await expect(page.getByRole('heading', { name: 'Sign in to Spanlens' })).toBeVisible()
    const user = demoUser('engineer')
    await page.getByLabel('E-mail').fill(user.email)
    await page.getByLabel('Password').fill(user.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/settings\/jaeger$/)
    await expect(page.getByRole('heading', { name: 'Jaeger connection' })).toBeVisible()
  })

  for (const role of ROLES) {
    test(`${role} signs in, sees the shell with name and role, and signs out`, async ({ page }) => {
      await signIn(page, role)
      const user = demoUser(role)
      const sidebar = page.getByTestId('current-user')
      await expect(sidebar).toContainText(user.name)
      await expect(sidebar).toContainText(role)
      const nav = page.getByRole('navigation', { name: 'Main' })
      for (const item of ['Overview', 'Services', 'Deployments', 'Rollout', 'Alerts', 'SLOs', 'Incidents', 'Settings']) {
        await expect(nav.getByRole('link', { name: item })).toBeVisible()
      }
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible()
      await page.getByRole('button', { name: 'Sign out' }).click()
      await expect(page).toHaveURL(/\/login/)
      await page.goto('/')
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/)
    })
  }

  test('a wrong password and an unknown address get the same message, and repeated failures are slowed down', async ({ page }) => {
    await page.goto('/login')
    const attempt = async (email: string, password: string) => {
      await page.getByLabel('E-mail').fill(email)
      await page.getByLabel('Password').fill(password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      return page.getByTestId('login-error')
    }
    await expect(await attempt(demoUser('manager').email, 'not the password')).toHaveText('Wrong e-mail or password.')
    await expect(await attempt('nobody@spanlens.demo', 'not the password')).toHaveText('Wrong e-mail or password.')
    // A throwaway address, so the demo accounts are not held up for other tests.
    for (let i = 0; i < 3; i++) await attempt('guesser@spanlens.demo', `guess ${i}`)
    await expect(await attempt('guesser@spanlens.demo', 'guess 4')).toHaveText(/Too many sign-in attempts\. Try again in \d+ s\./)
    await expect(page).toHaveURL(/\/login/)
  })

  test('the health endpoint tells anyone up or down, and signed-in users the details', async ({ request, page }) => {
    const response = await request.get('/api/health')
    expect(response.status()).toBe(200)
    const health = await response.json()
    expect(health).toEqual({
      status: expect.any(String),
      checkedAt: expect.any(String),
      database: { ok: true },
      jaeger: { ok: true },
      worker: { ok: expect.any(Boolean) },
    })
    await expect.poll(async () => (await (await request.get('/api/health')).json()).worker.ok, { timeout: 15_000 }).toBe(true)
    await signIn(page, 'engineer')
    const detailed = await (await page.request.get('/api/health')).json()
    expect(detailed.jaeger).toMatchObject({ ok: true, api: 'v3' })
    expect(detailed.jaeger.serviceCount).toBeGreaterThan(0)
    expect(detailed.database.latencyMs).toEqual(expect.any(Number))
  })
})
