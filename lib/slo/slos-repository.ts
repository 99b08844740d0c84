// SLOs as stored: the definition (schemas.ts) as versioned JSON, parsed on every read, so a damaged row is
// reported and skipped. Saving an SLO replaces its generated burn-rate rules in the same transaction,
// and every write (SLO or correction) is audited with it.
import { z } from 'zod'
import { replaceSloRules } from '@/lib/alerts/rules-repository'
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import { sloInput, type Slo, type SloInput, type StoredSlo } from './schemas'
import { sloAlertRules } from './slo-rules'

export const SLO_DEFINITION_VERSION = 1

const storedDefinitionSchema = z.object({ version: z.literal(SLO_DEFINITION_VERSION), slo: sloInput })
const toDefinition = (slo: Slo) => ({ version: SLO_DEFINITION_VERSION, slo }) as unknown as Prisma.InputJsonValue

type Row = { id: string; name: string; version: number; definition: Prisma.JsonValue }
const select = { id: true, name: true, version: true, definition: true } as const

function fromRow(row: Row): StoredSlo | { error: string } {
  const parsed = storedDefinitionSchema.safeParse(row.definition)
  if (!parsed.success) return { error: z.prettifyError(parsed.error) }
  return { ...parsed.data.slo, id: row.id, version: row.version }
}

export type SloRead = { slos: StoredSlo[]; unreadable: { id: string; name: string; error: string }[] }

export async function listSlos(): Promise<SloRead> {
  const rows = await db.slo.findMany({ select, orderBy: { name: 'asc' } })
  const read: SloRead = { slos: [], unreadable: [] }
  for (const row of rows) {
    const slo = fromRow(row)
    if ('error' in slo) read.unreadable.push({ id: row.id, name: row.name, error: slo.error })
    else read.slos.push(slo)
  }
  return read
}

export async function getSlo(id: string): Promise<StoredSlo> {
  const row = await db.slo.findUnique({ where: { id }, select })
  if (!row) throw new NotFoundError(`no SLO ${id}`)
  const slo = fromRow(row)
  if ('error' in slo) throw new ConflictError(`SLO ${row.name} cannot be read: ${slo.error}`)
  return slo
}

export async function findSloByName(name: string): Promise<StoredSlo | null> {
  const row = await db.slo.findUnique({ where: { name }, select: { id: true } })
  return row ? getSlo(row.id) : null
}

/** Who saved: a signed-in user (`by`), or an API token (then `by` is null), named in the audit entry. */
export type Actor = { by: string | null; token?: { name: string; prefix: string } | null }
export const tokenDetails = (token: Actor['token']) => (token ? { token: `${token.name} (${token.prefix}…)` } : {})

/** Problems of an SLO against the others: its composite members must exist and not be composite themselves. */
function checkMembers(slo: Slo, others: readonly StoredSlo[]) {
  if (slo.sli.kind !== 'composite') return []
  return slo.sli.members.flatMap((member, index) => {
    const found = others.find((other) => other.name === member.slo)
    if (!found) return [{ path: `sli.members.${index}.slo`, message: `no SLO named ${member.slo}` }]
    if (found.sli.kind === 'composite') return [{ path: `sli.members.${index}.slo`, message: `${member.slo} is composite itself` }]
    return []
  })
}

/**
 * Creates an SLO, or replaces SLO `id` (its version goes up, and `expectedVersion` makes that conditional);
 * its burn-rate rules follow in the same transaction. A name taken by another SLO, or a generated rule's
 * name taken by a hand-written rule, is a ConflictError naming the field.
 */
export async function saveSlo(
  input: SloInput,
  { id, by, token = null, expectedVersion }: Actor & { id?: string; expectedVersion?: number },
) {
  const slo = sloInput.parse(input)
  const { slos } = await listSlos()
  const issues = checkMembers(
    slo,
    slos.filter((other) => other.id !== id),
  )
  if (issues.length) throw new InvalidInputError(issues)
  return withNameConflicts(slo.name, () =>
    db.$transaction(async (tx) => {
      const saved = await writeSlo(tx, slo, { id, by, expectedVersion })
      await saveAuditEntry(tx, by, {
        action: id ? 'slos.update' : 'slos.create',
        subjectType: 'slo',
        subjectId: saved.id,
        details: { name: slo.name, version: saved.version, ...tokenDetails(token) },
      })
      return saved
    }),
  )
}

