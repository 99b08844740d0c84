// The latency pages at scale: 23 services × 40 operations with 30 days of rollups (as the worker
// leaves them: days, hours, the last hour in minutes). Server time of the service and operation
// pages' reads for the 30-day range, with the share spent waiting on Postgres; the same pages
// served over HTTP by the production build; and the service page's first contentful paint in
// Chromium. References measured in the same run: the same reads for the last hour, and the
// login page's paint (the framework's floor).
import crypto from 'node:crypto'
import pg from 'pg'
import type { BenchContext, BenchReport, Figure } from './figures'
import { seedRollupFleet } from './rollup-fleet'
import { DatabaseClock, median } from './timing'
import { buildAppIfStale, NEXT_CLI } from '../stack/app-build'
import { CHROMIUM, ensureChromium } from '../stack/chromium'
import { startProcess, waitForHttp } from '../stack/processes'

const OPERATIONS = 40
const DAYS = 30
const RUNS = 15
const PAINTS = 9
const APP_PORT = 3_119
const TARGET_MS = 150
const TARGET_PAINT_MS = 1000

export async function benchLatencyPages({ databaseUrl }: BenchContext): Promise<BenchReport> {
  const { db } = await import('@/lib/db/client')
  // The shared bench database, cleared of what earlier benches left (users and targets stay).
  await db.$executeRawUnsafe(
    'TRUNCATE services, span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, latency_health, service_dependencies, sync_windows CASCADE',
  )
  const { seedDemoUsers, seedInventory } = await import('../../prisma/seed')
  const { buildCatalog } = await import('../../demo/catalog')
  const { LatencyHealthJudge } = await import('@/lib/latency/latency-health-judge')
  const { getOperationView, getServiceView, listServicesView } = await import('@/lib/latency/repository')
  const now = new Date()
  const catalog = buildCatalog(now)
  const services = catalog.map((entry) => entry.name)
  const target = services.includes('transactions-service') ? 'transactions-service' : services[0]!
  await seedDemoUsers()
  await seedInventory(catalog)

  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const seedStarted = performance.now()
  const fleet = await seedRollupFleet(client, { services, target, operations: OPERATIONS, days: DAYS, now }).finally(() => client.end())
  const seedSeconds = (performance.now() - seedStarted) / 1000

  // The worker's first pass over the fleet: every series read and judged (later passes judge what changed: `npm run bench -- stages`).
  const judgeStarted = performance.now()
  await new LatencyHealthJudge().judgeAndSave(services, { now })
  const judgeMs = performance.now() - judgeStarted
  const flagged = await db.latencyHealth.groupBy({ by: ['state'], _count: true })

  const clock = new DatabaseClock()
  clock.install()
  const month = { range: '30d' as const }
  const hour = { range: '1h' as const }
  let serviceView = await getServiceView(target, month)
  let operationView = await getOperationView(target, fleet.slowOperation, undefined, month)
  const reads = {
    service: await clock.measure(RUNS, async () => (serviceView = await getServiceView(target, month))),
    serviceHour: await clock.measure(RUNS, () => getServiceView(target, hour)),
    operation: await clock.measure(
      RUNS,
      async () => (operationView = await getOperationView(target, fleet.slowOperation, undefined, month)),
    ),
    operationHour: await clock.measure(RUNS, () => getOperationView(target, fleet.slowOperation, undefined, hour)),
    list: await clock.measure(RUNS, () => listServicesView(month)),
  }
  clock.uninstall()

  const browser = await measureInBrowser(databaseUrl, target, fleet.slowOperation)
  /** A 30-day figure held to the page target, beside the same thing for the last hour. */
  const againstHour = (name: string, ms: number, hourMs: number, referenceName: string): Figure => ({
    name,
    value: ms,
    unit: 'ms',
    reference: { name: referenceName, value: hourMs, unit: 'ms' },
    ratio: ms / hourMs,
    target: `≤ ${TARGET_MS} ms`,
    met: ms <= TARGET_MS,
  })
  const read = (name: string, figure: { wallMs: number }, hourFigure: { wallMs: number }) =>
    againstHour(name, figure.wallMs, hourFigure.wallMs, 'the same read, last 1 h')
  const served = (name: string, ms: number, hourMs: number) => againstHour(name, ms, hourMs, 'same page, last 1 h')
  const slowRows = serviceView.operations.filter((row) => row.verdict?.state === 'slow').map((row) => row.operation)
  return {
    title: `Latency pages, 30-day range, ${services.length} services × ${OPERATIONS} operations of rollups`,
    figures: [
      read('service page read (getServiceView, 30 d)', reads.service, reads.serviceHour),
      { name: '  of which waiting on Postgres', value: reads.service.dbShare * 100, unit: '%' },
      read('operation page read (getOperationView, 30 d)', reads.operation, reads.operationHour),
      { name: '  of which waiting on Postgres', value: reads.operation.dbShare * 100, unit: '%' },
      { name: 'services list read (listServicesView, 30 d)', value: reads.list.wallMs, unit: 'ms' },
      { name: '  of which waiting on Postgres', value: reads.list.dbShare * 100, unit: '%' },
      served('service page served (GET, whole HTML, prod)', browser.serviceHtmlMs, browser.serviceHourHtmlMs),
      served('operation page served (GET, whole HTML, prod)', browser.operationHtmlMs, browser.operationHourHtmlMs),
      {
        name: 'service page first contentful paint',
        value: browser.servicePaintMs,
        unit: 'ms',
        reference: { name: 'login page', value: browser.loginPaintMs, unit: 'ms' },
        ratio: browser.servicePaintMs / browser.loginPaintMs,
        target: `≤ ${TARGET_PAINT_MS} ms`,
        met: browser.servicePaintMs <= TARGET_PAINT_MS,
      },
      { name: 'worker judgement, first pass (everything new)', value: judgeMs, unit: 'ms' },
    ],
    notes: [
      `store: ${fleet.spanRows.toLocaleString('en')} span rollup rows and ${fleet.serviceRows.toLocaleString('en')} service rollup rows (${DAYS} days: day, hour and minute resolutions), seeded in ${seedSeconds.toFixed(1)} s; target ${target}, slow operation "${fleet.slowOperation}"`,
      `judged: ${flagged.map((group) => `${group._count} ${group.state.replace(/_/g, ' ')}`).join(', ')} (operations and services' own entry spans)`,
      `service page: ${serviceView.series.length} chart points, ${serviceView.operations.length} operations (flagged slow: ${slowRows.join(', ') || 'none'}); operation page: ${operationView.series.length} points, ${operationView.distribution.bins.length} distribution bins`,
      `reads: median of ${RUNS} warm runs in this process (Postgres on the same machine); Postgres share = time with a query in flight ÷ wall time (parallel queries counted once); the rest is decoding histograms and building the view`,
      `served: median of ${RUNS} GETs with an engineer's session cookie against \`next start\`; paint: median of ${PAINTS} navigations in Chromium (${CHROMIUM}), PerformancePaintTiming; first (cold-cache) paint ${Math.round(browser.firstPaintMs)} ms, time to first byte ${Math.round(browser.serviceTtfbMs)} ms`,
    ],
  }
}

