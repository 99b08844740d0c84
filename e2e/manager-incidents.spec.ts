// The debugging-time evidence, fed the ways a real team wires it: PagerDuty's signed v3 webhook
// (triggered, then resolved; a replay and a forged signature change nothing), a CSV import that is all
// or nothing, and an engineer recording an incident by hand. Screenshots of /incidents, light and dark.
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { apiSession } from './fixtures/api-session'
import { settled } from './fixtures/settled'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const PAGERDUTY_SECRET = process.env.E2E_PAGERDUTY_WEBHOOK_SECRET ?? ''
const run = Date.now().toString(36).toUpperCase()
const HOUR = 3_600_000

/** Zulip's recorded incident.triggered delivery (fixtures/formats/pagerduty), as another incident of ours. */
function pagerDutyDelivery(
  eventType: 'incident.triggered' | 'incident.resolved',
  { incidentId, occurredAt }: { incidentId: string; occurredAt: Date },
) {
  const body = JSON.parse(fs.readFileSync(path.resolve('fixtures/formats/pagerduty/triggered_v3.json'), 'utf8'))
  body.event.id = `${incidentId}-${eventType}`
  body.event.event_type = eventType
  body.event.occurred_at = occurredAt.toISOString()
  body.event.data.id = incidentId
  body.event.data.status = eventType === 'incident.resolved' ? 'resolved' : 'triggered'
  // PagerDuty's display name for our auth-service: matched to the inventory ignoring case and spaces.
  body.event.data.service.summary = 'Auth Service'
  return JSON.stringify(body)
}
const pagerDutySignature = (rawBody: string, secret = PAGERDUTY_SECRET) =>
  `v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
const postPagerDuty = (api: APIRequestContext, rawBody: string, signature: string) =>
  api.post('/api/v1/webhooks/pagerduty', {
    data: rawBody,
    headers: { 'content-type': 'application/json', 'x-pagerduty-signature': signature },
  })

/** A history to compare: slow incidents over the last three weeks, quick ones in the last day. */
function historyCsv(): string {
  const now = Date.now()
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
  const lines = ['external_id,services,started_at,resolved_at,traces_used,trace_ids']
  for (let index = 0; index < 8; index++) {
    const start = now - (4 + index * 2) * 24 * HOUR
    lines.push(`HIST-${run}-B${index},transactions-service;auth-service,${at(start)},${at(start + (2 + (index % 4)) * HOUR)},no,`)
  }
  for (let index = 0; index < 7; index++) {
    const start = now - (20 - index * 2) * HOUR
    lines.push(
      `HIST-${run}-A${index},transactions-service,${at(start)},${at(start + (20 + index * 8) * 60_000)},yes,4bf92f3577b34da6a3ce929d0e07${String(index).padStart(4, '0')}`,
    )
  }
  return lines.join('\n')
}

test.describe('manager: incidents and debugging time', () => {
  test.describe.configure({ mode: 'serial' })

  test('a signed PagerDuty incident, triggered then resolved, appears with its time to resolve; replays and forgeries change nothing', async ({
    page,
  }) => {
    expect(PAGERDUTY_SECRET, 'the e2e stack passes E2E_PAGERDUTY_WEBHOOK_SECRET').not.toBe('')
    const pagerDuty = await apiSession(null)
    const incidentId = `PE2E${run}`
    const triggeredAt = new Date(Date.now() - 3 * HOUR)
    const triggered = pagerDutyDelivery('incident.triggered', { incidentId, occurredAt: triggeredAt })
    const resolved = pagerDutyDelivery('incident.resolved', { incidentId, occurredAt: new Date(triggeredAt.getTime() + 95 * 60_000) })

    const forged = await postPagerDuty(pagerDuty, triggered, pagerDutySignature(triggered, 'not-the-secret-at-all'))
    expect(forged.status()).toBe(401)
    expect((await postPagerDuty(pagerDuty, triggered, '')).status()).toBe(401)

    const first = await postPagerDuty(pagerDuty, triggered, pagerDutySignature(triggered))
    expect(first.status(), await first.text()).toBe(202)
    expect((await postPagerDuty(pagerDuty, resolved, pagerDutySignature(resolved))).status()).toBe(202)
    const replay = await postPagerDuty(pagerDuty, resolved, pagerDutySignature(resolved))
    expect(replay.status()).toBe(200)
    expect(await replay.json()).toMatchObject({ status: 'replay' })

    const badBody = JSON.stringify({
      event: { id: 'x', event_type: 'incident.triggered', resource_type: 'incident', occurred_at: 'soon', data: {} },
    })
    const invalid = await postPagerDuty(pagerDuty, badBody, pagerDutySignature(badBody))
    expect(invalid.status()).toBe(400)
    expect(await invalid.json()).toMatchObject({
      error: 'invalid_input',
      issues: expect.arrayContaining([{ path: 'event.occurred_at', message: expect.any(String) }]),
    })
    await pagerDuty.dispose()

    await signIn(page, 'manager', { landOn: '/incidents' })
    await settled(page)
    const row = page.getByTestId(`incident-pagerduty-${incidentId}`)
    await expect(row).toContainText('auth-service')
    await expect(row).toContainText('1 h 35 min')
    await expect(row.getByRole('link', { name: incidentId })).toHaveAttribute('href', /pagerduty\.com\/incidents\//)
  })

  test('a CSV with a bad line shows the line and imports nothing; the corrected file imports', async ({ page }) => {
    await signIn(page, 'manager', { landOn: '/incidents' })
    const good = historyCsv()
    const broken = good.replace(/\n(HIST-[^,]+-B2,[^,]+,)[^,]+,/, '\n$1next tuesday,')
    await page.getByLabel('CSV file').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) })
    await page.getByRole('button', { name: 'Import CSV' }).click()
    const errors = page.getByTestId('csv-errors')
    await expect(errors).toContainText('Nothing was imported')
    await expect(errors).toContainText('line 4 (started_at)')
    await page.reload()
    await settled(page)
    await expect(page.getByTestId(`incident-csv-HIST-${run}-B0`)).toHaveCount(0)

    await page.getByLabel('CSV file').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page.getByRole('button', { name: 'Import CSV' }).click()
    await expect(page.getByText('Imported: 15 new, 0 updated.')).toBeVisible()
    await page.goto('/incidents?service=transactions-service')
    await settled(page)
    await expect(page.getByTestId(`incident-csv-HIST-${run}-A0`)).toBeVisible()
  })

  test('an engineer records an incident by hand; its trace id opens the trace view', async ({ page }) => {
    await signIn(page, 'engineer', { landOn: '/incidents' })
    const traceId = createHmac('sha256', 'trace').update(run).digest('hex').slice(0, 32)
    const start = new Date(Date.now() - 5 * HOUR).toISOString().slice(0, 16)
    const end = new Date(Date.now() - 4 * HOUR).toISOString().slice(0, 16)
    await page.getByLabel('Services', { exact: true }).fill('Transactions-Service')
    await page.getByLabel('Title').fill(`Checkout latency ${run}`)
    await page.getByLabel('Started (UTC)').fill(start)
    await page.getByLabel('Resolved (UTC)').fill(end)
    await page.getByLabel('Traces used').selectOption('yes')
    await page.getByLabel('Trace ids').fill(traceId)
    await page.getByLabel('External id').fill(`MANUAL-${run}`)
    await page.getByRole('button', { name: 'Record incident' }).click()
    await expect(page.getByText('Recorded the incident on transactions-service.')).toBeVisible()

    await page.reload()
    await settled(page)
    const row = page.getByTestId(`incident-form-MANUAL-${run}`)
    await expect(row).toContainText('transactions-service')
    await expect(row).toContainText('1 h')
    await expect(row.getByRole('link', { name: new RegExp(traceId.slice(0, 12)) })).toHaveAttribute('href', `/traces/${traceId}`)
  })

  test('the form names the field that is wrong', async ({ page }) => {
    await signIn(page, 'engineer', { landOn: '/incidents' })
    await page.getByLabel('Services', { exact: true }).fill('checkout service!')
    await page.getByRole('button', { name: 'Record incident' }).click()
    await expect(page.locator('#incident-services-error')).toContainText('letters, digits')
    await expect(page.locator('#incident-startedAt-error')).toContainText('started or was detected')
  })

  test('/incidents in light and dark', async ({ page }) => {
    await signIn(page, 'admin', { landOn: '/incidents' })
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme })
      await page.goto('/incidents')
      await settled(page)
      const panel = page.getByTestId('debugging-time')
      await expect(panel).toContainText('resolved')
      await expect(page.getByTestId('fleet-comparison')).toContainText(/before: \d+ resolved/)
      await expect(page.getByText('Webhooks', { exact: true })).toBeVisible()
      await page.screenshot({ path: `${SCREENSHOTS}/manager-incidents-${theme}.png`, fullPage: true })
    }
  })
})