export async function deleteSlo(id: string, { by, token = null }: Actor): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.slo.findUnique({ where: { id }, select: { name: true, rules: { select: { id: true } } } })
    if (!row) throw new NotFoundError(`no SLO ${id}`)
    const members = await tx.slo.findMany({ where: { NOT: { id } }, select: { name: true, definition: true } })
    const usedBy = members.filter((other) => JSON.stringify(other.definition).includes(`"slo":"${row.name}"`)).map((other) => other.name)
    if (usedBy.length) throw new ConflictError(`${row.name} is a member of ${usedBy.join(', ')}: remove it there first`)
    await tx.alertEvent.deleteMany({ where: { ruleId: { in: row.rules.map((rule) => rule.id) } } })
    await tx.slo.deleteMany({ where: { id } })
    await saveAuditEntry(tx, by, {
      action: 'slos.delete',
      subjectType: 'slo',
      subjectId: id,
      details: { name: row.name, ...tokenDetails(token) },
    })
    return { id, name: row.name }
  })
}

type Tx = Prisma.TransactionClient

/** Writes one SLO (created, or replacing `id`, guarded on `expectedVersion`) and its generated rules. */
async function writeSlo(tx: Tx, slo: Slo, { id, by, expectedVersion }: { id?: string; by: string | null; expectedVersion?: number }) {
  const data = { name: slo.name, definition: toDefinition(slo), updatedById: by }
  let saved: { id: string; version: number }
  if (id) {
    const { count } = await tx.slo.updateMany({
      where: { id, ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) },
      data: { ...data, version: { increment: 1 } },
    })
    if (count === 0) {
      const row = await tx.slo.findUnique({ where: { id }, select: { version: true } })
      if (!row) throw new NotFoundError(`no SLO ${id}`)
      const message = `the SLO is at version ${row.version}, not ${expectedVersion}: someone saved it since you read it`
      throw new ConflictError(message, [{ path: 'version', message }])
    }
    saved = await tx.slo.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } })
  } else saved = await tx.slo.create({ data: { ...data, createdById: by }, select: { id: true, version: true } })
  await replaceSloRules(tx, saved.id, sloAlertRules(slo), by)
  return { ...slo, id: saved.id, version: saved.version } satisfies StoredSlo
}

/** A unique name taken meanwhile (an SLO's, or a hand-written rule's that a generated rule would take): a conflict on `name`. */
async function withNameConflicts<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {})
      const message = /alert_rules|AlertRule/.test(target)
        ? `an alert rule already has one of the names the burn-rate rules of ${name} take (${name}-page-fast …)`
        : `an SLO named ${name} already exists`
      throw new ConflictError(message, [{ path: 'name', message }])
    }
    throw error
  }
}

export type SlosImport = { created: string[]; updated: string[]; unchanged: string[] }

/**
 * Imports SLOs (an OpenSLO or Sloth file's, already parsed), all or nothing: an SLO named like a stored
 * one replaces it, the rest are created, and SLOs the file leaves out stay. One audit entry.
 */
export async function importSlos(
  slos: readonly Slo[],
  { by, token = null, dryRun = false }: Actor & { dryRun?: boolean },
): Promise<SlosImport> {
  const { slos: stored } = await listSlos()
  const byName = new Map(stored.map((slo) => [slo.name, slo]))
  const incoming = new Set(slos.map((slo) => slo.name))
  const candidates = [
    ...stored.filter((other) => !incoming.has(other.name)),
    ...slos.map((other) => ({ ...other, id: other.name, version: 0 })),
  ]
  const issues = slos.flatMap((slo, index) =>
    checkMembers(slo, candidates).map((issue) => ({ path: `slos.${index}.${issue.path}`, message: `${slo.name}: ${issue.message}` })),
  )
  if (issues.length) throw new InvalidInputError(issues)
  const result: SlosImport = { created: [], updated: [], unchanged: [] }
  for (const slo of slos) {
    const before = byName.get(slo.name)
    if (!before) result.created.push(slo.name)
    else if (JSON.stringify(toDefinition(withoutStored(before))) === JSON.stringify(toDefinition(slo))) result.unchanged.push(slo.name)
    else result.updated.push(slo.name)
  }
  if (dryRun) return result
  await withNameConflicts(slos.map((slo) => slo.name).join(', '), () =>
    db.$transaction(async (tx) => {
      // Members first, so a composite's members exist when it is checked again by a later save.
      for (const slo of slos) if (!result.unchanged.includes(slo.name)) await writeSlo(tx, slo, { id: byName.get(slo.name)?.id, by })
      await saveAuditEntry(tx, by, {
        action: 'slos.import',
        subjectType: 'slos',
        subjectId: token ? `token:${token.prefix}` : 'file',
        details: { created: result.created, updated: result.updated, unchanged: result.unchanged.length, ...tokenDetails(token) },
      })
    }),
  )
  return result
}

const withoutStored = ({ id: _id, version: _version, ...slo }: StoredSlo): Slo => slo