type BrowserFigures = {
  serviceHtmlMs: number
  serviceHourHtmlMs: number
  operationHtmlMs: number
  operationHourHtmlMs: number
  servicePaintMs: number
  serviceTtfbMs: number
  firstPaintMs: number
  loginPaintMs: number
}

async function measureInBrowser(databaseUrl: string, service: string, operation: string): Promise<BrowserFigures> {
  await ensureChromium()
  await buildAppIfStale({ quiet: true })
  const appUrl = `http://127.0.0.1:${APP_PORT}`
  const app = startProcess('app', process.execPath, [NEXT_CLI, 'start', '--port', String(APP_PORT), '--hostname', '127.0.0.1'], {
    quiet: true,
    extraEnv: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      JAEGER_URL: 'http://127.0.0.1:9', // not read by these pages; the worker's probe would be
      LOG_LEVEL: 'warn',
    },
  })
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  try {
    await waitForHttp(`${appUrl}/login`, 60_000, () => app.child.exitCode === null)
    const { DEMO_USERS } = await import('../../prisma/demo-users')
    const engineer = DEMO_USERS.find((user) => user.role === 'engineer')!
    const context = await browser.newContext({ baseURL: appUrl })
    const page = await context.newPage()
    const paint = async (path: string) => {
      await page.goto(path, { waitUntil: 'load' })
      // A warm-cache load can fire before the first paint: wait for the paint entry itself.
      return page.evaluate(
        () =>
          new Promise<{ fcpMs: number; ttfbMs: number }>((resolve) => {
            const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
            new PerformanceObserver((list, observer) => {
              const fcp = list.getEntriesByName('first-contentful-paint')[0]
              if (!fcp) return
              observer.disconnect()
              resolve({ fcpMs: fcp.startTime, ttfbMs: navigation.responseStart })
            }).observe({ type: 'paint', buffered: true })
          }),
      )
    }
    const loginPaints: number[] = []
    for (let i = 0; i < PAINTS; i++) loginPaints.push((await paint('/login')).fcpMs)
    await page.getByLabel('E-mail').fill(engineer.email)
    await page.getByLabel('Password').fill(engineer.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('current-user').waitFor()

    const servicePath = `/services/${encodeURIComponent(service)}`
    const operationPath = `${servicePath}/${encodeURIComponent(operation)}`
    const firstPaintMs = (await paint(`${servicePath}?range=30d`)).fcpMs
    const servicePaints: { fcpMs: number; ttfbMs: number }[] = []
    for (let i = 0; i < PAINTS; i++) servicePaints.push(await paint(`${servicePath}?range=30d`))

    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const html = async (path: string) => {
      const times: number[] = []
      for (let i = 0; i <= RUNS; i++) {
        const started = performance.now()
        const response = await fetch(`${appUrl}${path}`, { headers: { cookie }, redirect: 'manual' })
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
        await response.text()
        if (i > 0) times.push(performance.now() - started)
      }
      return median(times)
    }
    return {
      serviceHtmlMs: await html(`${servicePath}?range=30d`),
      serviceHourHtmlMs: await html(`${servicePath}?range=1h`),
      operationHtmlMs: await html(`${operationPath}?range=30d`),
      operationHourHtmlMs: await html(`${operationPath}?range=1h`),
      servicePaintMs: median(servicePaints.map((p) => p.fcpMs)),
      serviceTtfbMs: median(servicePaints.map((p) => p.ttfbMs)),
      firstPaintMs,
      loginPaintMs: median(loginPaints),
    }
  } finally {
    await browser.close()
    app.child.kill('SIGTERM')
    await app.exited
  }
}
