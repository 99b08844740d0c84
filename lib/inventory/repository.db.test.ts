// The inventory's writes against a real Postgres: catalog imports all or nothing (the public Backstage
// samples in fixtures/formats/backstage-catalog/, the invalid one included), adoption, retirement
// (never a deletion: the worker's sync state stays), and an audit row for every change.
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { ensureSyncedServices } = await import('@/lib/sync/sync-state-repository')
const { addService, adoptService, countInventory, editService, importCatalogFile, listInventory, setServiceRetired } =
  await import('./repository')

const BACKSTAGE = path.resolve(import.meta.dirname, '../../fixtures/formats/backstage-catalog')
const sample = (file: string) => fs.readFileSync(path.join(BACKSTAGE, file), 'utf8')
const admin = await db.user.create({ data: { email: 'admin@example.com', name: 'Admin', role: 'admin', passwordHash: 'x' } })
const by = { by: admin.id }

const auditRows = () =>
  db.auditLog.findMany({ orderBy: { id: 'asc' }, select: { action: true, subjectId: true, details: true, actorId: true } })
const services = async () => Object.fromEntries((await listInventory()).map((service) => [service.name, service]))
const formInput = (serviceName: string, fields: Record<string, unknown> = {}) => ({
  serviceName,
  team: null,
  owner: null,
  tier: null,
  wave: null,
  plannedDate: null,
  expectedOperations: [],
  lifecycle: null,
  system: null,
  ...fields,
})

beforeEach(async () => {
  await db.auditLog.deleteMany()
  await db.syncState.deleteMany()
  await db.service.deleteMany()
})

