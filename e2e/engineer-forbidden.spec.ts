// Authorization is server-side: an engineer who calls admin-only endpoints directly is refused
// with 403 and nothing changes, whatever the UI shows or hides.
import { expect, test } from '@playwright/test'
import { actionBody, serverActionId } from './fixtures/server-actions'
import { demoUser, signIn } from './fixtures/sign-in'

test.describe('engineer calling admin-only endpoints', () => {
  test.beforeEach(async ({ page }) => signIn(page, 'engineer'))

  test('route handler: GET and POST /api/v1/users answer 403 and create nothing', async ({ page }) => {
    const list = await page.request.get('/api/v1/users')
    expect(list.status()).toBe(403)
    expect(await list.json()).toMatchObject({ error: 'forbidden' })
    const create = await page.request.post('/api/v1/users', {
      data: { email: 'sneaky@spanlens.demo', name: 'Sneaky', role: 'admin', password: 'long enough password' },
    })
    expect(create.status()).toBe(403)
  })

  test('server action: changeUserRoleAction posted directly answers 403 and the role stays', async ({ page, browser }) => {
    const engineer = demoUser('engineer')
    const admin = await browser.newPage()
    await signIn(admin, 'admin')
    const users = (await (await admin.request.get('/api/v1/users')).json()).users as { id: string; email: string; role: string }[]
    const self = users.find((u) => u.email === engineer.email)!

    const response = await page.request.post('/settings/users', {
      headers: {
        'Next-Action': serverActionId('changeUserRoleAction', 'app/(dashboard)/settings/users/actions.ts'),
        Accept: 'text/x-component',
      },
      multipart: Object.fromEntries(actionBody({ userId: self.id, role: 'admin' }).entries()) as Record<string, string>,
    })
    expect(response.status()).toBe(403)

    const after = (await (await admin.request.get('/api/v1/users')).json()).users as { email: string; role: string }[]
    expect(after.find((u) => u.email === engineer.email)?.role).toBe('engineer')
    await admin.close()
  })

  test("server action: saveBaselineWindowAction posted directly answers 403; the service's window stays", async ({ page }) => {
    const response = await page.request.post('/services/transactions-service', {
      headers: {
        'Next-Action': serverActionId('saveBaselineWindowAction', 'app/(dashboard)/services/[service]/actions.ts'),
        Accept: 'text/x-component',
      },
      multipart: Object.fromEntries(actionBody({ service: 'transactions-service', days: '1' }).entries()) as Record<string, string>,
    })
    expect(response.status()).toBe(403)
    const view = await (await page.request.get('/api/v1/services/transactions-service/latency?range=1h')).json()
    expect(view.baselineWindow).toEqual({ days: 7, custom: false })
    await page.goto('/services/transactions-service')
    await expect(page.getByRole('heading', { name: 'Baseline' })).toBeVisible()
    await expect(page.getByLabel('Window (days)')).toHaveCount(0) // the form is for admins; the action checks regardless
  })

  test('the users page itself answers 403 with a clear page', async ({ page }) => {
    const response = await page.goto('/settings/users')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: "You don't have access to this" })).toBeVisible()
  })
})

test('signed out, the API answers 401 JSON instead of redirecting', async ({ request }) => {
  const response = await request.get('/api/v1/users')
  expect(response.status()).toBe(401)
  expect(await response.json()).toMatchObject({ error: 'unauthorized' })
})
