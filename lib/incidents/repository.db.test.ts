// What the incident writes commit, on PagerDuty's real deliveries (fixtures/formats/pagerduty, see
// FORMATS-SOURCES.md there): exactly-once per event id, times in any delivery order, CSV all or nothing.
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { parsePagerDutyEvent, type PagerDutyEvent } from './pagerduty-webhook'
import { incidentInput } from './schemas'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const repository = await import('./repository')
const { getDebuggingTimeReport } = await import('./debugging-time-repository')
const { listIncidents } = await import('./incident-list-repository')

const PAGERDUTY = path.resolve(import.meta.dirname, '../../fixtures/formats/pagerduty')
type Delivery = { event: Record<string, unknown> & { data: Record<string, unknown> & { service: Record<string, unknown> } } }
const delivery = (file: string, edit: (body: Delivery) => void = () => {}): Extract<PagerDutyEvent, { kind: 'incident' }> => {
  const body = JSON.parse(fs.readFileSync(path.join(PAGERDUTY, file), 'utf8')) as Delivery
  edit(body)
  const event = parsePagerDutyEvent(body)
  if (event.kind !== 'incident') throw new Error(`${file} is not an incident event: ${JSON.stringify(event)}`)
  return event
}
// The Zulip-recorded pair are deliveries of two different incidents (and the resolution is older than the
// trigger): the resolution is moved onto the triggered incident, 47 minutes after it.
const TRIGGERED_AT = '2021-06-04T13:35:29.781Z'
const triggered = () => delivery('triggered_v3.json')
const resolved = (occurredAt = '2021-06-04T14:22:29.781Z') =>
  delivery('resolved_v3.json', (body) => {
    body.event.data.id = 'PFQZPSY'
    body.event.occurred_at = occurredAt
  })

const counts = async () => ({
  incidents: await db.incident.count(),
  deliveries: await db.webhookDelivery.count(),
  audit: await db.auditLog.count(),
})

beforeEach(async () => {
  await db.webhookDelivery.deleteMany()
  await db.incident.deleteMany()
  await db.auditLog.deleteMany()
  await db.service.deleteMany()
  await db.service.createMany({
    data: [
      { name: 'auth-service', origin: 'inventory', goLiveAt: new Date('2021-06-01T00:00:00Z') },
      { name: 'pig208', origin: 'inventory', goLiveAt: null },
      { name: 'checkout', origin: 'inventory', goLiveAt: new Date('2026-03-10T00:00:00Z') },
      { name: 'stray-service', origin: 'discovered', goLiveAt: new Date('2020-01-01T00:00:00Z') },
    ],
  })
})

