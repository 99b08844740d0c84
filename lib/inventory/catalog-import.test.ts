import { describe, expect, test } from 'vitest'
import { EMPTY_FIELDS, planCatalogImport, type ServiceRecord } from './catalog-import'
import type { CatalogEntry } from './schemas'

const entry = (name: string, fields: Partial<CatalogEntry> = {}): CatalogEntry => ({
  name,
  catalogName: null,
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
const service = (name: string, fields: Partial<ServiceRecord> = {}): ServiceRecord => ({
  ...EMPTY_FIELDS,
  name,
  origin: 'inventory',
  retired: false,
  ...fields,
})

describe('planCatalogImport', () => {
  const current = [
    service('auth-service', { team: 'identity', rolloutWave: 1, plannedDate: '2026-01-05', expectedOperations: ['POST /login'] }),
    service('card-service', { team: 'cards', rolloutWave: 2 }),
    service('sanctions-screening-service', { origin: 'discovered' }),
    service('old-service', { retired: true, team: 'legacy' }),
  ]

  test.each([
    {
      label: 'a new name is added with what the file gives (the rest null)',
      entries: [entry('ledger-service', { team: 'ledger', wave: 2 })],
      expected: {
        added: 1,
        updated: 0,
        unchanged: 0,
        retired: 0,
        changes: [{ kind: 'add', name: 'ledger-service', fields: { ...EMPTY_FIELDS, team: 'ledger', rolloutWave: 2 } }],
      },
    },
    {
      label: 'a known name gets only the fields that differ; left-out fields keep their value',
      entries: [entry('auth-service', { team: 'identity', wave: 0 }), entry('card-service', { team: 'cards' })],
      expected: {
        added: 0,
        updated: 1,
        unchanged: 1,
        retired: 0,
        changes: [{ kind: 'update', name: 'auth-service', changes: { rolloutWave: { from: 1, to: 0 } } }],
      },
    },
    {
      label: 'expected operations compare as lists',
      entries: [entry('auth-service', { expectedOperations: ['POST /login', 'POST /logout'] })],
      expected: {
        updated: 1,
        changes: [
          {
            kind: 'update',
            name: 'auth-service',
            changes: { expectedOperations: { from: ['POST /login'], to: ['POST /login', 'POST /logout'] } },
          },
        ],
      },
    },
    {
      label: 'a discovered service named in the file joins the inventory',
      entries: [entry('sanctions-screening-service', { team: 'risk' })],
      expected: {
        updated: 1,
        changes: [
          {
            kind: 'update',
            name: 'sanctions-screening-service',
            changes: { team: { from: null, to: 'risk' }, origin: { from: 'discovered', to: 'inventory' } },
          },
        ],
      },
    },
    {
      label: 'a retired service named in the file comes back',
      entries: [entry('old-service', { team: 'legacy' })],
      expected: {
        updated: 1,
        unchanged: 0,
        changes: [{ kind: 'update', name: 'old-service', changes: { retired: { from: true, to: false } } }],
      },
    },
  ])('$label', ({ entries, expected }) => {
    expect(planCatalogImport(current, entries, { retireMissing: false })).toMatchObject(expected)
  })

  test('services missing from the file are left alone, or retired when asked (inventory ones only, not already retired)', () => {
    const entries = [entry('auth-service')]
    expect(planCatalogImport(current, entries, { retireMissing: false })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      retired: 0,
      changes: [],
    })
    expect(planCatalogImport(current, entries, { retireMissing: true })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      retired: 1,
      changes: [{ kind: 'retire', name: 'card-service', changes: { retired: { from: false, to: true } } }],
    })
  })
})
