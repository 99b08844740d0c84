// Managers' overrides of computed rollout statuses, and the admin's rollout settings. Every write is
// audited in the same transaction as the change.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import type { RolloutOverrideInput } from './schemas'

const DAY_MS = 86_400_000

/** Sets a service's override (replacing the one in force, which is cleared), audited. */
export async function saveRolloutOverride(input: RolloutOverrideInput, { by, now = new Date() }: { by: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findFirst({
      where: { name: input.service, origin: 'inventory', retiredAt: null },
      select: { name: true },
    })
    if (!service) throw new NotFoundError(`no inventory service named ${input.service}`)
    const state = await tx.rolloutState.findUnique({ where: { service: input.service }, select: { status: true } })
    await tx.rolloutOverride.updateMany({ where: { service: input.service, clearedAt: null }, data: { clearedAt: now, clearedById: by } })
    const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS)
    const override = await tx.rolloutOverride.create({
      data: { service: input.service, status: input.status, reason: input.reason, expiresAt, createdById: by, createdAt: now },
    })
    await saveAuditEntry(tx, by, {
      action: 'rollout.override.set',
      subjectType: 'service',
      subjectId: input.service,
      details: { status: input.status, computed: state?.status ?? null, reason: input.reason, expiresAt: expiresAt?.toISOString() ?? null },
    })
    return override
  })
}

/** Ends an override before it expires, audited. */
export async function clearRolloutOverride(overrideId: string, { by, now = new Date() }: { by: string; now?: Date }) {
  return db.$transaction(async (tx) => {
    const override = await tx.rolloutOverride.findFirst({ where: { id: overrideId, clearedAt: null } })
    if (!override) throw new NotFoundError('that override is not in force')
    await tx.rolloutOverride.update({ where: { id: overrideId }, data: { clearedAt: now, clearedById: by } })
    await saveAuditEntry(tx, by, {
      action: 'rollout.override.clear',
      subjectType: 'service',
      subjectId: override.service,
      details: { status: override.status, reason: override.reason },
    })
    return override
  })
}

/** The admin's settings: when the rollout began and what verifies a service. Audited; statuses are recomputed at the worker's next pass. */
export async function saveRolloutSettings(
  settings: { startDate: string; verifyDays: number; minCompleteShare: number; minKeyAttributeShare: number },
  { by }: { by: string },
) {
  return db.$transaction(async (tx) => {
    const data = { ...settings, startDate: new Date(`${settings.startDate}T00:00:00Z`), updatedById: by }
    const saved = await tx.rolloutSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data })
    await saveAuditEntry(tx, by, { action: 'rollout.settings.change', subjectType: 'rollout', subjectId: 'settings', details: settings })
    return saved
  })
}
