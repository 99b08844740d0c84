// Our own fuzz suite, against the real app and Postgres: for every route handler method (read from
// the code, e2e/fixtures/app-routes.ts), 200 generated requests of malformed path segments, query
// values, bodies and content types; for every server action, 200 posts of generated form fields.
// Nothing may answer 5xx, every 400 of ours names its field, and a rejected request writes no row.
// Figures (cases, statuses) are printed and kept in test-results/fuzz-figures.json.
import fs from 'node:fs'
import fc from 'fast-check'
import pg from 'pg'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { apiSession, BASE_URL } from './fixtures/api-session'
import { ROUTE_HANDLERS, SERVER_ACTIONS } from './fixtures/app-routes'
import { body, contentType, formFields, origin, pathSegment, queryString } from './fixtures/fuzz-inputs'
import { actionBody, serverActionId } from './fixtures/server-actions'

const CASES = 200
const SEED = Number(process.env.FUZZ_SEED ?? 20261206)
const OURS = new URL(BASE_URL).origin
/** Tables the app's requests write; the worker's own tables (rollups, services it discovers) are left out. */
const WRITTEN_BY_REQUESTS = [
  'users',
  'audit_log',
  'user_sessions',
  'targets',
  'incidents',
  'webhook_deliveries',
  'api_tokens',
  'overhead_measurements',
  'alert_rules',
  'silences',
  'notification_channels',
]

const VALID_PARAMS: Record<string, string[]> = {
  service: ['transactions-service', 'auth-service'],
  operation: ['GET /v1/transactions', 'SELECT transactions'],
  id: ['00000000-0000-4000-8000-000000000000'],
  traceId: ['4bf92f3577b34da6a3ce929d0e0e4736'],
  // next-auth's own endpoints that take no credentials (guessing passwords would spend the sign-in budgets other specs need)
  nextauth: ['session', 'csrf', 'providers', 'error'],
}

type Figures = { target: string; cases: number; statuses: Record<string, number>; seconds: number }
const figures: Figures[] = []

let database: pg.Client
async function rowCounts(): Promise<string> {
  const counts = await Promise.all(
    WRITTEN_BY_REQUESTS.map(async (table) => (await database.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number),
  )
  return counts.join(',')
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  database = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await database.connect()
})
test.afterAll(async () => {
  await database?.end()
  fs.mkdirSync('test-results', { recursive: true })
  fs.writeFileSync('test-results/fuzz-figures.json', JSON.stringify(figures, null, 2))
  const total = figures.reduce((sum, f) => sum + f.cases, 0)
  const statuses: Record<string, number> = {}
  for (const f of figures) for (const [status, n] of Object.entries(f.statuses)) statuses[status] = (statuses[status] ?? 0) + n
  console.log(`fuzz: ${total} requests over ${figures.length} targets (seed ${SEED}); statuses ${JSON.stringify(statuses)}`)
  for (const f of figures)
    console.log(`  ${f.target.padEnd(80)} ${String(f.cases).padStart(4)}  ${JSON.stringify(f.statuses)}  ${f.seconds.toFixed(1)} s`)
})

function record(target: string, statuses: number[], started: number) {
  const counted: Record<string, number> = {}
  for (const status of statuses) counted[status] = (counted[status] ?? 0) + 1
  figures.push({ target, cases: statuses.length, statuses: counted, seconds: (performance.now() - started) / 1000 })
}

