// The boundaries an attacker tries first: sign-in redirects that leave the site, "simple" cross-site
// writes, foreign origins on server actions, framing, and a session cookie kept after signing out.
import { expect, test } from '@playwright/test'
import { apiSession, BASE_URL } from './fixtures/api-session'
import { actionBody, serverActionId } from './fixtures/server-actions'
import { demoUser, signIn } from './fixtures/sign-in'

test.describe('boundaries', () => {
  for (const callbackUrl of [
    '/.//example.org',
    '/..//example.org',
    '/a/../\\example.org',
    '//example.org',
    'https://example.org/',
    '/%2F%2Fexample.org',
    'javascript:alert(1)',
  ]) {
    test(`signing in with callbackUrl=${callbackUrl} lands on the overview, not off the site`, async ({ page }) => {
      const user = demoUser('engineer')
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)
      await page.getByLabel('E-mail').fill(user.email)
      await page.getByLabel('Password').fill(user.password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByTestId('current-user')).toContainText(user.email)
      expect(new URL(page.url()).origin).toBe(new URL(BASE_URL).origin)
      expect(new URL(page.url()).pathname).toBe('/')
    })
  }

  test('a text/plain POST from a page (a "simple" cross-site request) is refused, and nothing is created', async ({ page }) => {
    await signIn(page, 'admin')
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ email: 'plain@spanlens.demo', name: 'Plain', role: 'admin', password: 'a long enough password' }),
      })
      return { status: response.status, body: await response.json() }
    })
    expect(answer).toEqual({
      status: 415,
      body: { error: 'unsupported_media_type', issues: [{ path: 'content-type', message: expect.any(String) }] },
    })
    const users = (await (await page.request.get('/api/v1/users')).json()).users as { email: string }[]
    expect(users.map((user) => user.email)).not.toContain('plain@spanlens.demo')
  })

  test('a write from another origin is refused by route handlers and by server actions', async () => {
    const admin = await apiSession('admin')
    const route = await admin.post('/api/v1/users', {
      data: { email: 'cross@spanlens.demo', name: 'Cross', role: 'admin', password: 'a long enough password' },
      headers: { origin: 'http://localhost:16686' },
    })
    expect(route.status()).toBe(403)
    expect(await route.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('cross-site') })
    // Next compares a server action's Origin with the host and refuses a mismatch before the action runs.
    const action = await admin.post('/settings/users', {
      maxRedirects: 0,
      headers: {
        'Next-Action': serverActionId('createUserAction', 'app/(dashboard)/settings/users/actions.ts'),
        Accept: 'text/x-component',
        origin: 'https://evil.example',
      },
      multipart: Object.fromEntries(
        actionBody({ email: 'action-cross@spanlens.demo', name: 'Cross', role: 'admin', password: 'a long enough password' }).entries(),
      ) as Record<string, string>,
    })
    expect(action.ok()).toBe(false)
    const users = (await (await admin.get('/api/v1/users')).json()).users as { email: string }[]
    expect(users.map((user) => user.email)).not.toEqual(expect.arrayContaining(['cross@spanlens.demo']))
    expect(users.map((user) => user.email)).not.toEqual(expect.arrayContaining(['action-cross@spanlens.demo']))
    await admin.dispose()
  })

  test('pages and the API send the security headers; no page can be framed', async ({ page }) => {
    await signIn(page, 'admin')
    const response = await page.goto('/settings/users')
    const headers = response!.headers()
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy']).toContain('camera=()')
    const api = (await page.request.get('/api/v1/services')).headers()
    expect(api['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(api['x-content-type-options']).toBe('nosniff')
  })

  test('after signing out, a copied session cookie no longer works', async ({ page, browser }) => {
    await signIn(page, 'manager')
    const cookies = await page.context().cookies()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/login/)
    const thief = await browser.newContext()
    await thief.addCookies(cookies)
    const stolen = await thief.request.get('/api/v1/services')
    expect(stolen.status()).toBe(401)
    const thiefPage = await thief.newPage()
    await thiefPage.goto('/')
    await expect(thiefPage).toHaveURL(/\/login/)
    await thief.close()
  })
})
