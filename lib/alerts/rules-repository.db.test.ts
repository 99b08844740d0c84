// Rules as stored: saved with an audit row, read back through their schema (a damaged row is listed
// as unreadable), and imported from a YAML file all or nothing, matched by name.
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { importAlertRules, listAlertRules, saveAlertRule } = await import('./rules-repository')
const { parseRulesYaml } = await import('./rules-yaml')

const DEMO_RULES = readFileSync('fixtures/alert-rules/demo-rules.yaml', 'utf8')

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE alert_rules, audit_log CASCADE')
})

const parsedDemo = () => {
  const parsed = parseRulesYaml(DEMO_RULES)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.rules
}

describe('alert rules', () => {
  test('a saved rule comes back as saved, its version counting edits, each save audited', async () => {
    const input = {
      name: 'PaymentsErrors',
      condition: { kind: 'error_rate', above: 0.05 },
      selector: { service: 'payment-gateway' },
    } as const
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
})
