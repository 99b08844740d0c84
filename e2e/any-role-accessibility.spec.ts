// Every page, as every role may see it, in light and dark: no WCAG 2.1 A/AA violation axe-core can
// find, and no Content-Security-Policy violation (or other console error, or uncaught exception) while
// it loads. One browser context per role, reused across its pages; the theme follows the emulated
// `prefers-color-scheme` (next-themes' default, "system").
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { SLOW_OPERATION } from '../demo/simulator/scenario'
import type { Role } from '../lib/auth/schemas'
import { settled } from './fixtures/settled'
import { SCREENSHOTS, signIn } from './fixtures/sign-in'

const THEMES = ['light', 'dark'] as const
type Theme = (typeof THEMES)[number]

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const SERVICE = SLOW_OPERATION.service
const OPERATION = SLOW_OPERATION.spanName
const OPERATION_PATH = `/services/${SERVICE}/${encodeURIComponent(OPERATION)}`

/** The pages every role may open; the trace and deployment pages are added once their ids are known. */
const DASHBOARD_PAGES = [
  '/',
  '/services',
  `/services/${SERVICE}`,
  OPERATION_PATH,
  '/deployments',
  '/rollout',
  '/alerts',
  '/alerts/channels',
  '/alerts/silences',
  '/slos',
  '/incidents',
  '/settings',
  '/settings/inventory',
  '/settings/targets',
  '/settings/jaeger',
  '/account',
]
const PAGES_OF: Record<Role, string[]> = {
  // An engineer can still land on the audit log by a link: what they get is the forbidden page.
  engineer: [...DASHBOARD_PAGES, '/settings/audit'],
  manager: [...DASHBOARD_PAGES, '/settings/audit'],
  admin: [...DASHBOARD_PAGES, '/settings/audit', '/settings/users', '/alerts/rules/new'],
}

type Problem = { rule: string; impact: string; help: string; target: string; detail: string; where: string }

/** Every page × theme scanned, for the closing summary line. */
const checked: { who: string; path: string; theme: Theme }[] = []

/**
 * Runs axe on what the page shows. `coloursOnly`: just the rules a theme can change (the DOM is the
 * same in both themes, only the colours differ), for the second scan of a page.
 */
async function scan(page: Page, where: string, { coloursOnly = false } = {}): Promise<Problem[]> {
  // Options first: AxeBuilder.options() replaces what withTags() set. Only violations come back:
  // collecting every passing node makes a scan slower.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS)
  if (coloursOnly) builder.withRules(['color-contrast', 'link-in-text-block'])
  // One axe.run in the page. The default runs axe in every frame and merges the results in a blank
  // page it opens for each scan, about twice as slow; our pages have no frames to reach.
  builder.setLegacyMode()
  const results = await builder.analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      target: node.target.map((selector) => (Array.isArray(selector) ? selector.join(' >>> ') : selector)).join(' '),
      // For colour contrast this names both colours and the ratio: what one needs to fix it.
      detail: [...node.any, ...node.all, ...node.none].map((check) => check.message).join('; '),
      where,
    })),
  )
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

const listed = (items: string[], max: number) =>
  items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ')

/** Violations by rule, then by what is wrong (the same colours, the same message): how many elements, a few of them, and where. */
function describeProblems(problems: Problem[]): string {
  const byRule = groupBy(problems, (problem) => problem.rule)
  const lines = [`${problems.length} accessibility violation(s) of ${byRule.size} rule(s):`]
  for (const [rule, found] of byRule) {
    lines.push('', `${rule} (${found[0]!.impact}): ${found[0]!.help}`)
    for (const [detail, same] of groupBy(found, (problem) => problem.detail)) {
      lines.push(`  ${same.length} × ${detail}`)
      lines.push(`      e.g. ${listed([...new Set(same.map((problem) => problem.target))], 3)}`)
      lines.push(`      on ${listed([...new Set(same.map((problem) => problem.where))], 4)}`)
    }
  }
  return lines.join('\n')
}

/**
 * Console errors, CSP reports and uncaught exceptions of a page, tagged with the page they happened
 * on; except those `expected` matches (with the URL they name, if any, appended).
 */
function watchConsole(page: Page, where: () => string, expected: RegExp[]): string[] {
  const messages: string[] = []
  const isCsp = (text: string) => /content security policy|refused to/i.test(text)
  const record = (kind: string, text: string) => {
    if (!expected.some((pattern) => pattern.test(text))) messages.push(`${kind} on ${where()}: ${text}`)
  }
  page.on('console', (message) => {
    const text = `${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`
    if (message.type() === 'error' || isCsp(text)) record(isCsp(text) ? 'CSP' : 'console error', text)
  })
  page.on('pageerror', (error) => record(isCsp(error.message) ? 'CSP' : 'uncaught exception', `${error.name}: ${error.message}`))
  return messages
}

