// An admin disables a user and resets a password; the user's sessions end on their next request.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { apiSession, SAME_ORIGIN } from './fixtures/api-session'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const PASSWORD = 'a long initial password'

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

async function createUser(email: string) {
  const admin = await apiSession('admin')
  const created = await admin.post('/api/v1/users', {
    data: { email, name: 'Temporary Tess', role: 'engineer', password: PASSWORD },
    headers: SAME_ORIGIN,
  })
  expect(created.status()).toBe(201)
  await admin.dispose()
}

/** A new engineer, signed in in a browser of their own (the admin uses the test's page). */
async function signedInUser(browser: Browser, prefix: string) {
  const email = `${prefix}.${Date.now()}@spanlens.demo`
  await createUser(email)
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInAs(page, email, PASSWORD)
  await expect(page.getByTestId('current-user')).toContainText(email)
  return { email, context, page }
}

test('a disabled user is signed out on their next request, and cannot sign in again until enabled', async ({ page, browser }) => {
  const { email, context: userContext, page: userPage } = await signedInUser(browser, 'tess')

  await signIn(page, 'admin', { landOn: '/settings/users' })
  await page.getByRole('button', { name: `Disable ${email}` }).click()
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('disabled')

  expect((await userPage.request.get('/api/v1/services')).status()).toBe(401)
  await userPage.goto('/services')
  await expect(userPage).toHaveURL(/\/login/)
  await signInAs(userPage, email, PASSWORD)
  await expect(userPage.getByTestId('login-error')).toHaveText('Wrong e-mail or password.')

  await page.getByRole('button', { name: `Enable ${email}` }).click()
  await expect(page.getByTestId(`user-row-${email}`)).not.toContainText('disabled')
  await signInAs(userPage, email, PASSWORD)
  await expect(userPage.getByTestId('current-user')).toContainText(email)
  await userContext.close()
})

test('a password reset ends every session; the temporary password leads straight to choosing a new one', async ({ page, browser }) => {
  const { email, context: userContext, page: userPage } = await signedInUser(browser, 'reset')

  await signIn(page, 'admin', { landOn: '/settings/users' })
  page.once('dialog', (dialog) => dialog.accept())
  await page.getByRole('button', { name: `Reset password of ${email}` }).click()
  const temporary = (await page.getByTestId('temporary-password').textContent())!.trim()
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/)

  await userPage.goto('/services')
  await expect(userPage).toHaveURL(/\/login/)
  await signInAs(userPage, email, temporary)
  await expect(userPage).toHaveURL(/\/change-password$/)
  await expect(userPage.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  // Until then nothing else opens, and the API says why.
  const blocked = await userPage.request.get('/api/v1/services')
  expect(blocked.status()).toBe(403)
  expect(await blocked.json()).toMatchObject({ error: 'password_change_required' })
  await userPage.screenshot({ path: `${SCREENSHOTS}/change-password.png` })
  await userPage.getByLabel('Current password').fill(temporary)
  await userPage.getByLabel('New password', { exact: true }).fill('my own new password')
  await userPage.getByLabel('New password again').fill('my own new password')
  await userPage.getByRole('button', { name: 'Set password and continue' }).click()
  await expect(userPage.getByRole('heading', { name: 'Overview' })).toBeVisible()
  await userContext.close()

  await page.goto('/settings/audit')
  await expect(page.getByTestId('audit-log')).toContainText('user.password.reset')
  await expect(page.getByTestId('audit-log')).toContainText('user.password.change')
})

test('a user changes their own password on the account page and sees where they are signed in', async ({ page }) => {
  const email = `own.${Date.now()}@spanlens.demo`
  await createUser(email)
  await signInAs(page, email, PASSWORD)
  await expect(page.getByTestId('current-user')).toContainText(email)
  await page.goto('/account')
  await expect(page.getByTestId('session-row')).toContainText('this browser')
  await page.getByLabel('Current password').fill('not my password')
  await page.getByLabel('New password', { exact: true }).fill('my brand new password')
  await page.getByLabel('New password again').fill('my brand new password')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.locator('#current-password-error')).toHaveText('this is not your current password')
  await page.getByLabel('Current password').fill(PASSWORD)
  await page.getByLabel('New password', { exact: true }).fill('my brand new password')
  await page.getByLabel('New password again').fill('my brand new password')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Password changed. Your other sessions are signed out.')).toBeVisible()
  await page.screenshot({ path: `${SCREENSHOTS}/account.png`, fullPage: true })
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page).toHaveURL(/\/login/)
})
