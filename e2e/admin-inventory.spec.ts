// The admin keeps the inventory true (issue 11, item 1): a Backstage file with a problem is refused
// with its line and changes nothing; a valid one is previewed, applied, visible and audited; a
// discovered service is adopted; services are retired. An engineer reads the page and is refused
// server-side. Screenshots of /settings/inventory in light and dark.
//
// The demo fleet is shared with the other journeys, so this one changes only services it brings in
// itself (a public Backstage sample, and a service recorded as discovered the way the worker records
// one) and retires them again, leaving the fleet's figures as they were.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { expect, test, type Page } from '@playwright/test'
import { actionBody, serverActionId } from './fixtures/server-actions'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const BACKSTAGE = path.resolve('fixtures/formats/backstage-catalog')
const ACTIONS = 'app/(dashboard)/settings/inventory/actions.ts'
const DISCOVERED = 'e2e-discovered-service'

let database: pg.Client
const count = async (sql: string, values: unknown[] = []) => (await database.query(sql, values)).rows[0].n as number
const snapshot = async () => ({
  services: await count('SELECT count(*)::int AS n FROM services'),
  retired: await count('SELECT count(*)::int AS n FROM services WHERE retired_at IS NOT NULL'),
  audit: await count("SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'inventory.%'"),
})

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  database = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await database.connect()
  // What the worker's sync does for a service Jaeger lists and the inventory does not (lib/sync/sync-state-repository.ts).
  await database.query(
    "INSERT INTO services (name, origin, discovered_at, updated_at) VALUES ($1, 'discovered', now(), now()) ON CONFLICT DO NOTHING",
    [DISCOVERED],
  )
})
test.afterAll(async () => database?.end())

async function preview(page: Page, file: string) {
  await page.getByLabel('Catalog file', { exact: true }).setInputFiles(path.join(BACKSTAGE, file))
  await page.getByRole('button', { name: `Preview ${file}` }).click()
}

test('admin imports a Backstage catalog, adopts a discovered service and retires services', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'admin', { landOn: '/settings/inventory' })
  await expect(page.getByRole('heading', { name: 'Service inventory', level: 1 })).toBeVisible()

  // A file with problems: every one with its line, no Apply, nothing written.
  const before = await snapshot()
  await preview(page, 'invalid-component.yaml')
  const errors = page.getByTestId('import-errors')
  await expect(errors).toBeVisible()
  await expect(errors.getByRole('row', { name: /metadata\.name/ })).toContainText(/^\s*\d+/)
  await expect(page.getByTestId('catalog-import')).toContainText('Nothing was imported')
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0)
  await page.getByTestId('import').screenshot({ path: `${SCREENSHOTS}/admin-inventory-import-errors-light.png` })
  expect(await snapshot()).toEqual(before)

  // The API says the same, 422 with the lines.
  const refused = await page.request.post('/api/v1/inventory/import', {
    data: { content: fs.readFileSync(path.join(BACKSTAGE, 'invalid-component.yaml'), 'utf8') },
  })
  expect(refused.status()).toBe(422)
  expect(await refused.json()).toMatchObject({
    error: 'invalid_catalog',
    issues: expect.arrayContaining([expect.objectContaining({ line: expect.any(Number), path: 'metadata.name' })]),
  })
  expect(await snapshot()).toEqual(before)

  // A valid file: preview, apply, visible, audited.
  await preview(page, 'artist-lookup-component.yaml')
  const changes = page.getByTestId('import-changes')
  await expect(changes.getByRole('row', { name: /artist-lookup/ })).toContainText('added')
  await page.getByTestId('import').screenshot({ path: `${SCREENSHOTS}/admin-inventory-import-preview-light.png` })
  expect(await snapshot()).toEqual(before)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByTestId('catalog-import')).toContainText('Imported: 1 added, 0 updated')
  await page.reload()
  const imported = page.getByTestId('service-artist-lookup')
  await expect(imported).toContainText('team-a')
  await expect(imported).toContainText('experimental · artist-engagement-portal')

  // Adopt a discovered service into wave 3.
  const discovered = page.getByTestId(`discovered-${DISCOVERED}`)
  await discovered.getByLabel(`Team of ${DISCOVERED}`).fill('platform')
  await discovered.getByLabel(`Wave of ${DISCOVERED}`).fill('3')
  await discovered.getByRole('button', { name: `Adopt ${DISCOVERED}` }).click()
  // Saved, the page refreshes: the row leaves "Discovered" and the service shows in its wave.
  await expect(page.getByTestId('wave-3').getByTestId(`service-${DISCOVERED}`)).toContainText('platform')
  await expect(discovered).toHaveCount(0)

  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /light/)
    await page.screenshot({ path: `${SCREENSHOTS}/admin-inventory-${theme}.png`, fullPage: true })
  }
  await page.getByRole('radio', { name: 'Light theme' }).click()

  // Retire both (after the confirmation): they move to the collapsed "Retired" section.
  for (const name of ['artist-lookup', DISCOVERED]) {
    page.once('dialog', (dialog) => dialog.accept())
    await page
      .getByTestId(`service-${name}`)
      .getByRole('button', { name: `Retire ${name}` })
      .click()
    await expect(page.getByTestId('retired').getByTestId(`service-${name}`)).toBeAttached()
  }
  const retiredSection = page.getByTestId('retired')
  await retiredSection.locator('summary').click()
  await expect(retiredSection.getByTestId('service-artist-lookup').getByRole('button', { name: 'Bring back artist-lookup' })).toBeVisible()

  await page.goto('/settings/audit?action=inventory.')
  const audit = page.getByTestId('audit-log')
  for (const action of ['inventory.import', 'inventory.service.add', 'inventory.service.adopt', 'inventory.service.retire'])
    await expect(audit).toContainText(action)
  await expect(audit).toContainText('artist-lookup')
  await expect(audit).toContainText(DISCOVERED)
})

test('an engineer reads the inventory; a forged write is refused server-side', async ({ page }) => {
  await signIn(page, 'engineer', { landOn: '/settings/inventory' })
  await expect(page.getByRole('heading', { name: 'Service inventory', level: 1 })).toBeVisible()
  await expect(page.getByTestId('read-only-note')).toBeVisible()
  await expect(page.locator('[data-testid^="wave-"]').first()).toBeVisible()
  await expect(page.getByTestId('import')).toHaveCount(0)
  await expect(page.getByTestId('add-service')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Retire / })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /^Edit / })).toHaveCount(0)
  await page.screenshot({ path: `${SCREENSHOTS}/engineer-inventory-light.png`, fullPage: true })

  const before = await snapshot()
  const forged = await page.request.post('/settings/inventory', {
    headers: { 'Next-Action': serverActionId('retireServiceAction', ACTIONS), Accept: 'text/x-component' },
    multipart: Object.fromEntries(actionBody({ serviceName: 'auth-service', retired: 'true' }).entries()) as Record<string, string>,
  })
  expect(forged.status()).toBe(403)
  const api = await page.request.post('/api/v1/inventory/import', { data: { content: 'name\nsneaky-service\n' } })
  expect(api.status()).toBe(403)
  expect(await snapshot()).toEqual(before)
})
