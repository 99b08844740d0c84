import { describe, expect, it } from 'vitest'
import { burnTierFactor } from './burn-tiers'
import { judgeBurnTiers } from './burn-rates'
import { errorBudget, sumBuckets, type SloBucket } from './error-budget'
import { sloInput } from './schemas'

const HOUR_MS = 3_600_000
const DAY = 86_400
const slo = sloInput.parse({
  name: 'payments',
  service: 'payments',
  sli: { kind: 'availability' },
  objective: 0.999,
  window: { kind: 'rolling', duration: '30d' },
})

/**
 * 30 days at 1,000 events an hour, error-free except `bad` events an hour over the last `hours`: hourly
 * buckets, and minute buckets over the last 6 hours (as the accounting keeps them), so 5-minute windows can be read.
 */
function hours({ bad, hours: burning }: { bad: number; hours: number }): SloBucket[] {
  const buckets: SloBucket[] = []
  for (let index = 0; index < 720; index++) {
    const badHere = index >= 720 - burning ? bad : 0
    if (index < 714)
      buckets.push({
        startMs: index * HOUR_MS,
        endMs: (index + 1) * HOUR_MS,
        good: 1000 - badHere,
        total: 1000,
        minutes: 60,
        badMinutes: 0,
      })
    else
      for (let minute = 0; minute < 60; minute++) {
        const startMs = index * HOUR_MS + minute * 60_000
        buckets.push({ startMs, endMs: startMs + 60_000, good: (1000 - badHere) / 60, total: 1000 / 60, minutes: 1, badMinutes: 0 })
      }
  }
  return buckets
}
const totalsOver = (buckets: SloBucket[]) => (seconds: number) => sumBuckets(buckets, 720 * HOUR_MS - seconds * 1000, 720 * HOUR_MS)

describe('burn-rate tiers against the SRE Workbook (table 5-8, 99.9 % over 30 days)', () => {
  it.each([
    // tier, factor, long window (h), budget consumed when it alerts
    ['page_fast', 14.4, 1, 0.02],
    ['page_slow', 6, 6, 0.05],
    ['ticket_fast', 3, 24, 0.1],
    ['ticket_slow', 1, 72, 0.1],
  ] as const)('%s alerts at %s× over %i h, having spent %s of the budget', (tier, factor, longHours, consumed) => {
    expect(burnTierFactor(tier, 30 * DAY)).toBe(factor)
    // Burning at exactly the factor over exactly the long window: error rate = factor × 0.1 %.
    const buckets = hours({ bad: factor, hours: longHours })
    const judged = judgeBurnTiers(slo, 30 * DAY, totalsOver(buckets)).find((judgement) => judgement.tier === tier)!
    expect(judged.longBurn).toBeCloseTo(factor, 9)
    expect(judged.holds).toBe(true)
    const budget = errorBudget(slo, sumBuckets(buckets, 0, 720 * HOUR_MS), 30 * 24 * 60)
    expect(1 - budget.remaining).toBeCloseTo(consumed, 9)
  })

  it('keeps the budget shares, not the factors, for other windows (28 d pages at 13.44× over 1 h)', () => {
    expect(burnTierFactor('page_fast', 28 * DAY)).toBe(13.44)
    expect(burnTierFactor('page_slow', 28 * DAY)).toBe(5.6)
    expect(burnTierFactor('ticket_slow', 7 * DAY)).toBe(0.2333)
  })

  it('needs the short window burning too, so an alert resolves once the burning stops', () => {
    // 14.4× for an hour that ended 10 minutes ago: the 1 h window still burns, the 5 m one does not.
    const minutes: SloBucket[] = Array.from({ length: 70 }, (_, index) => {
      const bad = index < 60 ? 14.4 / 60 : 0
      return { startMs: index * 60_000, endMs: (index + 1) * 60_000, good: 1000 / 60 - bad, total: 1000 / 60, minutes: 1, badMinutes: 0 }
    })
    const at = 70 * 60_000
    const judged = judgeBurnTiers(slo, 30 * DAY, (seconds) => sumBuckets(minutes, at - seconds * 1000, at))[0]!
    expect(judged.longBurn!).toBeGreaterThan(12)
    expect(judged.shortBurn).toBe(0)
    expect(judged.holds).toBe(false)
  })

  it('stays quiet on low traffic: 3 requests with 1 error burn at 333× but page no one', () => {
    const buckets: SloBucket[] = [{ startMs: 0, endMs: 60_000, good: 2, total: 3, minutes: 1, badMinutes: 1 }]
    const judged = judgeBurnTiers(slo, 30 * DAY, (seconds) => sumBuckets(buckets, 60_000 - seconds * 1000, 60_000))[0]!
    expect(judged.longBurn).toBeCloseTo(333.33, 1)
    expect(judged.lowTraffic).toBe(true)
    expect(judged.holds).toBe(false)
  })

  it('judges a disabled tier but never lets it hold', () => {
    const quiet = { ...slo, alerting: { ...slo.alerting, tiers: ['ticket_slow' as const] } }
    const judged = judgeBurnTiers(quiet, 30 * DAY, totalsOver(hours({ bad: 20, hours: 72 })))
    expect(judged.map((judgement) => [judgement.tier, judgement.holds])).toEqual([
      ['page_fast', false],
      ['page_slow', false],
      ['ticket_fast', false],
      ['ticket_slow', true],
    ])
  })
})

describe('time-slice SLOs', () => {
  it('burn by bad minutes and guard on requests, not minutes: five bad minutes of busy traffic page', () => {
    const slices = sloInput.parse({ ...slo, budgeting: 'timeslices', timeSliceTarget: 0.95, alerting: { minEvents: 50 } })
    // An hour of minutes, 40 requests each; the last 5 minutes bad (SLI under 95 %).
    const minutes: SloBucket[] = Array.from({ length: 60 }, (_, index) => ({
      startMs: index * 60_000,
      endMs: (index + 1) * 60_000,
      good: index >= 55 ? 20 : 40,
      total: 40,
      minutes: 1,
      badMinutes: index >= 55 ? 1 : 0,
    }))
    const at = 60 * 60_000
    const pageFast = judgeBurnTiers(slices, 30 * DAY, (seconds) => sumBuckets(minutes, at - seconds * 1000, at))[0]!
    // 5 bad minutes of 60 in the hour: (5/60) / 0.1 % = 83.3×; the 5-minute window: all bad, 1000×; 200 requests.
    expect(pageFast.longBurn).toBeCloseTo(83.33, 1)
    expect(pageFast.shortEvents).toBe(200)
    expect(pageFast.holds).toBe(true)
  })
})
