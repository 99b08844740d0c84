import { expect, test } from 'vitest'
import { computeOverheadMs } from '@/lib/overhead/overhead-ms'
import { overheadMeasurementInput } from '@/lib/overhead/schemas'
import { FLEET } from '../simulator/fleet'
import { planOverheadMeasurements } from './plan-measurements'

const ANCHOR_MS = Date.parse('2025-11-20T12:00:00Z')
const measurements = planOverheadMeasurements({ anchorMs: ANCHOR_MS, seed: 20251 })
const latest = new Map(measurements.map((measurement) => [measurement.service, computeOverheadMs(measurement)]))

test('deterministic, and each measurement is a body the overhead API accepts, taken before the anchor', () => {
  expect(planOverheadMeasurements({ anchorMs: ANCHOR_MS, seed: 20251 })).toEqual(measurements)
  for (const measurement of measurements) {
    expect(overheadMeasurementInput.safeParse(measurement).success).toBe(true)
    expect(Date.parse(measurement.measuredAt)).toBeLessThan(ANCHOR_MS)
  }
})

test('every traced inventory service measured but the one that went live last; tier-1 services measured twice', () => {
  const traced = FLEET.filter((service) => service.inCatalog && service.instrumentedDaysAgo !== null)
  const newest = traced.reduce((a, b) => (a.instrumentedDaysAgo! <= b.instrumentedDaysAgo! ? a : b))
  expect([...latest.keys()].sort()).toEqual(
    traced
      .filter((service) => service !== newest)
      .map((service) => service.name)
      .sort(),
  )
  expect(measurements.filter((measurement) => measurement.service === 'auth-service')).toHaveLength(2)
})

test('most services pay 1–4 ms for tracing, fraud-detection over 5 ms; the fleet mean stays under 5 ms', () => {
  const overheads = [...latest.values()].map((overheadMs) => overheadMs!)
  expect([...latest].filter(([, overheadMs]) => overheadMs! > 5).map(([service]) => service)).toEqual(['fraud-detection'])
  expect(overheads.filter((overheadMs) => overheadMs >= 0.9 && overheadMs <= 4.5).length).toBe(overheads.length - 1)
  const mean = overheads.reduce((sum, overheadMs) => sum + overheadMs, 0) / overheads.length
  expect(mean).toBeGreaterThan(2)
  expect(mean).toBeLessThan(4)
})