describe('importCatalogFile', () => {
  test('a Backstage file adds its Components, audited: one row for the import, one per service', async () => {
    const result = await importCatalogFile(sample('entities.yaml'), { fileName: 'entities.yaml' }, by)
    expect(result).toMatchObject({ ok: true, format: 'backstage', skipped: { System: 1, API: 1 }, added: 2, updated: 0, unchanged: 0 })
    expect(await services()).toMatchObject({
      'example-website': { origin: 'inventory', owner: 'guests', team: 'guests', lifecycle: 'experimental', system: 'examples' },
      'second-service': { origin: 'inventory', catalogName: 'second-service' },
    })
    expect(await auditRows()).toEqual([
      {
        action: 'inventory.service.add',
        subjectId: 'example-website',
        actorId: admin.id,
        details: {
          service: 'example-website',
          via: 'import',
          catalogName: 'example-website',
          owner: 'guests',
          team: 'guests',
          lifecycle: 'experimental',
          system: 'examples',
        },
      },
      expect.objectContaining({ action: 'inventory.service.add', subjectId: 'second-service' }),
      {
        action: 'inventory.import',
        subjectId: 'catalog',
        actorId: admin.id,
        details: { format: 'backstage', file: 'entities.yaml', retireMissing: false, added: 2, updated: 0, unchanged: 0, retired: 0 },
      },
    ])

    const again = await importCatalogFile(sample('entities.yaml'), { fileName: 'entities.yaml' }, by)
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 2, retired: 0, changes: [] })
  })

  test('the invalid sample writes nothing and names its lines', async () => {
    await importCatalogFile(sample('artist-lookup-component.yaml'), {}, by)
    const before = { services: await db.service.count(), audit: await db.auditLog.count() }
    const result = await importCatalogFile(sample('invalid-component.yaml'), { fileName: 'invalid-component.yaml' }, by)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0)
      expect(result.errors.every((error) => typeof error.line === 'number' && error.line > 0)).toBe(true)
      expect(result.errors.map((error) => error.field)).toContain('metadata.name')
    }
    expect({ services: await db.service.count(), audit: await db.auditLog.count() }).toEqual(before)
  })

  test('a failure part-way through the writes leaves nothing half-imported', async () => {
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$
      BEGIN IF NEW.name = 'boom-service' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
    await db.$executeRawUnsafe('CREATE TRIGGER refuse_boom BEFORE INSERT ON services FOR EACH ROW EXECUTE FUNCTION refuse_boom()')
    try {
      const csv = 'name,team,wave\nfirst-service,a,1\nsecond-service,b,1\nboom-service,c,1\n'
      await expect(importCatalogFile(csv, { fileName: 'catalog.csv' }, by)).rejects.toThrow(/refused by the test/)
      expect(await db.service.count()).toBe(0)
      expect(await db.auditLog.count()).toBe(0)
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER refuse_boom ON services')
      await db.$executeRawUnsafe('DROP FUNCTION refuse_boom')
    }
  })

  test('a discovered service named in the file joins the inventory; fields the file leaves out keep their value', async () => {
    await ensureSyncedServices(['sanctions-screening-service'], { backfillFrom: new Date(0), liveFrom: new Date(0) })
    await addService(formInput('auth-service', { team: 'identity', wave: 1, plannedDate: '2026-01-05', tier: 1 }), by)
    const yaml = [
      'services:',
      '  - name: sanctions-screening-service',
      '    team: risk',
      '    wave: 2',
      '  - name: auth-service',
      '    owner: idp@example.com',
    ].join('\n')
    const result = await importCatalogFile(yaml, { fileName: 'catalog.yaml' }, by)
    expect(result).toMatchObject({ ok: true, format: 'yaml', added: 0, updated: 2, unchanged: 0 })
    expect(await services()).toMatchObject({
      'sanctions-screening-service': { origin: 'inventory', team: 'risk', rolloutWave: 2 },
      'auth-service': { team: 'identity', tier: 1, rolloutWave: 1, owner: 'idp@example.com', plannedDate: new Date('2026-01-05') },
    })
    expect((await auditRows()).map((row) => [row.action, row.subjectId])).toEqual([
      ['inventory.service.add', 'auth-service'],
      ['inventory.service.adopt', 'sanctions-screening-service'],
      ['inventory.service.edit', 'auth-service'],
      ['inventory.import', 'catalog'],
    ])
  })

  test('with retireMissing, inventory services not in the file are retired, not deleted (sync state kept); discovered ones stay', async () => {
    await ensureSyncedServices(['card-service', 'mystery-service'], { backfillFrom: new Date(0), liveFrom: new Date(0) })
    await adoptService({ serviceName: 'card-service', team: 'cards', wave: 2, plannedDate: null }, by)
    await addService(formInput('auth-service'), by)
    const csv = 'name,team\nauth-service,identity\n'
    const preview = await importCatalogFile(csv, { fileName: 'catalog.csv', retireMissing: true, dryRun: true }, by)
    expect(preview).toMatchObject({ ok: true, dryRun: true, added: 0, updated: 1, retired: 1 })
    expect((await services())['card-service']!.retiredAt).toBeNull()

    const applied = await importCatalogFile(csv, { fileName: 'catalog.csv', retireMissing: true }, by)
    expect(applied).toMatchObject({ ok: true, dryRun: false, updated: 1, retired: 1 })
    const after = await services()
    expect(after['card-service']!.retiredAt).toBeInstanceOf(Date)
    expect(after['mystery-service']).toMatchObject({ origin: 'discovered', retiredAt: null })
    expect(await db.syncState.count()).toBe(2)
    expect(await countInventory()).toEqual({ inventory: 1, discovered: 1 })

    // Listing it again brings it back.
    await importCatalogFile('name\ncard-service\n', { format: 'csv' }, by)
    expect((await services())['card-service']!.retiredAt).toBeNull()
  })

  test('a format given overrides the file name', async () => {
    expect(await importCatalogFile('name,team\nx-service,t\n', { format: 'yaml', fileName: 'x.csv' }, by)).toMatchObject({
      ok: false,
      format: 'yaml',
    })
  })
})

