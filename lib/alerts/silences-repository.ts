// Silences as stored: matchers as JSON, parsed again with the silence schema on every read, so a damaged
// row is skipped and counted, never half-applied. Creating and expiring are audited in their transaction.
import { z } from 'zod'
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, type Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import {
  formatMatcher,
  MATCH_TYPES,
  silenceInput,
  silenceState,
  type Matcher,
  type SilenceInput,
  type SilenceRecord,
  type SilenceState,
  type StoredSilence,
} from './silences'

/** Expired silences stay listed this long after their end (Alertmanager's default --data.retention=120h); the rows stay. */
export const EXPIRED_LISTED_FOR_MS = 5 * 86_400_000

/** As written by createSilence; each matcher goes through the input schema again (name, regex, not all matching ""). */
const storedMatchers = z
  .array(z.object({ name: z.string(), type: z.enum(MATCH_TYPES), value: z.string() }))
  .transform((matchers): SilenceInput['matchers'] => matchers.map(formatMatcher))
  .pipe(silenceInput.shape.matchers)

type Row = Prisma.SilenceGetPayload<object>

function fromRow(row: Row): SilenceRecord | { error: string } {
  const matchers = storedMatchers.safeParse(row.matchers)
  if (!matchers.success) return { error: z.prettifyError(matchers.error) }
  return {
    id: row.id,
    matchers: matchers.data,
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
    comment: row.comment,
    createdBy: row.createdBy,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  }
}

/** Who changes a silence: a user's id, or null for an API token (named by `tokenId` in the audit entry). */
type Actor = { by: string | null; tokenId?: string | null }

const toJson = (matchers: Matcher[]) => matchers.map(({ name, type, value }) => ({ name, type, value })) as Prisma.InputJsonValue
const epochMs = (now: Date | number) => (typeof now === 'number' ? now : now.getTime())

/** Validates (400 naming the field) and saves a silence; an end already past is refused, a start in the past is kept. */
export async function createSilence(
  input: SilenceInput,
  { by, tokenId = null, now = Date.now() }: Actor & { now?: Date | number },
): Promise<SilenceRecord> {
  const parsed = silenceInput.safeParse(input)
  if (!parsed.success)
    throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'silence', message: issue.message })))
  const silence = parsed.data
  if (silence.endsAt <= epochMs(now)) throw new InvalidInputError([{ path: 'endsAt', message: 'the end is already past' }])
  return db.$transaction(async (tx) => {
    const row = await tx.silence.create({
      data: {
        matchers: toJson(silence.matchers),
        startsAt: new Date(silence.startsAt),
        endsAt: new Date(silence.endsAt),
        comment: silence.comment,
        createdBy: silence.createdBy,
        createdById: by,
      },
    })
    await saveAuditEntry(tx, by, {
      action: 'silence.create',
      subjectType: 'silence',
      subjectId: row.id,
      details: {
        matchers: silence.matchers.map(formatMatcher),
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        createdBy: silence.createdBy,
        ...(tokenId ? { tokenId } : {}),
      },
    })
    return { ...silence, id: row.id, createdAt: row.createdAt.getTime(), updatedAt: row.updatedAt.getTime() }
  })
}

export type SilenceRead = { silences: SilenceRecord[]; unreadable: { id: string; error: string }[] }

const ORDER: Record<SilenceState, number> = { active: 0, pending: 1, expired: 2 }

/**
 * Silences in one state at `now`, or all of them: active ones ending soonest first, then pending ones
 * starting soonest, then those expired within EXPIRED_LISTED_FOR_MS, latest first (Alertmanager's order).
 */
export async function listSilences({ state, now = Date.now() }: { state?: SilenceState; now?: Date | number } = {}): Promise<SilenceRead> {
  const at = new Date(epochMs(now))
  const recent = { endsAt: { gt: new Date(at.getTime() - EXPIRED_LISTED_FOR_MS) } }
  const where: Prisma.SilenceWhereInput =
    state === 'active'
      ? { startsAt: { lte: at }, endsAt: { gt: at } }
      : state === 'pending'
        ? { startsAt: { gt: at } }
        : state === 'expired'
          ? { AND: [recent, { endsAt: { lte: at } }] }
          : recent
  const rows = await db.silence.findMany({ where, orderBy: [{ endsAt: 'asc' }, { id: 'asc' }] })
  const read: SilenceRead = { silences: [], unreadable: [] }
  for (const row of rows) {
    const silence = fromRow(row)
    if ('error' in silence) read.unreadable.push({ id: row.id, error: silence.error })
    else read.silences.push(silence)
  }
  const key = (silence: SilenceRecord) => {
    const state = silenceState(silence, at.getTime())
    return [ORDER[state], state === 'pending' ? silence.startsAt : state === 'expired' ? -silence.endsAt : silence.endsAt] as const
  }
  read.silences.sort((a, b) => {
    const [stateA, timeA] = key(a)
    const [stateB, timeB] = key(b)
    return stateA - stateB || timeA - timeB
  })
  return read
}

/**
 * What muting needs at `now` (the notify stage, the /alerts page). A damaged row is left out, so the
 * alerts it meant to silence are notified: failing loud, never mute.
 */
export async function listActiveSilences(
  now: Date | number = Date.now(),
): Promise<Pick<StoredSilence, 'id' | 'matchers' | 'startsAt' | 'endsAt'>[]> {
  const { silences } = await listSilences({ state: 'active', now })
  return silences.map(({ id, matchers, startsAt, endsAt }) => ({ id, matchers, startsAt, endsAt }))
}

export type SilenceExpiry = { silence: SilenceRecord; expired: boolean }

/**
 * Ends a silence at `now`: its end moves to now when later (and its start too when it had not begun,
 * as Alertmanager does). One already over is left as it was (`expired: false`); either way it answers.
 */
export async function expireSilence(
  id: string,
  { by, tokenId = null, now = Date.now() }: Actor & { now?: Date | number },
): Promise<SilenceExpiry> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError(`no silence ${id}`)
  const at = new Date(epochMs(now))
  return db.$transaction(async (tx) => {
    // Conditional updates: of two admins expiring at once, one changes it and is audited.
    const { count } = await tx.silence.updateMany({ where: { id, endsAt: { gt: at } }, data: { endsAt: at } })
    if (count > 0) await tx.silence.updateMany({ where: { id, startsAt: { gt: at } }, data: { startsAt: at } })
    const row = await tx.silence.findUnique({ where: { id } })
    if (!row) throw new NotFoundError(`no silence ${id}`)
    const silence = fromRow(row)
    if ('error' in silence) throw new ConflictError(`silence ${id} cannot be read: ${silence.error}`)
    if (count > 0)
      await saveAuditEntry(tx, by, {
        action: 'silence.expire',
        subjectType: 'silence',
        subjectId: id,
        details: { matchers: silence.matchers.map(formatMatcher), endsAt: row.endsAt.toISOString(), ...(tokenId ? { tokenId } : {}) },
      })
    return { silence, expired: count > 0 }
  })
}
