// The worker's rollout stage against a real Postgres: services whose day rollups (compacted, as the
// worker leaves them) hold 10 days of good quality, a bad day, or nothing; go-live recorded once;
// statuses stored and recomputed only when their day turns or an admin changes the thresholds.
import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { qualityRow } from './testing/quality-row'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { judgeAndSaveRolloutStates, listRolloutStates } = await import('./rollout-state-repository')
const { listDailyQuality } = await import('./daily-quality-repository')

const DAY_MS = 86_400_000
const TODAY = '2026-12-06'
const NOW = new Date(`${TODAY}T09:30:00Z`)
const dayStart = (daysAgo: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * DAY_MS)

/** One day row of a service's quality (what compaction leaves for days past). */
const dayRow = (service: string, daysAgo: number, quality: { traces: number; complete: number; withRoute?: number }) =>
  qualityRow({ service, resolution: 'day', bucketStart: dayStart(daysAgo), ...quality })

async function seed() {
  const services = ['steady-service', 'flaky-service', 'new-service', 'silent-service']
  await db.service.createMany({ data: services.map((name) => ({ name })) })
  await db.syncState.createMany({
    data: services.map((serviceName) => ({
      serviceName,
      watermark: NOW,
      backfillFrom: dayStart(30),
      hoursCompactedTo: dayStart(0),
      daysCompactedTo: dayStart(0),
    })),
  })
  const rows = []
  for (let daysAgo = 1; daysAgo <= 10; daysAgo++) {
    rows.push(dayRow('steady-service', daysAgo, { traces: 1000, complete: 1000 }))
    // Verified for a week, then one day of 3 % broken traces, yesterday.
    rows.push(dayRow('flaky-service', daysAgo, daysAgo === 1 ? { traces: 1000, complete: 970 } : { traces: 1000, complete: 999 }))
  }
  for (let daysAgo = 1; daysAgo <= 3; daysAgo++) rows.push(dayRow('new-service', daysAgo, { traces: 500, complete: 500 }))
  await db.serviceRollup.createMany({ data: rows })
  return services
}

describe('judgeAndSaveRolloutStates', () => {
  test('records go-live once, and stores each status with what keeps it from verified', async () => {
    const services = await seed()
    const report = await judgeAndSaveRolloutStates(services, { now: NOW })
    expect(report).toMatchObject({ services: 4, computed: 4 })
    expect(report.wentLive.sort()).toEqual(['flaky-service', 'new-service', 'steady-service'])

    const states = await listRolloutStates(services)
    expect(states.get('steady-service')).toMatchObject({ status: 'verified', goodDays: 10, verifiedSince: '2026-12-02', failing: [] })
    expect(states.get('flaky-service')).toMatchObject({ status: 'regressed', goodDays: 0 })
    expect(states.get('flaky-service')!.failing.map((failure) => failure.check)).toEqual(['complete_traces'])
    expect(states.get('flaky-service')!.failing[0]!.message).toContain('97')
    expect(states.get('new-service')).toMatchObject({ status: 'instrumented', goodDays: 3 })
    expect(states.get('new-service')!.failing[0]!.check).toBe('live_days')
    expect(states.get('silent-service')).toMatchObject({ status: 'not_started', goodDays: 0 })

    const goLive = await db.service.findMany({ where: { name: { in: services } }, select: { name: true, goLiveAt: true } })
    expect(Object.fromEntries(goLive.map((row) => [row.name, row.goLiveAt?.toISOString() ?? null]))).toEqual({
      'steady-service': dayStart(10).toISOString(),
      'flaky-service': dayStart(10).toISOString(),
      'new-service': dayStart(3).toISOString(),
      'silent-service': null,
    })
  })

  test('the same day again computes nothing; a threshold change or a new day computes again', async () => {
    const services = ['steady-service', 'flaky-service', 'new-service', 'silent-service']
    expect(await judgeAndSaveRolloutStates(services, { now: new Date(NOW.getTime() + 60_000) })).toMatchObject({
      computed: 0,
      wentLive: [],
    })

    // An admin lowers the bar to 96 % complete: the flaky service's bad day passes.
    await db.rolloutSettings.create({ data: { id: 1, startDate: dayStart(20), minCompleteShare: 0.96 } })
    expect(await judgeAndSaveRolloutStates(services, { now: new Date(NOW.getTime() + 120_000) })).toMatchObject({ computed: 4, changed: 1 })
    expect((await listRolloutStates(['flaky-service'])).get('flaky-service')).toMatchObject({ status: 'verified', goodDays: 10 })

    const tomorrow = new Date(NOW.getTime() + DAY_MS)
    expect(await judgeAndSaveRolloutStates(services, { now: tomorrow })).toMatchObject({ computed: 4 })
    // No spans today (yesterday by then): spans every day is a check.
    expect((await listRolloutStates(['steady-service'])).get('steady-service')).toMatchObject({ status: 'regressed' })
  })

  test('daily quality sums every resolution a day is stored at, each span once', async () => {
    await db.serviceRollup.create({
      data: {
        ...dayRow('new-service', 0, { traces: 10, complete: 9 }),
        resolution: 'minute',
        bucketStart: new Date(NOW.getTime() - 60 * 60_000),
      },
    })
    const quality = await listDailyQuality(new Map([['new-service', { from: '2026-12-01', to: '2026-12-07' }]]), { now: NOW })
    expect(quality.get('new-service')!.map((day) => [day.day, day.tracesSeen, day.tracesComplete])).toEqual([
      ['2026-12-03', 500, 500],
      ['2026-12-04', 500, 500],
      ['2026-12-05', 500, 500],
      ['2026-12-06', 10, 9],
    ])
  })

  test('a go-live first seen in the latest hour moves earlier when the sync fills in older history, never later', async () => {
    // The sync reads a new service's latest hour first: go-live is first recorded there.
    await db.service.create({ data: { name: 'backfilled-service' } })
    await db.serviceRollup.create({
      data: {
        ...dayRow('backfilled-service', 0, { traces: 10, complete: 10 }),
        resolution: 'minute',
        bucketStart: new Date(NOW.getTime() - 30 * 60_000),
      },
    })
    const later = new Date(NOW.getTime() + 2 * DAY_MS)
    expect((await judgeAndSaveRolloutStates(['backfilled-service'], { now: later })).wentLive).toEqual(['backfilled-service'])
    const goLiveOf = async () => (await db.service.findUniqueOrThrow({ where: { name: 'backfilled-service' } })).goLiveAt?.toISOString()
    expect(await goLiveOf()).toBe(new Date(NOW.getTime() - 30 * 60_000).toISOString())

    // Then its history arrives, days back: go-live is its first span, and its status is judged again.
    await db.serviceRollup.createMany({
      data: [5, 4, 3].map((daysAgo) => dayRow('backfilled-service', daysAgo, { traces: 100, complete: 100 })),
    })
    const report = await judgeAndSaveRolloutStates(['backfilled-service'], { now: new Date(later.getTime() + 60_000) })
    expect(report).toMatchObject({ wentLive: [], computed: 1 })
    expect(await goLiveOf()).toBe(dayStart(5).toISOString())

    // Rollups ageing out never move it later.
    await db.serviceRollup.deleteMany({ where: { service: 'backfilled-service', bucketStart: { lt: dayStart(3) } } })
    await judgeAndSaveRolloutStates(['backfilled-service'], { now: new Date(later.getTime() + DAY_MS) })
    expect(await goLiveOf()).toBe(dayStart(5).toISOString())
  })
})