describe('one service at a time', () => {
  test('add, edit (a blank field clears it), retire and bring back: each audited with what changed', async () => {
    await addService(formInput('ledger-service', { team: 'ledger', tier: 2, expectedOperations: ['POST /entries'] }), by)
    await expect(addService(formInput('ledger-service'), by)).rejects.toMatchObject({
      issues: [{ path: 'serviceName', message: expect.stringContaining('already in the inventory') }],
    })
    const edited = await editService(formInput('ledger-service', { team: 'finance', wave: 0, expectedOperations: ['POST /entries'] }), by)
    expect(edited.changes).toEqual({
      team: { from: 'ledger', to: 'finance' },
      tier: { from: 2, to: null },
      rolloutWave: { from: null, to: 0 },
    })
    const unchanged = await editService(
      formInput('ledger-service', { team: 'finance', wave: 0, expectedOperations: ['POST /entries'] }),
      by,
    )
    expect(unchanged.changes).toEqual({})
    await setServiceRetired({ serviceName: 'ledger-service', retired: true }, by)
    expect((await services())['ledger-service']!.retiredAt).toBeInstanceOf(Date)
    await setServiceRetired({ serviceName: 'ledger-service', retired: false }, by)
    expect((await services())['ledger-service']!.retiredAt).toBeNull()

    expect((await auditRows()).map(({ action, details }) => [action, details])).toEqual([
      ['inventory.service.add', { service: 'ledger-service', team: 'ledger', tier: 2, expectedOperations: ['POST /entries'] }],
      [
        'inventory.service.edit',
        {
          service: 'ledger-service',
          team: { from: 'ledger', to: 'finance' },
          tier: { from: 2, to: null },
          rolloutWave: { from: null, to: 0 },
        },
      ],
      ['inventory.service.retire', { service: 'ledger-service' }],
      ['inventory.service.restore', { service: 'ledger-service' }],
    ])
  })

  test('adopt: a discovered service becomes an inventory service with team, wave and planned date', async () => {
    await ensureSyncedServices(['sanctions-screening-service'], { backfillFrom: new Date(0), liveFrom: new Date(0) })
    const adopted = await adoptService({ serviceName: 'sanctions-screening-service', team: 'risk', wave: 3, plannedDate: '2026-02-01' }, by)
    expect(adopted.changes).toEqual({
      origin: { from: 'discovered', to: 'inventory' },
      team: { from: null, to: 'risk' },
      rolloutWave: { from: null, to: 3 },
      plannedDate: { from: null, to: '2026-02-01' },
    })
    expect((await services())['sanctions-screening-service']).toMatchObject({
      origin: 'inventory',
      discoveredAt: expect.any(Date),
      plannedDate: new Date('2026-02-01T00:00:00Z'),
    })
    await expect(
      adoptService({ serviceName: 'sanctions-screening-service', team: null, wave: null, plannedDate: null }, by),
    ).rejects.toThrow(/already in the inventory/)
    await expect(adoptService({ serviceName: 'nobody', team: null, wave: null, plannedDate: null }, by)).rejects.toThrow(/no service/)
    expect((await auditRows()).map((row) => row.action)).toEqual(['inventory.service.adopt'])
  })

  test('adding a name Jaeger already showed us adopts it; a discovered service is neither edited nor retired', async () => {
    await ensureSyncedServices(['fx-service'], { backfillFrom: new Date(0), liveFrom: new Date(0) })
    await expect(editService(formInput('fx-service'), by)).rejects.toThrow(/adopt it first/)
    await expect(setServiceRetired({ serviceName: 'fx-service', retired: true }, by)).rejects.toThrow(/not in the inventory/)
    await addService(formInput('fx-service', { team: 'fx' }), by)
    expect((await services())['fx-service']).toMatchObject({ origin: 'inventory', team: 'fx' })
    expect((await auditRows()).map((row) => row.action)).toEqual(['inventory.service.adopt'])
  })
})
