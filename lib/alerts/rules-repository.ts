// Alert rules as stored: the rule (lib/alerts/schemas.ts) as versioned JSON, parsed with its schema on
// every read, so a damaged or older row is reported and skipped, never evaluated half-read.
import { z } from 'zod'
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import { checkAlertRule, checkHandWritable, checkRuleConflicts, checkRuleTemplates } from './check-rule'
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

/** `generated`: only the rules SLOs generated (true), only hand-written ones (false), or both (absent). */
export async function listAlertRules({
  enabledOnly = false,
  generated,
}: { enabledOnly?: boolean; generated?: boolean } = {}): Promise<RuleRead> {
  const rows = await db.alertRule.findMany({
    where: { ...(enabledOnly ? { enabled: true } : {}), ...(generated === undefined ? {} : { sloId: generated ? { not: null } : null }) },
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

/** Who saved: a signed-in user (`by`), or an API token (then `by` is null), named in the audit entry. */
type Actor = { by: string | null; token?: { name: string; prefix: string } | null }

const tokenDetails = (token: Actor['token']) => (token ? { token: `${token.name} (${token.prefix}…)` } : {})

const managedBySlo = () =>
  new ConflictError('this rule is generated from an SLO and changes with it: edit the SLO on /slos', [
    { path: 'condition', message: 'generated from an SLO: edit the SLO' },
  ])

const nameTaken = (name: string) =>
  new ConflictError(`a rule named ${name} already exists`, [{ path: 'name', message: `a rule named ${name} already exists` }])

/**
 * Creates a rule, or replaces rule `id` (its version goes up); audited in the same transaction. Templates
 * that would not render are invalid input; a name or signal another rule has is a ConflictError naming the
 * field. `expectedVersion` (the version the caller read) makes a replace conditional: a ConflictError on
 * `version` when someone saved in between.
 */
export async function saveAlertRule(
  input: AlertRuleInput,
  { id, by, token = null, expectedVersion }: Actor & { id?: string; expectedVersion?: number },
): Promise<StoredAlertRule> {
  const rule = alertRuleInput.parse(input)
  if (id) await checkVersion(db, id, expectedVersion)
  const invalid = [...checkHandWritable(rule), ...checkRuleTemplates(rule)]
  if (invalid.length) throw new InvalidInputError(invalid)
  const conflicts = checkRuleConflicts({ ...rule, id }, (await listAlertRules()).rules)
  if (conflicts.length) throw new ConflictError(conflicts.map((issue) => `${issue.path}: ${issue.message}`).join('; '), conflicts)
  try {
    return await db.$transaction(async (tx) => {
      // Checked again under the unique index: two admins saving one name at once.
      const clash = await tx.alertRule.findFirst({
        where: { name: { equals: rule.name, mode: 'insensitive' }, ...(id ? { NOT: { id } } : {}) },
        select: { id: true },
      })
      if (clash) throw nameTaken(rule.name)
      const data = { name: rule.name, enabled: rule.enabled, definition: toDefinition(rule), updatedById: by }
      let saved: { id: string; version: number }
      if (id) {
        // Guarded on the version read, so two replaces made from one read cannot both win.
        const { count } = await tx.alertRule.updateMany({
          where: { id, ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) },
          data: { ...data, version: { increment: 1 } },
        })
        if (count === 0) await checkVersion(tx, id, expectedVersion)
        saved = await tx.alertRule.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } })
      } else saved = await tx.alertRule.create({ data: { ...data, createdById: by }, select: { id: true, version: true } })
      await saveAuditEntry(tx, by, {
        action: id ? 'alerts.rule.update' : 'alerts.rule.create',
        subjectType: 'alert_rule',
        subjectId: saved.id,
        details: { name: rule.name, version: saved.version, ...tokenDetails(token) },
      })
      return { ...rule, id: saved.id, version: saved.version }
    })
  } catch (error) {
    // The unique index on name, when a concurrent save took it between the check above and the write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw nameTaken(rule.name)
    throw error
  }
}

