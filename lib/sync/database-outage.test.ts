import { expect, test } from 'vitest'
import { DatabaseOutage } from './database-outage'

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })

function outageWithLog() {
  const lines: string[] = []
  let nowMs = 1_000
  const outage = new DatabaseOutage(
    {
      info: (details, message) => lines.push(`info ${message} ${JSON.stringify(details)}`),
      warn: (details, message) => lines.push(`warn ${message} ${JSON.stringify(details)}`),
    },
    () => nowMs,
  )
  return { outage, lines, advance: (ms: number) => (nowMs += ms) }
}

test('an outage is logged once when it starts and once when it ends, however many failures lie between', () => {
  const { outage, lines, advance } = outageWithLog()
  outage.reached()
  expect(outage.failed(refused)).toBe(true)
  advance(500)
  expect(outage.failed(refused)).toBe(true)
  advance(1_500)
  outage.reached()
  outage.reached()
  expect(lines).toEqual([
    'warn database unreachable; the worker keeps retrying until it answers {"error":"connect ECONNREFUSED 127.0.0.1:5432"}',
    'info database reachable again {"outageMs":2000}',
  ])
})

test("Prisma's call site and code frame stay out of the log line", () => {
  const { outage, lines } = outageWithLog()
  const prismaError = Object.assign(
    new Error(
      "\nInvalid `db.service.findMany()` invocation in\n/app/lib/sync/sync-state-repository.ts:24:43\n\n→ 24   await db.service.findMany(\nCan't reach database server at 127.0.0.1:5432",
    ),
    { code: 'P1001' },
  )
  outage.failed(prismaError)
  expect(lines).toEqual([
    'warn database unreachable; the worker keeps retrying until it answers {"error":"Can\'t reach database server at 127.0.0.1:5432"}',
  ])
})

test('a second outage is logged again', () => {
  const { outage, lines } = outageWithLog()
  for (let i = 0; i < 2; i++) {
    outage.failed(refused)
    outage.reached()
  }
  expect(lines).toHaveLength(4)
})

test('other failures are left to the caller and do not start an outage', () => {
  const { outage, lines } = outageWithLog()
  expect(outage.failed(new Error('duplicate key value violates unique constraint'))).toBe(false)
  outage.reached()
  expect(lines).toEqual([])
})