describe('applyPagerDutyIncidentEvent', () => {
  test('a replayed delivery changes nothing and says so', async () => {
    expect(await repository.applyPagerDutyIncidentEvent(triggered())).toMatchObject({ status: 'applied' })
    const first = await db.incident.findFirstOrThrow()
    expect(await repository.applyPagerDutyIncidentEvent(triggered())).toEqual({ status: 'replay', id: null })
    expect(await counts()).toEqual({ incidents: 1, deliveries: 1, audit: 0 })
    expect(await db.incident.findFirstOrThrow()).toEqual(first)
  })

  test('triggered then resolved gives the time to resolve; PagerDuty’s service is matched to the inventory', async () => {
    await repository.applyPagerDutyIncidentEvent(triggered())
    await repository.applyPagerDutyIncidentEvent(resolved())
    const incident = await db.incident.findFirstOrThrow()
    expect(incident).toMatchObject({
      source: 'pagerduty',
      externalId: 'PFQZPSY',
      services: ['pig208'],
      startedAt: new Date(TRIGGERED_AT),
      detectedAt: new Date(TRIGGERED_AT),
      resolvedAt: new Date('2021-06-04T14:22:29.781Z'),
    })
    expect(incident.url).toMatch(/^https:\/\/.*pagerduty\.com\/incidents\//)
    const [row] = (await listIncidents({ page: 1 })).incidents
    expect(row).toMatchObject({ timeToResolveMs: 47 * 60_000, unmatchedServices: [] })
  })

  test('delivered out of order (resolved first), the same incident results', async () => {
    await repository.applyPagerDutyIncidentEvent(resolved())
    expect(await db.incident.findFirstOrThrow()).toMatchObject({ startedAt: null, resolvedAt: new Date('2021-06-04T14:22:29.781Z') })
    await repository.applyPagerDutyIncidentEvent(triggered())
    expect(await db.incident.findFirstOrThrow()).toMatchObject({
      startedAt: new Date(TRIGGERED_AT),
      resolvedAt: new Date('2021-06-04T14:22:29.781Z'),
    })
  })

  test('events of one incident arriving at the same moment both count', async () => {
    await Promise.all([repository.applyPagerDutyIncidentEvent(triggered()), repository.applyPagerDutyIncidentEvent(resolved())])
    expect(await counts()).toMatchObject({ incidents: 1, deliveries: 2 })
    expect(await db.incident.findFirstOrThrow()).toMatchObject({ startedAt: new Date(TRIGGERED_AT), resolvedAt: expect.any(Date) })
  })

  test('a service the inventory lacks is kept as PagerDuty names it, and shown as unmatched', async () => {
    await repository.applyPagerDutyIncidentEvent(
      delivery('triggered_v3.json', (body) => {
        body.event.data.service.summary = 'API Service'
      }),
    )
    await repository.applyPagerDutyIncidentEvent(
      delivery('triggered_v3.json', (body) => {
        body.event.id = 'another-event'
        body.event.data.id = 'PAUTH01'
        body.event.data.service.summary = 'Auth Service'
      }),
    )
    const { incidents } = await listIncidents({ page: 1 })
    expect(incidents.map((incident) => [incident.services, incident.unmatchedServices])).toEqual(
      expect.arrayContaining([
        [['API Service'], ['API Service']],
        [['auth-service'], []],
      ]),
    )
    expect((await getDebuggingTimeReport()).unmatchedIncidents).toBe(1)
  })
})

const CSV_HEADER = 'external_id,services,started_at,resolved_at,traces_used,trace_ids'

describe('importIncidentsCsv', () => {
  test('a file with one bad line imports nothing and names the line', async () => {
    const csv = [CSV_HEADER, 'INC-1,checkout,2026-03-01 09:00,2026-03-01 10:00,no,', 'INC-2,checkout,yesterday,,yes,'].join('\n')
    const result = await repository.importIncidentsCsv(csv, { by: null, fileName: 'bad.csv' })
    expect(result).toMatchObject({ ok: false, errors: [{ line: 3, field: 'started_at' }] })
    expect(await counts()).toEqual({ incidents: 0, deliveries: 0, audit: 0 })
  })

  test('a good file imports every row in one go, audited; the same file again changes nothing; a corrected one updates', async () => {
    const csv = [
      CSV_HEADER,
      'INC-1,Checkout,2026-03-01 09:00,2026-03-01 13:00,no,',
      'INC-2,checkout;Unknown-Svc,2026-03-12 09:00,2026-03-12 09:30,yes,4bf92f3577b34da6a3ce929d0e0e4736',
    ].join('\n')
    expect(await repository.importIncidentsCsv(csv, { by: null, fileName: 'history.csv' })).toEqual({
      ok: true,
      created: 2,
      updated: 0,
      unchanged: 0,
    })
    const incident = await db.incident.findUniqueOrThrow({ where: { source_externalId: { source: 'csv', externalId: 'INC-2' } } })
    expect(incident).toMatchObject({
      services: ['checkout', 'Unknown-Svc'],
      tracesUsed: true,
      traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
    })
    expect(await db.auditLog.findFirstOrThrow()).toMatchObject({ action: 'incident.import', subjectId: 'history.csv' })

    expect(await repository.importIncidentsCsv(csv, { by: null, fileName: 'history.csv' })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    })
    const corrected = csv.replace('2026-03-01 13:00', '2026-03-01 12:00')
    expect(await repository.importIncidentsCsv(corrected, { by: null, fileName: 'history.csv' })).toMatchObject({
      updated: 1,
      unchanged: 1,
    })
    expect(await counts()).toMatchObject({ incidents: 2, audit: 3 })
  })
})

