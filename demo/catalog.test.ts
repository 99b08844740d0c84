import { expect, test } from 'vitest'
import { parseCatalogFile } from '@/lib/inventory/catalog-file'
import { buildCatalog, catalogYaml, demoDueDate } from './catalog'
import { createSimulator } from './simulator/simulator'

const ANCHOR = new Date('2025-11-20T12:00:00Z')
const catalog = buildCatalog(ANCHOR)
const simulator = createSimulator({ anchorMs: ANCHOR.getTime(), seed: 1, tracesPerMinute: 40, now: () => ANCHOR.getTime() })
const emitting = new Set(simulator.listServices())
const names = (services: readonly { name: string }[]) => services.map((service) => service.name).sort()
const dayOffset = (plannedDate: string) => Math.round((Date.parse(`${plannedDate}T12:00:00Z`) - ANCHOR.getTime()) / 86_400_000)

test('lists the 23 inventory services with owner, tier, wave, plan and expected operations', () => {
  expect(catalog).toHaveLength(23)
  expect(new Set(catalog.map((service) => service.name)).size).toBe(23)
  for (const service of catalog) {
    expect(service.owner).toMatch(/^[a-z.]+@[a-z.]+$/)
    expect([1, 2, 3]).toContain(service.tier)
    expect([0, 1, 2, 3]).toContain(service.wave)
    expect(service.plannedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(service.expectedOperations.length).toBeGreaterThan(0)
  }
  expect(catalog.find((service) => service.name === 'payment-gateway')).toMatchObject({
    plannedDate: '2025-11-13',
    expectedOperations: ['POST /payments', 'POST /payments/{paymentId}/refunds'],
  })
})

test("the report's plan: the pilot 3 weeks before the anchor, the 5 core services in week 1, week 2 ending 3 days after it", () => {
  const wave = (number: number) => catalog.filter((service) => service.wave === number)
  expect(names(wave(0))).toEqual(['predictive-analytics'])
  expect(dayOffset(wave(0)[0]!.plannedDate)).toBe(-21)
  expect(names(wave(1))).toEqual(['api-gateway', 'auth-service', 'fraud-detection', 'transactions-service', 'user-profile-service'])
  for (const service of wave(1)) expect(dayOffset(service.plannedDate)).toBeLessThanOrEqual(-8)
  const due = demoDueDate(ANCHOR)
  expect(due).toBe('2025-11-23')
  for (const service of catalog) expect(service.plannedDate <= due).toBe(true)
  for (const service of [...wave(0), ...wave(1)]) expect(emitting.has(service.name)).toBe(true)
})

test('three services are late (planned date passed, no spans), two are still to come; one emits without being in the catalog', () => {
  const late = catalog.filter((service) => dayOffset(service.plannedDate) < 0 && !emitting.has(service.name))
  expect(names(late)).toEqual(['document-service', 'loan-service', 'reporting-service'])
  const toCome = catalog.filter((service) => dayOffset(service.plannedDate) >= 0)
  expect(names(toCome)).toEqual(['onboarding-service', 'reconciliation-service'])
  for (const service of toCome) expect(emitting.has(service.name)).toBe(false)
  expect([...emitting].filter((service) => !catalog.some((entry) => entry.name === service))).toEqual(['sanctions-screening-service'])
  expect(catalog.filter((service) => emitting.has(service.name))).toHaveLength(18)
})

test('as our YAML catalog file it reads back entry for entry, as the inventory import reads it', () => {
  const parsed = parseCatalogFile(catalogYaml(catalog), { fileName: 'spanlens-catalog.yaml' })
  expect(parsed.ok).toBe(true)
  if (!parsed.ok) return
  expect(parsed.format).toBe('yaml')
  expect(
    parsed.entries.map(({ name, team, owner, tier, wave, plannedDate, expectedOperations }) => ({
      name,
      team,
      owner,
      tier,
      wave,
      plannedDate,
      expectedOperations,
    })),
  ).toEqual(catalog)
})
