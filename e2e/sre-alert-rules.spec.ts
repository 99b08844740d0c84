// The SRE's alerting journey (issue 12): a new rule for the demo's slow operation, its backtest showing
// the slow episode as would-have-fired intervals before it is saved, saved, then firing on live data at
// the worker's next pass, listed on /alerts and in Prometheus' JSON; the demo receiver (a real HTTP
// endpoint, speaking Alertmanager's webhook format) gets the notification; the alert is silenced from its
// row; the rule is edited so the condition no longer holds, and the resolved notification arrives.
// An engineer saving a rule is refused by the server.
import { expect, test, type Page } from '@playwright/test'
import { notificationsResponseSchema, type ReceivedNotification } from '../demo/receiver/schemas'
import { actionBody, serverActionId } from './fixtures/server-actions'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const RECEIVER_URL = process.env.E2E_RECEIVER_URL ?? 'http://127.0.0.1:9197'

/** What the demo receiver was sent about `alertname` with this status, by asking it (GET /api/notifications). */
async function receivedAbout(alertname: string, status: 'firing' | 'resolved'): Promise<ReceivedNotification[]> {
  const response = await fetch(`${RECEIVER_URL}/api/notifications`)
  const { notifications } = notificationsResponseSchema.parse(await response.json())
  return notifications.filter(
    ({ payload }) =>
      payload.status === status && payload.alerts.some((alert) => alert.labels.alertname === alertname && alert.status === status),
  )
}

