// The demo load-test job's results: for each traced inventory service, a k6 run with tracing on and one
// with it off, a day after the service went live (tier-1 services again three days later), reported as
// POST /api/v1/overhead-measurements takes them. Pure and seeded. Most services pay 1–4 ms for tracing;
// fraud-detection pays over 5 ms (Python auto-instrumentation records a span per rule it evaluates);
// the service that went live last has not been load-tested yet.
import { FLEET, type FleetService } from '../simulator/fleet'
import { createRandom, hash32 } from '../simulator/random'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Tracing overhead the job finds, ms: a service's own figure where it has one, else drawn in [1, 4). */
const OVERHEAD_MS: Partial<Record<string, number>> = { 'fraud-detection': 6.4 }

/** What POST /api/v1/overhead-measurements takes (lib/overhead/schemas.ts: overheadMeasurementInput). */
export type PlannedMeasurement = {
  service: string
  p50OnMs: number
  p50OffMs: number
  p95OnMs: number
  p95OffMs: number
  meanOnMs: number
  meanOffMs: number
  samplesOn: number
  samplesOff: number
  method: 'load_test'
  environment: string
  measuredAt: string
  notes: string
}

const round2 = (value: number) => Math.round(value * 100) / 100

/** Services traced at the anchor that are in the inventory, the most recently live one left out (not measured yet). */
function measuredServices(): FleetService[] {
  const traced = FLEET.filter((service) => service.inCatalog && service.instrumentedDaysAgo !== null)
  const newest = Math.min(...traced.map((service) => service.instrumentedDaysAgo!))
  return traced.filter((service) => service.instrumentedDaysAgo !== newest)
}

/** Measurements in time order, all before the anchor. */
export function planOverheadMeasurements({ anchorMs, seed }: { anchorMs: number; seed: number }): PlannedMeasurement[] {
  const planned: PlannedMeasurement[] = []
  for (const service of measuredServices()) {
    const rng = createRandom(hash32(seed, FLEET.indexOf(service), 0x10ad))
    const baseP50Ms = 8 + rng.next() * 40 // the service's own latency under the test's load
    const overheadMs = OVERHEAD_MS[service.name] ?? 1 + rng.next() * 3
    const goLiveMs = anchorMs - service.instrumentedDaysAgo! * DAY_MS
    const runs = service.tier === 1 ? [1, 4] : [1]
    for (const daysAfter of runs) {
      const measuredAtMs = goLiveMs + daysAfter * DAY_MS + rng.int(8) * HOUR_MS
      if (measuredAtMs > anchorMs - HOUR_MS) continue
      const runOverheadMs = overheadMs * (0.9 + rng.next() * 0.2) // run-to-run noise
      const p50OffMs = baseP50Ms * (0.97 + rng.next() * 0.06)
      const meanOffMs = p50OffMs * 1.12
      const p95OffMs = p50OffMs * (2.1 + rng.next() * 0.4)
      planned.push({
        service: service.name,
        p50OffMs: round2(p50OffMs),
        p50OnMs: round2(p50OffMs + runOverheadMs * (0.95 + rng.next() * 0.1)),
        p95OffMs: round2(p95OffMs),
        p95OnMs: round2(p95OffMs + runOverheadMs * 1.6),
        meanOffMs: round2(meanOffMs),
        meanOnMs: round2(meanOffMs + runOverheadMs),
        samplesOn: 59_000 + rng.int(2_000),
        samplesOff: 59_000 + rng.int(2_000),
        method: 'load_test',
        environment: 'staging',
        measuredAt: new Date(measuredAtMs).toISOString(),
        notes: 'k6 constant-arrival-rate, 200 requests/s for 5 minutes per arm (demo load-test job)',
      })
    }
  }
  return planned.sort((a, b) => a.measuredAt.localeCompare(b.measuredAt))
}
