import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { parsePagerDutyEvent, verifyPagerDutySignature } from '@/lib/incidents/pagerduty-webhook'
import { FLEET } from '../simulator/fleet'
import { pagerDutyDeliveries, pagerDutyServiceName, signPagerDutyBody } from './pagerduty-delivery'
import { TIME_TO_RESOLVE, planIncidents, recordedGoLiveMs } from './plan-incidents'

const ANCHOR_MS = Date.parse('2025-11-20T12:00:00Z')
const DAY_MS = 86_400_000
const incidents = planIncidents({ anchorMs: ANCHOR_MS, seed: 20251 })
const minutesToResolve = (cohort: 'before' | 'after') =>
  incidents
    .filter((incident) => incident.cohort === cohort && incident.resolvedAtMs !== null)
    .map((incident) => (incident.resolvedAtMs! - incident.triggeredAtMs) / 60_000)
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!
}

describe('planIncidents', () => {
  test('is deterministic: the same anchor and seed give the same incidents, another seed others', () => {
    expect(planIncidents({ anchorMs: ANCHOR_MS, seed: 20251 })).toEqual(incidents)
    expect(planIncidents({ anchorMs: ANCHOR_MS, seed: 7 }).map((incident) => incident.id)).not.toEqual(
      incidents.map((incident) => incident.id),
    )
  })

  test('covers the 5 weeks before the anchor, only for traced inventory services, numbered in time order', () => {
    const traced = new Set(
      FLEET.filter((service) => service.inCatalog && service.instrumentedDaysAgo !== null).map((service) => service.name),
    )
    expect(incidents.length).toBeGreaterThan(40)
    for (const [index, incident] of incidents.entries()) {
      expect(traced.has(incident.service)).toBe(true)
      expect(incident.triggeredAtMs).toBeGreaterThanOrEqual(ANCHOR_MS - 35 * DAY_MS)
      expect(incident.triggeredAtMs).toBeLessThan(ANCHOR_MS)
      expect(incident.number).toBe(index + 1)
      expect(incident.id).toMatch(/^P[A-Z0-9]{6}$/)
    }
    expect(new Set(incidents.map((incident) => incident.id)).size).toBe(incidents.length)
  })

  test("each incident's cohort is its start against the go-live Spanlens records (the pilot's is where the synced history begins)", () => {
    const pilot = FLEET.find((service) => service.name === 'predictive-analytics')!
    expect(recordedGoLiveMs(pilot, { anchorMs: ANCHOR_MS, syncedDays: 14 })).toBe(ANCHOR_MS - 14 * DAY_MS)
    for (const incident of incidents) {
      const goLiveMs = recordedGoLiveMs(
        FLEET.find((service) => service.name === incident.service)!,
        { anchorMs: ANCHOR_MS },
      )!
      expect(incident.cohort).toBe(incident.triggeredAtMs < goLiveMs ? 'before' : 'after')
    }
  })

  test('resolves slower before go-live than after, with a wide spread on both sides and enough incidents to compare', () => {
    const before = minutesToResolve('before')
    const after = minutesToResolve('after')
    expect(before.length).toBeGreaterThanOrEqual(5)
    expect(after.length).toBeGreaterThanOrEqual(5)
    expect(median(before)).toBeGreaterThan(TIME_TO_RESOLVE.beforeMedianMinutes * 0.7)
    expect(median(after)).toBeLessThan(TIME_TO_RESOLVE.afterMedianMinutes * 1.3)
    expect(1 - median(after) / median(before)).toBeGreaterThan(0.4)
    // Log-normal: some quick incidents before go-live, some slow ones after.
    expect(Math.max(...before) / Math.min(...before)).toBeGreaterThan(5)
    expect(Math.max(...after)).toBeGreaterThan(median(before) * 0.8)
  })
})

describe('PagerDuty deliveries', () => {
  const [incident] = incidents
  const deliveries = pagerDutyDeliveries(incident!, { seed: 20251 })

  test('triggered then resolved, each a v3 incident event the app reads back as the incident', () => {
    expect(deliveries.map((delivery) => delivery.eventType)).toEqual(['incident.triggered', 'incident.resolved'])
    for (const delivery of deliveries) {
      const event = parsePagerDutyEvent(JSON.parse(delivery.body))
      expect(event).toMatchObject({
        kind: 'incident',
        eventType: delivery.eventType,
        occurredAt: new Date(delivery.occurredAtMs),
        incident: { externalId: incident!.id, number: incident!.number, serviceName: pagerDutyServiceName(incident!.service) },
      })
    }
    expect(new Set(deliveries.map((delivery) => JSON.parse(delivery.body).event.id)).size).toBe(2)
    expect(pagerDutyDeliveries(incident!, { seed: 20251 })).toEqual(deliveries)
  })

  test('signed as PagerDuty signs: v1 = hex HMAC-SHA256 of the raw body, which the app verifies', () => {
    const secret = 'a-demo-secret-of-some-length'
    const [delivery] = deliveries
    const signature = signPagerDutyBody(delivery!.body, secret)
    expect(signature).toBe(`v1=${createHmac('sha256', secret).update(delivery!.body).digest('hex')}`)
    expect(verifyPagerDutySignature({ rawBody: Buffer.from(delivery!.body), header: signature, secrets: [secret] })).toMatchObject({
      ok: true,
    })
  })
})