async function shot(page: Page, name: string, theme: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/sre-alert-rules-${name}-${theme}.png`, fullPage: true })
}

for (const theme of ['light', 'dark'] as const) {
  test(`admin: new rule → backtest → save → it fires on live data (${theme})`, async ({ page }, testInfo) => {
    test.setTimeout(720_000)
    await signIn(page, 'admin')
    await page.getByRole('radio', { name: `${theme === 'light' ? 'Light' : 'Dark'} theme` }).click()
    // A retry gets a name of its own: the first attempt's rule may already be saved.
    const name = `TransactionsSlow${theme === 'light' ? 'Light' : 'Dark'}${testInfo.retry ? `Retry${testInfo.retry}` : ''}`

    await page.goto('/alerts')
    await page
      .getByRole('link', { name: /New rule|Write the first rule/ })
      .first()
      .click()
    await expect(page).toHaveURL(/\/alerts\/rules\/new$/)
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByLabel('Kind', { exact: true }).selectOption('latency_threshold')
    // Two rules on the same signal, series and severity would raise the same alerts: the editor refuses that.
    await page.getByLabel('Percentile').selectOption(theme === 'light' ? 'p95' : 'p99')
    // The lookup takes ≈ 5 ms normally and 40–90 ms since it turned slow: 25 ms holds throughout the episode.
    await page.getByLabel('Above (ms)').fill('25')
    await page.getByLabel('Service', { exact: true }).fill('transactions-service')
    await page.getByLabel('Operations').fill('SELECT transactions')
    await page.getByLabel('Span kind').selectOption('')
    await page.getByLabel('For', { exact: true }).fill('0s')
    await page.getByLabel('Minimum spans').fill('1')
    await page.getByLabel('Channels').fill('demo-receiver')

    // The backtest replays the draft over the last 24 h: the operation has been slow for 3 hours.
    const summary = page.getByText(/^Would have fired \d+ times? for/)
    await expect(summary).toBeVisible({ timeout: 60_000 })
    await expect(page.getByRole('img', { name: /^transactions-service: would have fired \d+ times?/ })).toBeVisible()
    await shot(page, 'backtest', theme)

    // A field error is shown beside its field, by the same schema the server saves with.
    await page.getByLabel('Window').fill('5 minutes')
    await expect(page.getByText('expected a duration such as 30s, 5m or 1h30m', { exact: true })).toBeVisible()
    await page.getByLabel('Window').fill('5m')

    await page.getByRole('button', { name: 'Create rule' }).click()
    await expect(page).toHaveURL(/\/alerts\/rules\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { name })).toBeVisible()

    // The worker evaluates it at its next pass (every minute): for: 0s fires at once.
    await expect(async () => {
      await page.goto('/alerts')
      await expect(page.getByRole('table', { name: 'Firing and pending alerts' }).getByRole('link', { name, exact: true })).toBeVisible()
    }).toPass({ timeout: 180_000, intervals: [10_000] })
    await expect(page.getByRole('table', { name: 'Alert rules' }).getByRole('link', { name, exact: true })).toBeVisible()
    await shot(page, 'firing', theme)

    const rules = (await (await page.request.get('/api/v1/rules')).json()) as {
      status: string
      data: { groups: { rules: { name: string; state: string; alerts: { state: string; value: string }[] }[] }[] }
    }
    expect(rules.status).toBe('success')
    const rule = rules.data.groups[0]!.rules.find((candidate) => candidate.name === name)!
    expect(rule.state).toBe('firing')
    expect(rule.alerts[0]!.value).toMatch(/^\d(\.\d+)?e[+-]\d\d$/)

    await page.getByRole('table', { name: 'Alert rules' }).getByRole('link', { name, exact: true }).click()
    await expect(page.getByRole('table', { name: `State history of ${name}` })).toContainText('firing')
    const ruleUrl = page.url()
    // The rule's page replays it too, with what it recorded as a strip on the same chart.
    await expect(page.getByRole('img', { name: /^transactions-service: would have fired \d+ times?.*; recorded: / })).toBeVisible({
      timeout: 60_000,
    })
    await shot(page, 'rule', theme)

    // The channel demo-receiver (created by the demo's job through the API) posts Alertmanager's webhook to the receiver.
    await expect(async () => expect(await receivedAbout(name, 'firing')).not.toHaveLength(0)).toPass({
      timeout: 180_000,
      intervals: [5_000],
    })
    const [firing] = await receivedAbout(name, 'firing')
    expect(firing!.payload).toMatchObject({ version: '4', receiver: 'demo-receiver', groupLabels: { alertname: name } })
    expect(firing!.payload.alerts[0]!.labels).toMatchObject({
      alertname: name,
      service: 'transactions-service',
      operation: 'SELECT transactions',
    })
    await page.emulateMedia({ colorScheme: theme })
    await page.goto(RECEIVER_URL)
    await expect(page.getByText(name).first()).toBeVisible()
    await shot(page, 'receiver-firing', theme)

    // The channel's delivery log shows it, and "Send test" reaches the receiver too.
    await page.goto('/alerts/channels')
    await page.getByRole('table', { name: 'Notification channels' }).getByRole('link', { name: 'demo-receiver' }).click()
    await expect(page.getByRole('table', { name: 'Deliveries to demo-receiver' })).toContainText('delivered')
    await page.getByRole('button', { name: 'Send test' }).click()
    await expect(page.getByText(/^Delivered: the receiver answered 200 in \d+ ms\.$/)).toBeVisible()
    await shot(page, 'channel', theme)

    // Silence it from its row on /alerts: the form comes filled with the alert's labels.
    await page.goto('/alerts')
    await page.getByRole('link', { name: new RegExp(`^Silence ${name} on transactions-service`) }).click()
    await expect(page).toHaveURL(/\/alerts\/silences\?/)
    await expect(page.getByRole('textbox', { name: 'Matchers' })).toHaveValue(new RegExp(`alertname="${name}"`))
    await page.getByLabel('Comment').fill('Known: the index is being rebuilt (e2e)')
    await page.getByRole('button', { name: 'Create silence' }).click()
    await expect(page.getByRole('table', { name: 'Active and pending silences' })).toContainText(name)
    await shot(page, 'silences', theme)
    await page.goto('/alerts')
    const row = page.getByRole('table', { name: 'Firing and pending alerts' }).getByRole('row').filter({ hasText: name })
    await expect(row.getByRole('link', { name: /^silenced/ })).toBeVisible()

    // The condition stops holding (the threshold raised far above the lookup): the alert resolves, and its
    // resolution is sent though the alert is silenced, so the receiver does not keep it open.
    await page.goto(`${ruleUrl}/edit`)
    await page.getByLabel('Above (ms)').fill('100000')
    await page.getByRole('button', { name: 'Save rule' }).click()
    await expect(page).toHaveURL(ruleUrl)
    await expect(async () => expect(await receivedAbout(name, 'resolved')).not.toHaveLength(0)).toPass({
      timeout: 240_000,
      intervals: [5_000],
    })
    await page.goto(ruleUrl)
    await expect(page.getByRole('table', { name: `State history of ${name}` })).toContainText('resolved')
    await page.emulateMedia({ colorScheme: theme })
    await page.goto(RECEIVER_URL)
    await shot(page, 'receiver-resolved', theme)
  })
}

test('an engineer cannot save a rule: the server action answers 403', async ({ page }) => {
  await signIn(page, 'engineer')
  const rule = { name: 'Sneaky', condition: { kind: 'error_rate', above: 0.5 }, selector: { service: '*' } }
  const response = await page.request.post('/alerts/rules/new', {
    headers: {
      'Next-Action': serverActionId('saveAlertRuleAction', 'app/(dashboard)/alerts/rules/new/actions.ts'),
      Accept: 'text/x-component',
    },
    multipart: Object.fromEntries(actionBody({ id: '', rule: JSON.stringify(rule) }).entries()) as Record<string, string>,
  })
  expect(response.status()).toBe(403)
  const rules = (await (await page.request.get('/api/v1/rules')).json()) as { data: { groups: { rules: { name: string }[] }[] } }
  expect(rules.data.groups.flatMap((group) => group.rules).map((candidate) => candidate.name)).not.toContain('Sneaky')
  await page.goto('/alerts')
  await expect(page.getByRole('link', { name: 'New rule' })).toHaveCount(0)
})