for (const route of ROUTE_HANDLERS) {
  test(`fuzz ${route.key}`, async () => {
    test.setTimeout(120_000)
    const admin: APIRequestContext = await apiSession('admin')
    const anonymous: APIRequestContext = await apiSession(null)
    const ours = !route.pattern.startsWith('/api/auth/')
    const write = route.method !== 'GET'
    const segments = Object.fromEntries(route.params.map((name) => [name, pathSegment(VALID_PARAMS[name] ?? ['x'])]))
    const cases = fc.sample(
      fc.record({
        params: fc.record(segments),
        query: queryString,
        body,
        contentType,
        origin: origin(OURS),
        anonymous: fc.nat({ max: 9 }).map((n) => n === 0),
      }),
      { numRuns: CASES, seed: SEED },
    )
    const started = performance.now()
    const statuses: number[] = []
    const problems: string[] = []
    for (const input of cases) {
      const path = route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => input.params[name] as string)
      const url = `${path}${input.query ? `?${input.query}` : ''}`
      const before = write ? await rowCounts() : ''
      const response = await (input.anonymous ? anonymous : admin).fetch(url, {
        method: route.method,
        maxRedirects: 0,
        failOnStatusCode: false,
        ...(write ? { data: input.body, headers: { 'content-type': input.contentType, origin: input.origin } } : {}),
      })
      const status = response.status()
      statuses.push(status)
      const describe = () => `${route.method} ${url.slice(0, 200)} → ${status}`
      if (status >= 500) problems.push(`${describe()}: ${(await response.text()).slice(0, 200)}`)
      if (ours && status === 400) {
        const answer = (await response.json().catch(() => null)) as { issues?: { path?: unknown }[] } | null
        const named = answer?.issues?.length && answer.issues.every((issue) => typeof issue.path === 'string' && issue.path.length > 0)
        if (!named) problems.push(`${describe()}: a 400 that names no field: ${JSON.stringify(answer).slice(0, 200)}`)
      }
      if (write && status >= 400 && (await rowCounts()) !== before) problems.push(`${describe()}: rejected, yet rows were written`)
    }
    record(route.key, statuses, started)
    await Promise.all([admin.dispose(), anonymous.dispose()])
    expect(problems).toEqual([])
  })
}

const VALID_FIELDS: Record<string, string[]> = {
  userId: ['00000000-0000-4000-8000-000000000000', 'not-a-uuid'],
  role: ['engineer', 'manager', 'admin', 'root'],
  email: ['fuzz@spanlens.demo', 'not an email'],
  name: ['Fuzz'],
  password: ['a long enough password', 'short'],
  disabled: ['true', 'false', 'maybe'],
  sessionId: ['AAAAAAAAAAAAAAAAAAAAAA', 'x'],
  currentPassword: ['not the password'],
  newPassword: ['another long password'],
  confirmPassword: ['another long password'],
  // Not transactions-service: the engineer journey judges that one on its default window.
  service: ['user-profile-service', 'no-such-service'],
  days: ['3', '0', '36', '-1', '1.5', 'x'],
  // Never 'everywhere': that would sign this very session out and end the suite's admin session.
  confirm: ['yes', ''],
  services: ['checkout-service', 'API Service', ''],
  startedAt: ['2026-03-01T09:30', '2026-03-01T09:30:00Z', 'yesterday'],
  resolvedAt: ['2026-03-01T10:30', '2026-02-01T10:30'],
  tracesUsed: ['yes', 'no', 'maybe'],
  traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736', '0000000000000000'],
}

for (const action of SERVER_ACTIONS) {
  test(`fuzz ${action.key}`, async () => {
    test.setTimeout(120_000)
    const admin = await apiSession('admin')
    const id = serverActionId(action.exportedName, action.file)
    const page = action.pagePattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) =>
      encodeURIComponent(VALID_PARAMS[name]?.[0] ?? 'x'),
    )
    const cases = fc.sample(formFields(VALID_FIELDS), { numRuns: CASES, seed: SEED })
    const started = performance.now()
    const statuses: number[] = []
    const problems: string[] = []
    for (const fields of cases) {
      const before = await rowCounts()
      const response = await admin.post(page, {
        maxRedirects: 0,
        failOnStatusCode: false,
        headers: { 'Next-Action': id, Accept: 'text/x-component', origin: OURS },
        multipart: Object.fromEntries(actionBody(fields).entries()) as Record<string, string>,
      })
      const status = response.status()
      statuses.push(status)
      const text = await response.text()
      const describe = () => `${action.exportedName}(${JSON.stringify(fields).slice(0, 200)}) → ${status}`
      if (status >= 500) problems.push(`${describe()}: ${text.slice(0, 200)}`)
      const rejected = text.includes('"fieldErrors"') || text.includes('"error"') || status >= 400
      if (text.includes('"fieldErrors"') && !/"fieldErrors":\{"[^"]+":\[/.test(text))
        problems.push(`${describe()}: field errors that name no field: ${text.slice(0, 300)}`)
      if (rejected && (await rowCounts()) !== before) problems.push(`${describe()}: rejected, yet rows were written`)
    }
    record(action.key, statuses, started)
    await admin.dispose()
    expect(problems).toEqual([])
  })
}
