import { expect, test } from 'vitest'
import { buildCatalog } from './catalog'
import { createSimulator } from './simulator/simulator'

const ANCHOR = new Date('2025-11-20T12:00:00Z')
const catalog = buildCatalog(ANCHOR)

test('lists the 23 inventory services with owner, tier, wave, plan and expected operations', () => {
  expect(catalog).toHaveLength(23)
  expect(new Set(catalog.map((service) => service.name)).size).toBe(23)
  for (const required of ['predictive-analytics', 'auth-service', 'user-profile-service', 'transactions-service', 'fraud-detection']) {
    expect(catalog.map((service) => service.name)).toContain(required)
  }
  for (const service of catalog) {
    expect(service.owner).toMatch(/^[a-z.]+@[a-z.]+$/)
    expect([1, 2, 3]).toContain(service.tier)
    expect([1, 2, 3]).toContain(service.wave)
    expect(service.plannedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(service.expectedOperations.length).toBeGreaterThan(0)
  }
  expect(catalog.find((service) => service.name === 'payment-gateway')).toMatchObject({
    plannedDate: '2025-11-11',
    expectedOperations: ['POST /payments', 'POST /payments/{paymentId}/refunds'],
  })
})

test('one service emits traces without being in the catalog, and at least four in it emit nothing yet', () => {
  const simulator = createSimulator({ anchorMs: ANCHOR.getTime(), seed: 1, tracesPerMinute: 40, now: () => ANCHOR.getTime() })
  const emitting = simulator.listServices()
  const names = catalog.map((service) => service.name)
  expect(emitting.filter((service) => !names.includes(service))).toEqual(['sanctions-screening-service'])
  expect(names.filter((service) => !emitting.includes(service)).length).toBeGreaterThanOrEqual(4)
})

test('the plan is a two-week rollout the anchor falls in the second week of, with one service behind it', () => {
  const days = catalog.map((service) => (Date.parse(`${service.plannedDate}T12:00:00Z`) - ANCHOR.getTime()) / 86_400_000)
  const kickoff = Math.min(...days)
  expect(Math.max(...days) - kickoff).toBeLessThanOrEqual(13) // week 2 ends 13 days after kick-off
  expect(-kickoff).toBeGreaterThanOrEqual(7) // the anchor is in week 2
  const simulator = createSimulator({ anchorMs: ANCHOR.getTime(), seed: 1, tracesPerMinute: 40, now: () => ANCHOR.getTime() })
  const emitting = new Set(simulator.listServices())
  const behind = catalog.filter((service, i) => days[i]! < 0 && !emitting.has(service.name)).map((service) => service.name)
  expect(behind).toEqual(['predictive-analytics'])
})
