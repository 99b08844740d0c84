// SLOs as stored: the definition (schemas.ts) as versioned JSON, parsed on every read, so a damaged row is
// reported and skipped. Saving an SLO replaces its generated burn-rate rules in the same transaction,
// and every write (SLO or correction) is audited with it.
import { z } from 'zod'
import { replaceSloRules } from '@/lib/alerts/rules-repository'
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import { sloInput, type Correction, type Slo, type SloInput, type StoredCorrection, type StoredSlo } from './schemas'
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
const tokenDetails = (token: Actor['token']) => (token ? { token: `${token.name} (${token.prefix}…)` } : {})

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
  try {
    return await db.$transaction(async (tx) => {
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
      await saveAuditEntry(tx, by, {
        action: id ? 'slos.update' : 'slos.create',
        subjectType: 'slo',
        subjectId: saved.id,
        details: { name: slo.name, version: saved.version, ...tokenDetails(token) },
      })
      return { ...slo, id: saved.id, version: saved.version } satisfies StoredSlo
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = String(error.meta?.target ?? error.meta?.modelName ?? '')
      const message =
        target.includes('alert_rules') || target.includes('AlertRule')
          ? `an alert rule already has one of the names this SLO's burn-rate rules take (${slo.name}-page-fast …)`
          : `an SLO named ${slo.name} already exists`
      throw new ConflictError(message, [{ path: 'name', message }])
    }
    throw error
  }
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

const toCorrection = (row: { id: string; startsAt: Date; endsAt: Date; reason: string; createdBy: string | null; createdAt: Date }) => ({
  id: row.id,
  startMs: row.startsAt.getTime(),
  endMs: row.endsAt.getTime(),
  reason: row.reason,
  author: row.createdBy,
  createdAt: row.createdAt.getTime(),
})

export async function listCorrections(sloIds: readonly string[]): Promise<Map<string, StoredCorrection[]>> {
  const rows = await db.sloCorrection.findMany({ where: { sloId: { in: [...sloIds] } }, orderBy: { startsAt: 'asc' } })
  const bySlo = new Map<string, StoredCorrection[]>(sloIds.map((id) => [id, []]))
  for (const row of rows) bySlo.get(row.sloId)?.push(toCorrection(row))
  return bySlo
}

/** Adds a correction to SLO `sloId`; the accounting re-counts the window on its next pass. */
export async function addCorrection(sloId: string, correction: Correction, { by, author, token = null }: Actor & { author: string }) {
  return db.$transaction(async (tx) => {
    const slo = await tx.slo.findUnique({ where: { id: sloId }, select: { name: true } })
    if (!slo) throw new NotFoundError(`no SLO ${sloId}`)
    const row = await tx.sloCorrection.create({
      data: {
        sloId,
        startsAt: correction.startsAt,
        endsAt: correction.endsAt,
        reason: correction.reason,
        createdBy: author,
        createdById: by,
      },
    })
    await saveAuditEntry(tx, by, {
      action: 'slos.correction.create',
      subjectType: 'slo',
      subjectId: sloId,
      details: {
        name: slo.name,
        correction: row.id,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        ...tokenDetails(token),
      },
    })
    return toCorrection(row)
  })
}

export async function deleteCorrection(sloId: string, correctionId: string, { by, token = null }: Actor) {
  return db.$transaction(async (tx) => {
    const row = await tx.sloCorrection.findFirst({ where: { id: correctionId, sloId }, include: { slo: { select: { name: true } } } })
    if (!row) throw new NotFoundError(`no correction ${correctionId} on this SLO`)
    await tx.sloCorrection.delete({ where: { id: correctionId } })
    await saveAuditEntry(tx, by, {
      action: 'slos.correction.delete',
      subjectType: 'slo',
      subjectId: sloId,
      details: { name: row.slo.name, correction: correctionId, reason: row.reason, ...tokenDetails(token) },
    })
  })
}