describe('saveIncident and applyIncidentWebhook', () => {
  const input = incidentInput.parse({
    id: 'ops-17',
    services: ['CHECKOUT'],
    startedAt: '2026-03-12T08:00:00Z',
    resolvedAt: '2026-03-12T08:20:00Z',
    traceIds: ['4BF92F3577B34DA6'],
  })

  test('the form records once, audited; the same id again is refused naming the field', async () => {
    const saved = await repository.saveIncident({ ...input, source: 'form' }, { by: null })
    expect(await db.incident.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      services: ['checkout'],
      traceIds: ['00000000000000004bf92f3577b34da6'],
    })
    await expect(repository.saveIncident({ ...input, source: 'form' }, { by: null })).rejects.toMatchObject({ issues: [{ path: 'id' }] })
    expect(await counts()).toMatchObject({ incidents: 1, audit: 1 })
  })

  test('the webhook is idempotent by (source, id): created, unchanged on replay, updated on news', async () => {
    expect(await repository.applyIncidentWebhook(input)).toMatchObject({ status: 'created' })
    expect(await repository.applyIncidentWebhook(input)).toEqual({ status: 'unchanged', id: null })
    expect(await repository.applyIncidentWebhook({ ...input, tracesUsed: true })).toMatchObject({ status: 'updated' })
    expect(await counts()).toMatchObject({ incidents: 1, audit: 0 })
    expect(await db.incident.findFirstOrThrow()).toMatchObject({ source: 'webhook', tracesUsed: true })
  })
})

describe('listIncidents and getDebuggingTimeReport', () => {
  test('filters by service, cohort and status, pages, and compares before with after go-live', async () => {
    const rows = [CSV_HEADER]
    // checkout went live on 2026-03-10: six incidents before (4 h each), six after (1 h each), one open after.
    for (let day = 1; day <= 6; day++) rows.push(`B-${day},checkout,2026-03-0${day} 09:00,2026-03-0${day} 13:00,no,`)
    for (let day = 11; day <= 16; day++) rows.push(`A-${day},checkout,2026-03-${day} 09:00,2026-03-${day} 10:00,yes,`)
    rows.push('A-open,checkout,2026-03-20 09:00,,yes,')
    await repository.importIncidentsCsv(rows.join('\n'), { by: null, fileName: 'x.csv' })

    expect((await listIncidents({ page: 1 })).total).toBe(13)
    expect((await listIncidents({ page: 1, service: 'checkout', cohort: 'after' })).total).toBe(7)
    expect((await listIncidents({ page: 1, cohort: 'before' })).incidents.every((row) => row.cohort === 'before')).toBe(true)
    expect((await listIncidents({ page: 1, status: 'open' })).incidents.map((row) => row.externalId)).toEqual(['A-open'])
    expect(await listIncidents({ page: 3 })).toMatchObject({ incidents: [], total: 13, pageCount: 1 })

    const report = await getDebuggingTimeReport()
    expect(report.fleet).toMatchObject({
      verdict: 'faster',
      before: { resolved: 6, open: 0 },
      after: { resolved: 6, open: 1 },
      medianBeforeMs: 4 * 3_600_000,
      medianAfterMs: 3_600_000,
      improvement: 0.75,
    })
    expect(report.services.map((service) => service.service)).toEqual(['checkout'])
    expect(report.points).toHaveLength(12)
  })
})

test('a signed PagerDuty delivery with NUL in its text is stored, the NUL replaced', async () => {
  await repository.applyPagerDutyIncidentEvent(
    delivery('triggered_v3.json', (body) => {
      body.event.id = 'nul\u0000event'
      body.event.data.title = 'disk \u0000 full'
      body.event.data.service.summary = 'pig\u0000208'
    }),
  )
  expect(await db.incident.findFirstOrThrow()).toMatchObject({ title: 'disk \ufffd full', services: ['pig\ufffd208'] })
  expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({ eventId: 'nul\ufffdevent' })
})
