// Alert rules as stored: the rule (lib/alerts/schemas.ts) as versioned JSON, parsed with its schema on
// every read, so a damaged or older row is reported and skipped, never evaluated half-read.
import { z } from 'zod'
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import { checkAlertRule } from './check-rule'
import { alertRuleInput, type AlertRule, type AlertRuleInput, type StoredAlertRule } from './schemas'

/** Bump when the stored shape changes meaning; rows of another version are listed as unreadable. */
export const RULE_DEFINITION_VERSION = 1

const storedDefinitionSchema = z.object({ version: z.literal(RULE_DEFINITION_VERSION), rule: alertRuleInput })

type Row = { id: string; version: number; definition: Prisma.JsonValue }

export type RuleRead = { rules: StoredAlertRule[]; unreadable: { id: string; name: string; error: string }[] }

function fromRow(row: Row & { name: string }): StoredAlertRule | { error: string } {
  const parsed = storedDefinitionSchema.safeParse(row.definition)
  if (!parsed.success) return { error: z.prettifyError(parsed.error) }
  return { ...parsed.data.rule, id: row.id, version: row.version }
}

const toDefinition = (rule: AlertRule) => ({ version: RULE_DEFINITION_VERSION, rule }) as unknown as Prisma.InputJsonValue

export async function listAlertRules({ enabledOnly = false }: { enabledOnly?: boolean } = {}): Promise<RuleRead> {
  const rows = await db.alertRule.findMany({
    where: enabledOnly ? { enabled: true } : {},
    select: { id: true, name: true, version: true, definition: true },
    orderBy: { name: 'asc' },
  })
  const read: RuleRead = { rules: [], unreadable: [] }
  for (const row of rows) {
    const rule = fromRow(row)
    if ('error' in rule) read.unreadable.push({ id: row.id, name: row.name, error: rule.error })
    else read.rules.push(rule)
  }
  return read
}

export async function getAlertRule(id: string): Promise<StoredAlertRule> {
  const row = await db.alertRule.findUnique({ where: { id }, select: { id: true, name: true, version: true, definition: true } })
  if (!row) throw new NotFoundError(`no alert rule ${id}`)
  const rule = fromRow(row)
  if ('error' in rule) throw new ConflictError(`alert rule ${row.name} cannot be read: ${rule.error}`)
  return rule
}

/** Creates a rule, or replaces rule `id` (its version goes up); audited in the same transaction. */
export async function saveAlertRule(input: AlertRuleInput, { id, by }: { id?: string; by: string | null }): Promise<StoredAlertRule> {
  const rule = alertRuleInput.parse(input)
  const issues = checkAlertRule({ ...rule, id }, (await listAlertRules()).rules)
  if (issues.length) throw new InvalidInputError(issues)
  return db.$transaction(async (tx) => {
    // Checked again under the unique index: two admins saving one name at once.
    const clash = await tx.alertRule.findFirst({
      where: { name: { equals: rule.name, mode: 'insensitive' }, ...(id ? { NOT: { id } } : {}) },
      select: { id: true },
    })
    if (clash) throw new InvalidInputError([{ path: 'name', message: `a rule named ${rule.name} already exists` }])
    const saved = id
      ? await tx.alertRule.update({
          where: { id },
          data: { name: rule.name, enabled: rule.enabled, definition: toDefinition(rule), version: { increment: 1 }, updatedById: by },
        })
      : await tx.alertRule.create({
          data: { name: rule.name, enabled: rule.enabled, definition: toDefinition(rule), createdById: by, updatedById: by },
        })
    await saveAuditEntry(tx, by, {
      action: id ? 'alerts.rule.update' : 'alerts.rule.create',
      subjectType: 'alert_rule',
      subjectId: saved.id,
      details: { name: rule.name, version: saved.version },
    })
    return { ...rule, id: saved.id, version: saved.version }
  })
}

export type RulesImport = { created: string[]; updated: string[]; unchanged: string[] }

/**
 * Imports rules (a YAML file's, already parsed), all or nothing: a rule named like a stored one replaces
 * it (its version goes up), the rest are created; rules the file leaves out stay. Checked as one set with
 * the stored rules it keeps (templates, clashes); one audit entry.
 */
export async function importAlertRules(
  rules: readonly AlertRule[],
  { by, tokenId = null, dryRun = false }: { by: string | null; tokenId?: string | null; dryRun?: boolean },
): Promise<RulesImport> {
  const { rules: stored } = await listAlertRules()
  const byName = new Map(stored.map((rule) => [rule.name.toLowerCase(), rule]))
  const incoming = rules.map((rule) => ({ ...rule, id: byName.get(rule.name.toLowerCase())?.id }))
  const kept = stored.filter((rule) => !incoming.some((candidate) => candidate.id === rule.id))
  const issues = incoming.flatMap((rule, index) =>
    checkAlertRule(rule, [
      ...kept,
      ...incoming.slice(0, index).map((other) => ({ ...other, id: other.id ?? `new-${other.name}`, version: 0 })),
    ]).map((issue) => ({ path: `rules.${index}.${issue.path}`, message: `${rule.name}: ${issue.message}` })),
  )
  if (issues.length) throw new InvalidInputError(issues)
  const result: RulesImport = { created: [], updated: [], unchanged: [] }
  for (const rule of incoming) {
    const before = rule.id ? stored.find((candidate) => candidate.id === rule.id) : undefined
    const { id: _id, ...definition } = rule
    if (!before) result.created.push(rule.name)
    else if (JSON.stringify(toDefinition(definition)) === JSON.stringify(toDefinition(withoutStored(before))))
      result.unchanged.push(rule.name)
    else result.updated.push(rule.name)
  }
  if (dryRun) return result
  await db.$transaction(async (tx) => {
    for (const rule of incoming) {
      const { id, ...definition } = rule
      if (result.unchanged.includes(rule.name)) continue
      if (id)
        await tx.alertRule.update({
          where: { id },
          data: {
            name: rule.name,
            enabled: rule.enabled,
            definition: toDefinition(definition),
            version: { increment: 1 },
            updatedById: by,
          },
        })
      else
        await tx.alertRule.create({
          data: { name: rule.name, enabled: rule.enabled, definition: toDefinition(definition), createdById: by, updatedById: by },
        })
    }
    await saveAuditEntry(tx, by, {
      action: 'alerts.rule.import',
      subjectType: 'alert_rules',
      subjectId: tokenId ? `token:${tokenId}` : 'file',
      details: { created: result.created, updated: result.updated, unchanged: result.unchanged.length },
    })
  })
  return result
}

const withoutStored = ({ id: _id, version: _version, ...rule }: StoredAlertRule): AlertRule => rule
