// Rules as stored: saved with an audit row, read back through their schema (a damaged row is listed
// as unreadable), replaced only at the version read when one is given, deleted with their alerts and
// history, and imported from a YAML file all or nothing, matched by name.
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { deleteAlertRule, getAlertRule, importAlertRules, listAlertRules, saveAlertRule } = await import('./rules-repository')
const { NotFoundError } = await import('@/lib/errors')
const { parseRulesYaml } = await import('./rules-yaml')

const DEMO_RULES = readFileSync('fixtures/alert-rules/demo-rules.yaml', 'utf8')

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE alert_rules, audit_log CASCADE')
})

const PAYMENTS_ERRORS = {
  name: 'PaymentsErrors',
  condition: { kind: 'error_rate', above: 0.05 },
  selector: { service: 'payment-gateway' },
} as const

/** What a save or delete was refused with: the error's class and the fields it names. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: Error & { issues?: { path: string }[] }) => ({ kind: error.name, paths: (error.issues ?? []).map((issue) => issue.path) }),
  )

async function untilASessionWaitsOnALock() {
  for (let attempt = 0; attempt < 250; attempt++) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
    if (row!.waiting > 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('no session waited on a lock within 5 s')
}

const parsedDemo = () => {
  const parsed = parseRulesYaml(DEMO_RULES)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.rules
}

describe('alert rules', () => {
  test('a saved rule comes back as saved, its version counting edits, each save audited', async () => {
    const input = PAYMENTS_ERRORS
    const created = await saveAlertRule(input, { by: null })
    const edited = await saveAlertRule({ ...input, severity: 'critical' }, { id: created.id, by: null })
    expect(edited).toMatchObject({ id: created.id, version: 2, severity: 'critical' })
    expect((await listAlertRules()).rules).toEqual([edited])
    expect(await db.auditLog.count({ where: { action: { startsWith: 'alerts.rule.' } } })).toBe(2)
    await expect(saveAlertRule({ ...input, name: 'paymentserrors' }, { by: null })).rejects.toThrow(/name/)
  })

  test('a damaged row is listed as unreadable, never half-read', async () => {
    await db.alertRule.create({ data: { name: 'Broken', definition: { version: 1, rule: { name: 'Broken' } } } })
    const read = await listAlertRules()
    expect(read.rules).toEqual([])
    expect(read.unreadable.map((rule) => rule.name)).toEqual(['Broken'])
  })

  test('the demo rules file imports; again, nothing changes; an edited rule is replaced by name', async () => {
    const rules = parsedDemo()
    expect(await importAlertRules(rules, { by: null, dryRun: true })).toMatchObject({
      created: rules.map((rule) => rule.name),
      updated: [],
    })
    expect(await db.alertRule.count()).toBe(0)
    await importAlertRules(rules, { by: null })
    expect(await db.alertRule.count()).toBe(rules.length)
    expect(await importAlertRules(rules, { by: null })).toMatchObject({
      created: [],
      updated: [],
      unchanged: rules.map((rule) => rule.name),
    })
    const changed = rules.map((rule, index) => (index === 0 ? { ...rule, for: rule.for + 60 } : rule))
    expect(await importAlertRules(changed, { by: null })).toMatchObject({ created: [], updated: [rules[0]!.name] })
    const stored = await db.alertRule.findFirstOrThrow({ where: { name: rules[0]!.name } })
    expect(stored.version).toBe(2)
  })

  test('a file that clashes with a stored rule imports nothing', async () => {
    const rules = parsedDemo()
    const [first] = rules
    await saveAlertRule({ ...first!, name: 'SameSignalOtherName' }, { by: null })
    await expect(importAlertRules(rules, { by: null })).rejects.toThrow(new RegExp(first!.name))
    expect(await db.alertRule.count()).toBe(1)
  })

  test('a name another rule has (in any case) is a conflict naming `name`, the same signal one naming `selector`; templates are invalid input', async () => {
    await saveAlertRule(PAYMENTS_ERRORS, { by: null })
    expect(await refusal(saveAlertRule({ ...PAYMENTS_ERRORS, name: 'paymentsERRORS', severity: 'critical' }, { by: null }))).toEqual({
      kind: 'ConflictError',
      paths: ['name'],
    })
    expect(await refusal(saveAlertRule({ ...PAYMENTS_ERRORS, name: 'PaymentsErrorsTwin' }, { by: null }))).toEqual({
      kind: 'ConflictError',
      paths: ['selector'],
    })
    expect(
      await refusal(saveAlertRule({ ...PAYMENTS_ERRORS, name: 'Other', annotations: { summary: '{{labels.service' } }, { by: null })),
    ).toEqual({ kind: 'InvalidInputError', paths: ['annotations.summary'] })
    expect(await db.alertRule.count()).toBe(1)
  })

  test('a create racing another of one name (past the checks, caught by the unique index) is a conflict naming `name`', async () => {
    let commit!: () => void
    const racer = db.$transaction(async (tx) => {
      await tx.alertRule.create({ data: { name: PAYMENTS_ERRORS.name, definition: {} } })
      await new Promise<void>((resolve) => (commit = resolve))
    })
    const saving = refusal(saveAlertRule(PAYMENTS_ERRORS, { by: null }))
    await untilASessionWaitsOnALock() // the save's insert, behind the racer's uncommitted row
    commit()
    await racer
    expect(await saving).toEqual({ kind: 'ConflictError', paths: ['name'] })
    expect(await db.alertRule.count()).toBe(1)
  })

  test('a replace at the version read goes up one; at an older version, or when another save won, it is a conflict naming `version`', async () => {
    const created = await saveAlertRule(PAYMENTS_ERRORS, { by: null })
    const edited = await saveAlertRule({ ...PAYMENTS_ERRORS, for: 120 }, { id: created.id, by: null, expectedVersion: 1 })
    expect(edited.version).toBe(2)
    expect(await refusal(saveAlertRule({ ...PAYMENTS_ERRORS, for: 300 }, { id: created.id, by: null, expectedVersion: 1 }))).toEqual({
      kind: 'ConflictError',
      paths: ['version'],
    })
    const both = await Promise.allSettled(
      [180, 240].map((seconds) => saveAlertRule({ ...PAYMENTS_ERRORS, for: seconds }, { id: created.id, by: null, expectedVersion: 2 })),
    )
    expect(both.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(await refusal(Promise.reject(both.find((result) => result.status === 'rejected')!.reason))).toEqual({
      kind: 'ConflictError',
      paths: ['version'],
    })
    expect(await getAlertRule(created.id)).toMatchObject({ version: 3 })
    expect(await refusal(saveAlertRule(PAYMENTS_ERRORS, { id: crypto.randomUUID(), by: null }))).toEqual({
      kind: 'NotFoundError',
      paths: [],
    })
  })

  test('a damaged row can be replaced, which repairs it', async () => {
    const broken = await db.alertRule.create({ data: { name: 'PaymentsErrors', definition: { version: 1, rule: { name: 'x' } } } })
    const repaired = await saveAlertRule(PAYMENTS_ERRORS, { id: broken.id, by: null })
    expect(repaired).toMatchObject({ id: broken.id, version: 2 })
    expect((await listAlertRules()).unreadable).toEqual([])
  })

  test('a delete takes the rule, its alerts and their history, in one audited transaction; others stay', async () => {
    const doomed = await saveAlertRule(PAYMENTS_ERRORS, { by: null })
    const kept = await saveAlertRule({ ...PAYMENTS_ERRORS, name: 'LedgerErrors', selector: { service: 'ledger' } }, { by: null })
    for (const rule of [doomed, kept]) {
      const series = { ruleId: rule.id, fingerprint: `fp-${rule.name}`, service: rule.selector.service, labels: {} }
      await db.alert.create({ data: { ...series, annotations: {}, state: 'firing', value: 0.2, activeAt: new Date() } })
      await db.alertEvent.createMany({
        data: [
          { ...series, fromState: 'new', toState: 'pending', at: new Date(), value: 0.2 },
          { ...series, fromState: 'pending', toState: 'firing', at: new Date(), value: 0.2 },
        ],
      })
    }
    expect(await deleteAlertRule(doomed.id, { by: null, token: { name: 'ci', prefix: 'spl_abcdefgh' } })).toEqual({
      id: doomed.id,
      name: 'PaymentsErrors',
    })
    expect(await db.alertRule.findMany({ select: { id: true } })).toEqual([{ id: kept.id }])
    expect(await db.alert.findMany({ select: { ruleId: true } })).toEqual([{ ruleId: kept.id }])
    expect(await db.alertEvent.groupBy({ by: ['ruleId'], _count: true })).toEqual([{ ruleId: kept.id, _count: 2 }])
    expect(await db.auditLog.findFirst({ where: { action: 'alerts.rule.delete' } })).toMatchObject({
      subjectType: 'alert_rule',
      subjectId: doomed.id,
      details: { name: 'PaymentsErrors', version: 1, alerts: 1, events: 2, token: 'ci (spl_abcdefgh…)' },
    })
    await expect(deleteAlertRule(doomed.id, { by: null })).rejects.toBeInstanceOf(NotFoundError)
    await expect(getAlertRule(doomed.id)).rejects.toBeInstanceOf(NotFoundError)
    // The name is free again.
    expect(await saveAlertRule(PAYMENTS_ERRORS, { by: null })).toMatchObject({ version: 1 })
  })

  test('two deletes at once: one deletes, the other finds nothing, one audit entry', async () => {
    const rule = await saveAlertRule(PAYMENTS_ERRORS, { by: null })
    const results = await Promise.allSettled([deleteAlertRule(rule.id, { by: null }), deleteAlertRule(rule.id, { by: null })])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(results.find((result) => result.status === 'rejected')!.reason).toBeInstanceOf(NotFoundError)
    expect(await db.auditLog.count({ where: { action: 'alerts.rule.delete' } })).toBe(1)
  })
})