async function showTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`))
}

/**
 * Scans pages for one signed-in person (or none) in one browser page: each page is opened once, light,
 * and scanned with every WCAG 2.1 A/AA rule; then the system theme turns dark (next-themes follows it
 * at once, no reload) and the colour rules run again. Console trouble is collected all along;
 * `expectClean` fails once, listing everything.
 */
function accessibilityAudit(page: Page, who: string, { expectedConsoleErrors = [] }: { expectedConsoleErrors?: RegExp[] } = {}) {
  let where = `${who} signing in`
  const consoleMessages = watchConsole(page, () => where, expectedConsoleErrors)
  const problems: Problem[] = []
  let scans = 0
  const audit = {
    /** What the page shows now, in both themes; `screenshot`: also keep a picture of each, under this name. */
    async scanBothThemes(label: string, { screenshot }: { screenshot?: string } = {}) {
      where = label
      for (const theme of THEMES) {
        await showTheme(page, theme)
        problems.push(...(await scan(page, `${label} (${theme})`, { coloursOnly: theme !== THEMES[0] })))
        checked.push({ who, path: label, theme })
        scans++
        if (!screenshot) continue
        // Once a page has scrolled (the trace view scrolls to its span), only the viewport shows the sticky sidebar where it is.
        const scrolled = await page.evaluate(() => window.scrollY > 0)
        await page.screenshot({ path: `${SCREENSHOTS}/accessibility-${screenshot}-${theme}.png`, fullPage: !scrolled })
      }
    },
    /** `ready`: how to know the page is complete (default: settled). */
    async visit(
      paths: string[],
      {
        expectUrl,
        note,
        screenshots = {},
        ready = settled,
      }: { expectUrl?: RegExp; note?: string; screenshots?: Record<string, string>; ready?: (page: Page) => Promise<void> } = {},
    ) {
      for (const path of paths) {
        where = `${who} ${path}${note ? ` ${note}` : ''}`
        await page.emulateMedia({ colorScheme: 'light' })
        await page.goto(path)
        if (expectUrl) await expect(page).toHaveURL(expectUrl)
        await ready(page)
        await audit.scanBothThemes(where, { screenshot: screenshots[path] })
      }
    },
    expectClean() {
      console.log(
        `${who}: ${scans / THEMES.length} pages × ${THEMES.length} themes scanned: ${problems.length} violations, ${consoleMessages.length} console errors`,
      )
      expect(problems.length, describeProblems(problems)).toBe(0)
      expect(consoleMessages.length, consoleMessages.join('\n')).toBe(0)
    },
  }
  return audit
}

/** A trace of the slow operation, asked of Jaeger through our API (live; needs no synced history). */
async function findTraceId(request: APIRequestContext): Promise<{ traceId: string; spanId: string }> {
  let found: { traceId: string; spanId: string } | undefined
  await expect(async () => {
    const response = await request.get(
      `/api/v1/services/${SERVICE}/operations/${encodeURIComponent(OPERATION)}/slow-traces?range=1h&limit=1`,
    )
    expect(response.status()).toBe(200)
    found = ((await response.json()) as { traces: { traceId: string; spanId: string }[] }).traces[0]
    expect(found).toBeDefined()
  }).toPass({ timeout: 30_000 })
  return found!
}

/** A deployment's page, by the first link of the list: the worker detects the demo's canaries (account-service, audit-log-service) from synced spans. */
async function findDeploymentPath(request: APIRequestContext): Promise<string> {
  let path: string | undefined
  await expect(async () => {
    const response = await request.get('/deployments')
    expect(response.status()).toBe(200)
    path = (await response.text()).match(/href="(\/deployments\/[0-9a-f-]{36})"/)?.[1]
    expect(path).toBeDefined()
  }).toPass({ timeout: 90_000, intervals: [2_000] })
  return path!
}

/** The operation page exists once the worker has synced a window with that operation in it. */
async function waitForOperation(request: APIRequestContext) {
  await expect(async () => {
    expect((await request.get(`/api/v1/services/${SERVICE}/operations/${encodeURIComponent(OPERATION)}/latency?range=1h`)).status()).toBe(
      200,
    )
  }).toPass({ timeout: 60_000, intervals: [2_000] })
}

test.describe('every page, any role, light and dark: no axe violations, no CSP violations', () => {
  test.afterAll(() => {
    const visits = new Set(checked.map(({ path }) => path)).size
    const people = [...new Set(checked.map(({ who }) => who))].join(', ')
    console.log(`accessibility: ${checked.length} scans = ${visits} page views (as ${people}) × ${THEMES.length} themes`)
  })

  test('signed out: the login page, and its error message', async ({ page }) => {
    // A refused sign-in is a 401 from next-auth, which the browser logs as a failed load.
    const audit = accessibilityAudit(page, 'signed out', { expectedConsoleErrors: [/status of 401 .*\/api\/auth\/callback\/credentials/] })
    await audit.visit(['/login'])
    await page.getByLabel('E-mail').fill('nobody.a11y@spanlens.demo')
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('login-error')).toBeVisible()
    await audit.scanBothThemes('signed out /login with a sign-in error')
    audit.expectClean()
  })

  test('a user whose password an admin reset: the choose-a-new-password page', async ({ page, browser }) => {
    const email = `a11y.reset.${Date.now()}@spanlens.demo`
    await signIn(page, 'admin', { landOn: '/settings/users' })
    await page.getByLabel('Name').fill('Ally Reset')
    await page.getByLabel('E-mail', { exact: true }).fill(email)
    await page.getByLabel('Initial password').fill('a long initial password')
    await page.getByRole('button', { name: 'Add user' }).click()
    await expect(page.getByText(`Added ${email} as engineer.`)).toBeVisible()
    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: `Reset password of ${email}` }).click()
    const temporaryPassword = (await page.getByTestId('temporary-password').textContent())!.trim()

    const context = await browser.newContext()
    const resetPage = await context.newPage()
    const audit = accessibilityAudit(resetPage, 'reset user')
    await resetPage.goto('/login')
    await resetPage.getByLabel('E-mail').fill(email)
    await resetPage.getByLabel('Password').fill(temporaryPassword)
    await resetPage.getByRole('button', { name: 'Sign in' }).click()
    await expect(resetPage).toHaveURL(/\/change-password$/)
    await audit.visit(['/change-password'], { expectUrl: /\/change-password$/ })
    await context.close()
    audit.expectClean()
  })

  for (const role of ['engineer', 'manager', 'admin'] as const) {
    test(`${role}: every page they may open`, async ({ page }) => {
      test.setTimeout(180_000)
      // The engineer's visit to the audit log is answered 403 (the forbidden page), which the browser logs.
      const audit = accessibilityAudit(page, role, { expectedConsoleErrors: [/status of 403 .*\/settings\/audit\)$/] })
      await signIn(page, role)
      await waitForOperation(page.request)
      const { traceId, spanId } = await findTraceId(page.request)
      const tracePath = `/traces/${traceId}?span=${spanId}&service=${SERVICE}&operation=${encodeURIComponent(OPERATION)}`
      const deploymentPath = await findDeploymentPath(page.request)
      // Pictures of the pages whose colours this check changed the most, to judge them by eye.
      const screenshots: Record<string, string> =
        role === 'admin'
          ? {
              '/services': 'services',
              [`/services/${SERVICE}`]: 'service',
              '/settings/jaeger': 'settings-jaeger',
              '/settings/users': 'settings-users',
              [tracePath]: 'trace',
              '/deployments': 'deployments',
              [deploymentPath]: 'deployment',
            }
          : {}
      await audit.visit([...PAGES_OF[role], tracePath, deploymentPath], { screenshots })
      if (role === 'engineer') {
        // Where a mistyped link lands. Not `settled`: when the service page streamed its loading
        // skeleton before finding no such service, Next leaves the unrevealed segment behind, hidden.
        await audit.visit(['/services/no-such-service'], {
          ready: (page) => expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible(),
        })
      }
      if (role === 'admin') {
        // On a 1440-px screen the users table fits and is no extra tab stop; on a phone it scrolls
        // sideways, and must then be a named region one can focus (and scroll with the keyboard).
        await page.goto('/settings/users')
        await expect(page.getByRole('table', { name: 'Users' })).toBeVisible()
        await expect(page.getByRole('region', { name: 'Users' })).toHaveCount(0)
        await page.setViewportSize({ width: 390, height: 844 })
        await expect(page.getByRole('region', { name: 'Users' })).toHaveAttribute('tabindex', '0')
        await audit.visit(['/settings/users'], { note: 'on a phone', screenshots: { '/settings/users': 'settings-users-phone' } })
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          'the page itself does not scroll sideways',
        ).toBeLessThanOrEqual(390)
        await audit.visit(['/services'], { note: 'on a phone' })
      }
      audit.expectClean()
    })
  }
})
