// Overhead measurements against a real Postgres: only inventory services take them, each save is
// audited with its user or token, and the overview averages the traced services' latest measurements
// while naming the traced ones without any.
import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createUser } = await import('@/lib/users/repository')
const { createApiToken } = await import('@/lib/auth/api-token-repository')
const { saveOverheadMeasurement, listOverheadMeasurements, listLatestOverheadMeasurements, getOverheadOverview, NotInInventoryError } =
  await import('./repository')

const NOW = new Date('2026-12-03T12:00:00Z')
const engineer = await createUser(
  { email: 'eng@example.com', name: 'Eng', role: 'engineer', password: 'a long enough secret' },
  { by: null },
)
const { apiToken } = await createApiToken({ name: 'k6 job', scopes: ['overhead.write'] }, { by: engineer.id })
const token = { id: apiToken.id, name: apiToken.name, prefix: apiToken.prefix }

await db.service.createMany({
  data: [
    { name: 'auth-service', rolloutWave: 1, team: 'identity' },
    { name: 'checkout', rolloutWave: 2 },
    { name: 'ledger', rolloutWave: 2 },
    { name: 'legacy', rolloutWave: 3, retiredAt: new Date('2026-11-01T00:00:00Z') },
    { name: 'stranger', origin: 'discovered' },
  ],
})
// Spans in the last 24 h: auth-service and checkout (traced); ledger's are older than a day.
const rollup = (service: string, bucketStart: Date) => ({
  service,
  resolution: 'minute' as const,
  bucketStart,
  spans: 10,
  tracesSeen: 5,
  tracesComplete: 5,
  rootTraces: 5,
  rootTracesComplete: 5,
  orphanSpans: 0,
  skewedSpans: 0,
  warningSpans: 0,
  serverSpans: 5,
  serverSpansWithRoute: 5,
  httpSpans: 5,
  httpSpansWithStatus: 5,
  spansWithVersion: 10,
  spansWithSampler: 0,
  samplerParamSum: 0,
  rejectedRecords: 0,
})
await db.serviceRollup.createMany({
  data: [
    rollup('auth-service', new Date(NOW.getTime() - 3_600_000)),
    rollup('checkout', new Date(NOW.getTime() - 60_000)),
    rollup('ledger', new Date(NOW.getTime() - 2 * 86_400_000)),
  ],
})

const measurement = (service: string, measuredAt: string, p50OnMs: number, p50OffMs: number, means?: [number, number]) => ({
  service,
  p50OnMs,
  p50OffMs,
  p95OnMs: p50OnMs * 3,
  p95OffMs: p50OffMs * 3,
  ...(means ? { meanOnMs: means[0], meanOffMs: means[1] } : {}),
  samplesOn: 1000,
  samplesOff: 1000,
  method: 'load_test' as const,
  environment: 'staging',
  measuredAt,
})

describe('saveOverheadMeasurement', () => {
  test('stores the computed overhead and who recorded it; audited in the same transaction', async () => {
    const saved = await saveOverheadMeasurement(measurement('auth-service', '2026-12-01T10:00:00Z', 12, 10, [13.5, 10]), {
      source: 'form',
      by: engineer.id,
    })
    expect(saved).toMatchObject({ service: 'auth-service', overheadMs: 3.5, source: 'form', recordedBy: 'eng@example.com', notes: null })
    expect(saved.measuredAt).toBe('2026-12-01T10:00:00.000Z')
    const viaToken = await saveOverheadMeasurement(measurement('auth-service', '2026-12-02T10:00:00Z', 11, 10), {
      source: 'api',
      by: null,
      token,
    })
    expect(viaToken).toMatchObject({ overheadMs: 1, source: 'api', recordedBy: `k6 job (${token.prefix}…)` })
    const audit = await db.auditLog.findMany({ where: { action: 'overhead.record' }, orderBy: { id: 'asc' } })
    expect(audit.map((entry) => [entry.actorId, entry.subjectId, (entry.details as { token?: string }).token])).toEqual([
      [engineer.id, 'auth-service', undefined],
      [null, 'auth-service', `k6 job (${token.prefix}…)`],
    ])
  })

  test.each([
    ['unknown', 'nowhere', 'nowhere is not in the inventory'],
    ['discovered only', 'stranger', 'stranger was discovered in Jaeger but is not in the inventory yet'],
    ['retired', 'legacy', 'legacy is retired from the inventory'],
  ])('a service %s is refused, naming the field; nothing is written', async (_label, service, message) => {
    const [rows, auditRows] = [await db.overheadMeasurement.count(), await db.auditLog.count()]
    const saving = saveOverheadMeasurement(measurement(service, '2026-12-01T10:00:00Z', 1, 1), { source: 'api', by: null, token })
    await expect(saving).rejects.toBeInstanceOf(NotInInventoryError)
    await expect(saving).rejects.toMatchObject({ issues: [{ path: 'service', message }] })
    expect([await db.overheadMeasurement.count(), await db.auditLog.count()]).toEqual([rows, auditRows])
  })
})

describe('reads', () => {
  test('per service newest first; the latest of each service', async () => {
    await saveOverheadMeasurement(measurement('checkout', '2026-11-20T10:00:00Z', 30, 20), { source: 'k6', by: null, token })
    // Entered later but measured earlier: not the latest.
    await saveOverheadMeasurement(measurement('auth-service', '2026-11-30T10:00:00Z', 50, 10), { source: 'form', by: engineer.id })
    expect((await listOverheadMeasurements({ service: 'auth-service' })).map((row) => row.measuredAt)).toEqual([
      '2026-12-02T10:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
      '2026-11-30T10:00:00.000Z',
    ])
    expect(await listOverheadMeasurements({ service: 'ledger' })).toEqual([])
    expect((await listOverheadMeasurements()).length).toBe(4)
    const latest = await listLatestOverheadMeasurements()
    expect([...latest].map(([service, row]) => [service, row.overheadMs])).toEqual([
      ['auth-service', 1],
      ['checkout', 10],
    ])
  })

  test('the overview: inventory services only, traced by spans in the last 24 h, the average over traced ones with a measurement, the rest named', async () => {
    const overview = await getOverheadOverview({ now: NOW })
    expect(
      overview.services.map(({ service, traced, latest, history }) => [service, traced, latest?.overheadMs ?? null, history.length]),
    ).toEqual([
      ['auth-service', true, 1, 3],
      ['checkout', true, 10, 1],
      ['ledger', false, null, 0],
    ])
    expect(overview.services[0]!.history.map((row) => row.measuredAt)).toEqual([
      '2026-11-30T10:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
      '2026-12-02T10:00:00.000Z',
    ])
    expect(overview.fleet).toEqual({ averageMs: 5.5, traced: 2, measured: 2, unmeasured: [] })

    // checkout's spans age out of the day: it no longer counts; ledger goes live without a measurement.
    await db.serviceRollup.create({ data: rollup('ledger', new Date(NOW.getTime() + 36 * 3_600_000)) })
    const later = await getOverheadOverview({ now: new Date(NOW.getTime() + 2 * 86_400_000 - 3_000_000) })
    expect(later.fleet).toEqual({ averageMs: null, traced: 1, measured: 0, unmeasured: ['ledger'] })
  })
})
