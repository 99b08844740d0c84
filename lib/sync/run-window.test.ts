import { afterAll, describe, expect, test } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { JaegerClient, type TraceSearch } from '@/lib/jaeger/client'
import { MINUTE_US } from '@/lib/time/time-buckets'
import { runWindow } from './run-window'

const ANCHOR_MS = Date.UTC(2026, 10, 20, 15, 0) // afternoon: the busiest part of the demo's day
const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(ANCHOR_MS), now: () => ANCHOR_MS + 3_600_000 })
afterAll(() => jaeger.close())
const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 10_000 })
const searches: TraceSearch[] = []
const search = (query: TraceSearch) => (searches.push(query), client.searchTraces(query))

const WINDOW = { startUs: (ANCHOR_MS - 30 * 60_000) * 1000, endUs: (ANCHOR_MS - 15 * 60_000) * 1000 }
const SERVICE = 'api-gateway'
const exact = jaeger.simulator.exactCounts({ service: SERVICE, ...WINDOW })
const spansOf = (result: Awaited<ReturnType<typeof runWindow>>) => result.rollups.spanRollups.reduce((sum, r) => sum + r.spanCount, 0)

describe('runWindow', () => {
  test('a window that fits one search: one request, every span, nothing estimated', async () => {
    searches.length = 0
    const result = await runWindow(search, SERVICE, WINDOW, { limit: 100_000, floorUs: 10_000_000, maxRequests: 64 })
    expect(result).toMatchObject({ requests: 1, extrapolation: 1, traces: exact.byService[SERVICE]!.traces })
    expect(spansOf(result)).toBe(exact.spans)
  })

  test('full answers split the window until every piece is complete: still exact, never counted twice', async () => {
    searches.length = 0
    const result = await runWindow(search, SERVICE, WINDOW, { limit: 40, floorUs: 5_000_000, maxRequests: 1000 })
    expect(result.requests).toBeGreaterThan(8)
    expect(result.extrapolation).toBe(1)
    expect(spansOf(result)).toBe(exact.spans)
    expect(result.rollups.spanRollups.reduce((sum, r) => sum + r.errorCount, 0)).toBe(exact.errors)
    // the pieces tile the window: no gap, no overlap
    const leaves = searches.filter(
      (s, i) => !searches.slice(i + 1).some((later) => later.startUs >= s.startUs && later.endUs <= s.endUs && later !== s),
    )
    const covered = leaves.reduce((sum, s) => sum + (s.endUs - s.startUs), 0)
    expect(covered).toBe(WINDOW.endUs - WINDOW.startUs)
  })

  test('past the request budget, full pieces are sampled from their covered tail and the factor is recorded', async () => {
    const result = await runWindow(search, SERVICE, WINDOW, { limit: 40, floorUs: 5_000_000, maxRequests: 6 })
    expect(result.requests).toBeLessThanOrEqual(6)
    expect(result.extrapolation).toBeGreaterThan(1)
    expect(spansOf(result)).toBeLessThan(exact.spans)
    // The estimate (sampling weights aside) lands near the truth: traffic is close to uniform in 15 minutes.
    const estimate = result.rollups.serviceRollups.reduce((sum, r) => sum + r.spans, 0) * result.extrapolation
    expect(Math.abs(estimate - exact.spans) / exact.spans).toBeLessThan(0.25)
  })

  test('an empty window is one request and no rows', async () => {
    const result = await runWindow(search, 'loan-service', WINDOW, { limit: 100, floorUs: 10_000_000, maxRequests: 8 })
    expect(result).toMatchObject({ requests: 1, traces: 0, extrapolation: 1 })
    expect(result.rollups.spanRollups).toEqual([])
  })

  test('minute buckets of a split window are whole: each minute once, with all its spans', async () => {
    const result = await runWindow(search, SERVICE, WINDOW, { limit: 40, floorUs: 5_000_000, maxRequests: 1000 })
    const perMinute = new Map<number, number>()
    for (const r of result.rollups.serviceRollups) {
      expect(perMinute.has(r.bucketStartUs)).toBe(false)
      perMinute.set(r.bucketStartUs, r.spans)
    }
    expect(perMinute.size).toBe((WINDOW.endUs - WINDOW.startUs) / MINUTE_US)
  })
})
