// Silences as stored: created with an audit row, listed per state at an instant (a damaged row skipped
// and counted), and expired once — later, earlier or twice — with the times Alertmanager would set.
import { beforeEach, describe, expect, test } from 'vitest'
import { InvalidInputError, NotFoundError } from '@/lib/errors'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createSilence, EXPIRED_LISTED_FOR_MS, expireSilence, listActiveSilences, listSilences } = await import('./silences-repository')

const T0 = Date.parse('2026-03-01T10:00:00Z')
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()

beforeEach(async () => {
  await db.$executeRawUnsafe('TRUNCATE silences, audit_log CASCADE')
})

const silenceAt = (startsAt: number, endsAt: number, matchers: string | string[] = 'service="checkout"') =>
  createSilence(
    { matchers, startsAt: iso(startsAt), endsAt: iso(endsAt), comment: 'Deploying payments', createdBy: 'sre@example.com' },
    { by: null, now: T0 },
  )

describe('createSilence', () => {
  test('saves the parsed silence, audited in the same transaction', async () => {
    const created = await silenceAt(T0, T0 + HOUR, '{service="checkout", operation=~"POST /pay.*"}')
    expect(created).toMatchObject({
      matchers: [
        { name: 'service', type: '=', value: 'checkout' },
        { name: 'operation', type: '=~', value: 'POST /pay.*' },
      ],
      startsAt: T0,
      endsAt: T0 + HOUR,
      createdBy: 'sre@example.com',
    })
    expect((await listSilences({ now: T0 })).silences).toEqual([created])
    const audit = await db.auditLog.findMany()
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'silence.create',
        subjectType: 'silence',
        subjectId: created.id,
        details: expect.objectContaining({ matchers: ['service="checkout"', 'operation=~"POST /pay.*"'] }),
      }),
    ])
  })

  test.each([
    ['a bad regex', { matchers: ['service=~"check(out"'] }, 'matchers.0'],
    ['an end before the start', { endsAt: iso(T0 - HOUR) }, 'endsAt'],
    ['an end already past', { startsAt: iso(T0 - 2 * HOUR), endsAt: iso(T0 - HOUR) }, 'endsAt'],
    ['no comment', { comment: '' }, 'comment'],
    ['a NUL in a value', { matchers: 'service="a\u0000b"' }, 'matchers'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, change, path) => {
    const input = { matchers: 'service="checkout"', startsAt: iso(T0), endsAt: iso(T0 + HOUR), comment: 'c', createdBy: 'me', ...change }
    const error = await createSilence(input, { by: null, now: T0 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect((error as InvalidInputError).issues.map((issue) => issue.path)).toContain(path)
    expect(await db.silence.count()).toBe(0)
    expect(await db.auditLog.count()).toBe(0)
  })
})

describe('listSilences', () => {
  test('per state at an instant, in Alertmanager order; long-expired ones are not listed', async () => {
    const endsLater = await silenceAt(T0 - HOUR, T0 + 3 * HOUR)
    const endsSooner = await silenceAt(T0 - HOUR, T0 + HOUR)
    const pending = await silenceAt(T0 + HOUR, T0 + 2 * HOUR)
    // Written directly: createSilence refuses an end already past.
    const expiredRow = await db.silence.create({
      data: {
        matchers: [{ name: 'service', type: '=', value: 'cart' }],
        startsAt: new Date(T0 - 2 * HOUR),
        endsAt: new Date(T0),
        comment: 'c',
        createdBy: 'me',
      },
    })
    await db.silence.create({
      data: {
        matchers: [{ name: 'service', type: '=', value: 'cart' }],
        startsAt: new Date(T0 - EXPIRED_LISTED_FOR_MS - 2 * HOUR),
        endsAt: new Date(T0 - EXPIRED_LISTED_FOR_MS - HOUR),
        comment: 'long gone',
        createdBy: 'me',
      },
    })
    const ids = async (state?: 'active' | 'pending' | 'expired') => (await listSilences({ state, now: T0 })).silences.map((s) => s.id)
    expect(await ids('active')).toEqual([endsSooner.id, endsLater.id])
    expect(await ids('pending')).toEqual([pending.id])
    expect(await ids('expired')).toEqual([expiredRow.id]) // ended at T0 exactly: over
    expect(await ids()).toEqual([endsSooner.id, endsLater.id, pending.id, expiredRow.id])
    expect(await listActiveSilences(T0)).toEqual(
      [endsSooner, endsLater].map(({ id, matchers, startsAt, endsAt }) => ({ id, matchers, startsAt, endsAt })),
    )
    expect((await listActiveSilences(T0 + HOUR)).map((silence) => silence.id)).toEqual([pending.id, endsLater.id])
  })

  test('a damaged row is skipped and counted, never applied', async () => {
    const good = await silenceAt(T0, T0 + HOUR)
    for (const matchers of [
      [{ name: 'service' }],
      [{ name: 'service', type: '=~', value: 'check(out' }],
      [{ name: 'team', type: '!=', value: 'db' }], // would silence every alert without a team
      'service="checkout"',
    ])
      await db.silence.create({
        data: { matchers, startsAt: new Date(T0), endsAt: new Date(T0 + HOUR), comment: 'c', createdBy: 'me' },
      })
    const read = await listSilences({ now: T0 })
    expect(read.silences.map((silence) => silence.id)).toEqual([good.id])
    expect(read.unreadable).toHaveLength(4)
    expect(await listActiveSilences(T0)).toEqual([expect.objectContaining({ id: good.id })])
  })
})

describe('expireSilence', () => {
  test('an active silence ends now, audited; expiring it again changes nothing', async () => {
    const silence = await silenceAt(T0 - HOUR, T0 + HOUR)
    const expired = await expireSilence(silence.id, { by: null, now: T0 })
    expect(expired).toMatchObject({ expired: true, silence: { id: silence.id, startsAt: T0 - HOUR, endsAt: T0 } })
    expect(await listActiveSilences(T0)).toEqual([])
    expect(await expireSilence(silence.id, { by: null, now: T0 + 1 })).toMatchObject({ expired: false, silence: { endsAt: T0 } })
    expect((await db.auditLog.findMany({ orderBy: { id: 'asc' } })).map((entry) => entry.action)).toEqual([
      'silence.create',
      'silence.expire',
    ])
  })

  test('a pending silence starts and ends now', async () => {
    const silence = await silenceAt(T0 + HOUR, T0 + 2 * HOUR)
    expect((await expireSilence(silence.id, { by: null, now: T0 })).silence).toMatchObject({ startsAt: T0, endsAt: T0 })
    expect((await listSilences({ state: 'expired', now: T0 })).silences.map((s) => s.id)).toEqual([silence.id])
  })

  test('an unknown id is not found', async () => {
    await expect(expireSilence('00000000-0000-4000-8000-000000000000', { by: null })).rejects.toBeInstanceOf(NotFoundError)
    await expect(expireSilence('not-a-uuid', { by: null })).rejects.toBeInstanceOf(NotFoundError)
  })
})
