// An SLO's corrections: periods left out of its error budget (maintenance, known-bad data). Each write
// is audited; the accounting re-counts the window on its next pass (slo-stage.ts hashes the corrections).
import { saveAuditEntry } from '@/lib/audit/repository'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import type { Correction, StoredCorrection } from './schemas'
import { tokenDetails, type Actor } from './slos-repository'

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
