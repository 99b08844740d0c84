// The RBAC matrix, from the code itself: every route handler method, page and server action the app
// has (e2e/fixtures/app-routes.ts reads them from app/) must have a row in RBAC_MATRIX; the code must
// ask for exactly that permission; and the running app must answer each of anonymous, engineer,
// manager and admin as lib/auth/permissions.ts says. The matrix is printed and kept in test-results/.
import fs from 'node:fs'
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { can } from '../lib/auth/permissions'
import { ROLES, type Role } from '../lib/auth/schemas'
import { apiSession, SAME_ORIGIN } from './fixtures/api-session'
import { PAGES, ROUTE_HANDLERS, SERVER_ACTIONS } from './fixtures/app-routes'
import { fillPattern, RBAC_MATRIX, type Requirement } from './fixtures/rbac-matrix'
import { actionBody, serverActionId } from './fixtures/server-actions'

type Who = Role | 'anonymous'
const WHO: Who[] = ['anonymous', ...ROLES]
const ENTRIES = [...ROUTE_HANDLERS, ...PAGES, ...SERVER_ACTIONS]

/** The permission a piece of source asks for after `anchor`: `permission: 'x'`, `requirePermission('x'`, or 'public'. */
function requirementInSource(source: string, anchor: RegExp): Requirement | null {
  const start = source.search(anchor)
  if (start === -1) return null
  const rest = source.slice(start)
  const match = /permission:\s*(?:'([\w.]+)'|\{\s*public:\s*true)|requirePermission\('([\w.]+)'/.exec(rest)
  if (!match) return null
  return (match[1] ?? match[2] ?? 'public') as Requirement
}

test.describe('RBAC matrix', () => {
  test('every route handler method, page and server action has a row, and none is stale', () => {
    const found = ENTRIES.map((entry) => entry.key).sort()
    expect(
      found.filter((key) => !(key in RBAC_MATRIX)),
      'in the code but not in e2e/fixtures/rbac-matrix.ts',
    ).toEqual([])
    expect(
      Object.keys(RBAC_MATRIX).filter((key) => !found.includes(key)),
      'in the matrix but not in the code',
    ).toEqual([])
  })

  test('the code asks for the permission the matrix gives', () => {
    const mismatches: string[] = []
    for (const entry of ENTRIES) {
      const source = fs.readFileSync(entry.file, 'utf8')
      const expected = RBAC_MATRIX[entry.key]
      let asked: Requirement | null
      if (entry.kind === 'route')
        asked = source.includes('next-auth')
          ? 'public'
          : requirementInSource(source, new RegExp(`export const ${entry.method} = defineRoute`))
      else if (entry.kind === 'action') asked = requirementInSource(source, new RegExp(`export const ${entry.exportedName} = defineAction`))
      else asked = requirementInSource(source, /export default async function/) ?? 'public'
      // A public route in webhook mode is guarded by its signature instead.
      if (entry.kind === 'route' && asked === 'public' && /\bwebhook:\s*\{/.test(source)) asked = 'signature'
      if (asked !== expected) mismatches.push(`${entry.key}: the code asks for ${asked}, the matrix says ${expected}`)
    }
    expect(mismatches).toEqual([])
  })

  test('the running app answers every role as the matrix says', async () => {
    test.setTimeout(120_000)
    const sessions = Object.fromEntries(
      await Promise.all(WHO.map(async (who) => [who, await apiSession(who === 'anonymous' ? null : who)] as const)),
    ) as Record<Who, APIRequestContext>
    const rows: { key: string; requirement: Requirement; statuses: Record<Who, number> }[] = []
    const failures: string[] = []

    for (const entry of ENTRIES) {
      const requirement = RBAC_MATRIX[entry.key]!
      const statuses = {} as Record<Who, number>
      for (const who of WHO) {
        const session = sessions[who]
        let response: APIResponse
        if (entry.kind === 'route') {
          const url = fillPattern(entry.pattern)
          // Writes carry an empty JSON body: allowed callers get a 400 (nothing is written), others 401/403.
          response = await session.fetch(url, {
            method: entry.method,
            maxRedirects: 0,
            ...(entry.method === 'GET' ? {} : { data: {}, headers: SAME_ORIGIN }),
          })
        } else if (entry.kind === 'page') {
          response = await session.get(fillPattern(entry.pattern), { maxRedirects: 0 })
        } else {
          // An empty form: allowed callers get their field errors back (nothing is changed), others 403.
          response = await session.post(fillPattern(entry.pagePattern), {
            maxRedirects: 0,
            headers: { 'Next-Action': serverActionId(entry.exportedName, entry.file), Accept: 'text/x-component', ...SAME_ORIGIN },
            multipart: Object.fromEntries(actionBody({}).entries()) as Record<string, string>,
          })
        }
        const status = response.status()
        statuses[who] = status
        const location = response.headers()['location'] ?? response.headers()['x-action-redirect'] ?? ''
        // A signed webhook takes no session: signed in or not, an unsigned request is refused with 401.
        const signed = requirement === 'signature'
        const allowed = requirement === 'public' || (requirement !== 'signature' && who !== 'anonymous' && can(who, requirement))
        const sentToLogin = [303, 307, 308].includes(status) && location.includes('/login')
        const ok =
          status < 500 &&
          (signed
            ? status === 401
            : allowed
              ? ![401, 403].includes(status) && !sentToLogin
              : who === 'anonymous'
                ? entry.kind === 'route'
                  ? status === 401
                  : sentToLogin
                : status === 403)
        if (!ok)
          failures.push(`${entry.key} as ${who}: ${status}${location ? ` → ${location}` : ''} (${allowed ? 'allowed' : 'not allowed'})`)
      }
      rows.push({ key: entry.key, requirement, statuses })
    }

    const table = [
      `${'entry'.padEnd(78)} ${'needs'.padEnd(16)} ${WHO.map((who) => who.padStart(9)).join(' ')}`,
      ...rows.map(
        (row) => `${row.key.padEnd(78)} ${row.requirement.padEnd(16)} ${WHO.map((who) => String(row.statuses[who]).padStart(9)).join(' ')}`,
      ),
    ].join('\n')
    console.log(`RBAC matrix: ${rows.length} entries × ${WHO.length} callers = ${rows.length * WHO.length} requests\n${table}`)
    fs.mkdirSync('test-results', { recursive: true })
    fs.writeFileSync('test-results/rbac-matrix.json', JSON.stringify(rows, null, 2))
    expect(failures).toEqual([])
  })
})
