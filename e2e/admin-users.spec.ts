import { expect, test } from '@playwright/test'
import { signIn } from './fixtures/sign-in'

test.describe('admin manages users', () => {
  test.beforeEach(async ({ page }) => signIn(page, 'admin', { landOn: '/settings/users' }))

  test('adds a user, changes their role, and both changes are in the audit log', async ({ page }) => {
    const email = `new.sre.${Date.now()}@spanlens.demo`
    await page.getByLabel('Name').fill('Sam SRE')
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Role', { exact: true }).selectOption('engineer')
    await page.getByLabel('Initial password').fill('a long initial password')
    await page.getByRole('button', { name: 'Add user' }).click()
    await expect(page.getByText(`Added ${email} as engineer.`)).toBeVisible()

    const row = page.getByTestId(`user-row-${email}`)
    await row.getByLabel(`Role of ${email}`).selectOption('manager')
    await row.getByRole('button', { name: 'Save' }).click()
    await expect(row.getByText(`${email} is now manager.`)).toBeVisible()

    await page.reload()
    await expect(page.getByTestId(`user-row-${email}`)).toContainText('manager')
    await page.getByRole('link', { name: 'Audit log' }).click()
    const audit = page.getByTestId('audit-log')
    await expect(audit).toContainText('user.role.change')
    await expect(audit).toContainText('user.create')
    await expect(audit).toContainText(email)
  })

  test('the form names the field that is wrong', async ({ page }) => {
    await page.getByLabel('Name').fill('Short Password')
    await page.getByLabel('E-mail', { exact: true }).fill('not-an-email')
    await page.getByLabel('Initial password').fill('short')
    await page.getByRole('button', { name: 'Add user' }).click()
    await expect(page.locator('#new-email-error')).toHaveText('enter an e-mail address')
    await expect(page.locator('#new-password-error')).toHaveText('at least 12 characters')
  })

  test('the API answers 400 naming the field', async ({ page }) => {
    const response = await page.request.post('/api/v1/users', {
      data: { email: 'ok@spanlens.demo', name: 'X', role: 'superuser', password: 'long enough password' },
    })
    expect(response.status()).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'role' }] })
  })
})