/** Rule `id` exists (else NotFoundError) and, when `expectedVersion` is given, is at that version (else ConflictError on `version`). */
async function checkVersion(client: Pick<typeof db, 'alertRule'>, id: string, expectedVersion: number | undefined): Promise<void> {
  const row = await client.alertRule.findUnique({ where: { id }, select: { version: true, sloId: true } })
  if (!row) throw new NotFoundError(`no alert rule ${id}`)
  if (row.sloId) throw managedBySlo()
  if (expectedVersion === undefined || row.version === expectedVersion) return
  const message = `the rule is at version ${row.version}, not ${expectedVersion}: someone saved it since you read it; read it again`
  throw new ConflictError(message, [{ path: 'version', message }])
}

/**
 * Deletes rule `id`, its alerts (the foreign key cascades) and their state history; audited in the same
 * transaction. Returns what was deleted.
 */
export async function deleteAlertRule(id: string, { by, token = null }: Actor): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.alertRule.findUnique({
      where: { id },
      select: { name: true, version: true, sloId: true, _count: { select: { alerts: true } } },
    })
    if (!row) throw new NotFoundError(`no alert rule ${id}`)
    if (row.sloId) throw managedBySlo()
    // alert_events (the state history) has no foreign key to alert_rules: nothing cascades to it.
    const events = await tx.alertEvent.deleteMany({ where: { ruleId: id } })
    // deleteMany, not delete: a concurrent delete leaves 0 rows here, a 404 rather than Prisma's P2025.
    const { count } = await tx.alertRule.deleteMany({ where: { id } })
    if (count === 0) throw new NotFoundError(`no alert rule ${id}`)
    await saveAuditEntry(tx, by, {
      action: 'alerts.rule.delete',
      subjectType: 'alert_rule',
      subjectId: id,
      details: { name: row.name, version: row.version, alerts: row._count.alerts, events: events.count, ...tokenDetails(token) },
    })
    return { id, name: row.name }
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
  const managed = rules.flatMap((rule, index) =>
    byName.get(rule.name.toLowerCase())?.condition.kind === 'slo_burn_rate'
      ? [{ path: `rules.${index}.name`, message: `${rule.name}: generated from an SLO; edit the SLO` }]
      : [],
  )
  if (managed.length) throw new InvalidInputError(managed)
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

/**
 * Replaces the burn-rate rules generated from SLO `sloId` (lib/slo/slo-rules.ts) with `rules`, inside the
 * SLO's own save (its audit entry covers them): a rule kept by name keeps its id and alerts, its version
 * going up when it changed; rules no longer generated go with their alerts.
 */
export async function replaceSloRules(tx: Prisma.TransactionClient, sloId: string, rules: readonly AlertRuleInput[], by: string | null) {
  const stored = await tx.alertRule.findMany({ where: { sloId }, select: { id: true, name: true, definition: true } })
  const parsed = rules.map((rule) => alertRuleInput.parse(rule))
  const kept = new Set(parsed.map((rule) => rule.name))
  const gone = stored.filter((row) => !kept.has(row.name)).map((row) => row.id)
  if (gone.length) {
    await tx.alertEvent.deleteMany({ where: { ruleId: { in: gone } } })
    await tx.alertRule.deleteMany({ where: { id: { in: gone } } })
  }
  for (const rule of parsed) {
    const before = stored.find((row) => row.name === rule.name)
    const definition = toDefinition(rule)
    if (!before)
      await tx.alertRule.create({ data: { name: rule.name, enabled: rule.enabled, definition, sloId, createdById: by, updatedById: by } })
    else if (JSON.stringify(before.definition) !== JSON.stringify(definition))
      await tx.alertRule.update({
        where: { id: before.id },
        data: { enabled: rule.enabled, definition, version: { increment: 1 }, updatedById: by },
      })
  }
}
