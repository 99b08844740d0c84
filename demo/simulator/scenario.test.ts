import { describe, expect, test } from 'vitest'
import { ERROR_BURSTS, MINUTE_US, SLOW_OPERATION } from './scenario'
import { createSimulator } from './simulator'

const ANCHOR_MS = Date.parse('2025-11-20T12:00:00Z')
const ANCHOR_US = ANCHOR_MS * 1000
const HOUR_US = 60 * MINUTE_US
const simulator = createSimulator({ anchorMs: ANCHOR_MS, seed: 11, tracesPerMinute: 40, now: () => ANCHOR_MS + HOUR_US / 1000 })

function spans(service: string, startUs: number, endUs: number) {
  return simulator
    .findTraces({ serviceName: service, startTimeMinUs: startUs, startTimeMaxUs: endUs, searchDepth: -1 })
    .flatMap((trace) => trace.spans)
    .filter((span) => span.resource.serviceName === service && span.startUs >= startUs && span.startUs <= endUs)
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!

describe('the slow operation', () => {
  const durations = (startUs: number, endUs: number) =>
    spans(SLOW_OPERATION.service, startUs, endUs)
      .filter((span) => span.name === SLOW_OPERATION.spanName)
      .map((span) => span.durationUs)

  test(`${SLOW_OPERATION.spanName} is several times slower (p95) from 3 h before the anchor on, and stays slow`, () => {
    const slowFromUs = ANCHOR_US - SLOW_OPERATION.startsBeforeAnchorUs
    const before = durations(slowFromUs - 40 * MINUTE_US, slowFromUs - MINUTE_US)
    const after = durations(slowFromUs + MINUTE_US, slowFromUs + 40 * MINUTE_US)
    const live = durations(ANCHOR_US + 20 * MINUTE_US, ANCHOR_US + 50 * MINUTE_US)
    expect(before.length).toBeGreaterThan(200)
    expect(p95(after) / p95(before)).toBeGreaterThan(4)
    expect(p95(live) / p95(before)).toBeGreaterThan(4)
  })

  test('other operations of the service keep their latency', () => {
    const insert = (startUs: number) =>
      spans(SLOW_OPERATION.service, startUs, startUs + 30 * MINUTE_US)
        .filter((span) => span.name === 'INSERT transactions')
        .map((span) => span.durationUs)
    const ratio = p95(insert(ANCHOR_US - 30 * MINUTE_US)) / p95(insert(ANCHOR_US - 5 * HOUR_US))
    expect(ratio).toBeGreaterThan(0.7)
    expect(ratio).toBeLessThan(1.4)
  })
})

describe('error bursts', () => {
  for (const burst of ERROR_BURSTS) {
    test(`${burst.service} fails ~${Math.round(burst.errorRatio * 100)} % in its window, rarely outside`, () => {
      const startUs = ANCHOR_US - burst.lastStartBeforeAnchorMinutes * MINUTE_US
      const serverSpans = (from: number, to: number) => spans(burst.service, from, to).filter((span) => span.kind === 2)
      const errorRatio = (list: ReturnType<typeof serverSpans>) => list.filter((span) => span.statusCode === 2).length / list.length
      const inside = serverSpans(startUs + MINUTE_US, startUs + (burst.durationMinutes - 1) * MINUTE_US)
      const outside = serverSpans(startUs - 60 * MINUTE_US, startUs - 5 * MINUTE_US)
      expect(errorRatio(inside)).toBeGreaterThan(burst.errorRatio * 0.6)
      expect(errorRatio(outside)).toBeLessThan(0.03)
      const failed = inside.find((span) => span.statusCode === 2)!
      const statusCode = failed.attributes.find((attribute) => attribute.key === 'http.response.status_code')?.value as number
      expect(statusCode).toBeGreaterThanOrEqual(500)
      expect(failed.attributes.some((attribute) => attribute.key === 'error.type')).toBe(true)
    })
  }
})
