import { describe, expect, test } from 'vitest'
import type { ServiceSkew } from './clock-skew'
import { MINUTE_US } from './scenario'
import { createSimulator, type SimulatorOptions } from './simulator'

const ANCHOR_MS = Date.parse('2025-11-20T12:00:00Z')
const ANCHOR_US = ANCHOR_MS * 1000
const NOW_US = ANCHOR_US + 30 * MINUTE_US
const options: SimulatorOptions = { anchorMs: ANCHOR_MS, seed: 7, tracesPerMinute: 40, now: () => NOW_US / 1000 }

function skewedSimulator(initial: ServiceSkew[] = []) {
  let skews = initial
  const simulator = createSimulator({ ...options, clockSkews: () => skews })
  return { simulator, setSkews: (next: ServiceSkew[]) => (skews = next) }
}

/**
 * Oracle, independent of candidateMinutes: every trace of a generous range from an unskewed
 * simulator, shifted by hand, counted by reported start in [startUs, endUs) if visible by now.
 */
function countByHand(skew: ServiceSkew, window: { service?: string; startUs: number; endUs: number }) {
  const everything = createSimulator(options).findTraces({
    startTimeMinUs: window.startUs - 20 * MINUTE_US,
    startTimeMaxUs: window.endUs + 20 * MINUTE_US,
    searchDepth: -1,
  })
  let spans = 0
  let traces = 0
  for (const trace of everything) {
    const reported = trace.spans.map((span) => ({
      span,
      startUs: span.startUs + (span.resource.serviceName === skew.service ? skew.offsetUs : 0),
    }))
    const visibleFromUs = Math.max(trace.visibleFromUs, ...reported.map(({ span, startUs }) => startUs + span.durationUs))
    if (visibleFromUs > NOW_US) continue
    const inWindow = reported.filter(
      ({ span, startUs }) =>
        startUs >= window.startUs &&
        startUs < window.endUs &&
        (window.service === undefined || span.resource.serviceName === window.service),
    )
    spans += inWindow.length
    if (inWindow.length > 0) traces++
  }
  return { spans, traces }
}

describe('a skew fault', () => {
  test('moves the skewed service’s span starts and event times, and nothing else; clearing it restores them', () => {
    const { simulator, setSkews } = skewedSimulator()
    const recent = simulator.findTraces({ startTimeMinUs: ANCHOR_US - 60 * MINUTE_US, startTimeMaxUs: ANCHOR_US, searchDepth: -1 })
    const before = recent.find((trace) => trace.spans.some((span) => span.events.length > 0))!
    const service = before.spans.find((span) => span.events.length > 0)!.resource.serviceName
    setSkews([{ service, offsetUs: 90_000_000 }])
    const after = simulator.getTrace(before.traceId)!
    expect(after.spans.some((span) => span.resource.serviceName !== service)).toBe(true)
    after.spans.forEach((span, index) => {
      const original = before.spans[index]!
      const offsetUs = span.resource.serviceName === service ? 90_000_000 : 0
      expect(span.startUs).toBe(original.startUs + offsetUs)
      expect(span.durationUs).toBe(original.durationUs)
      expect(span.events.map((event) => event.timeUs)).toEqual(original.events.map((event) => event.timeUs + offsetUs))
    })
    setSkews([])
    expect(simulator.getTrace(before.traceId)).toEqual(before)
  })

  test.each([
    [
      '+5 min: spans of traces that began before the window slide in',
      { service: 'payment-gateway', offsetUs: 5 * MINUTE_US },
      'payment-gateway',
    ],
    [
      '−5 min: spans of traces that begin after the window slide in',
      { service: 'payment-gateway', offsetUs: -5 * MINUTE_US },
      'payment-gateway',
    ],
    ['+90 s on a service whose hosts already lag', { service: 'fraud-detection', offsetUs: 90_000_000 }, 'fraud-detection'],
    ['−5 min, counted over the whole fleet', { service: 'payment-gateway', offsetUs: -5 * MINUTE_US }, undefined],
  ])('%s: exactCounts equals a count by hand and a complete search', (_, skew, service) => {
    const { simulator } = skewedSimulator([skew])
    const window = { service, startUs: ANCHOR_US - 5 * MINUTE_US, endUs: ANCHOR_US - 3 * MINUTE_US }
    const counts = simulator.exactCounts(window)
    const unskewed = createSimulator(options).exactCounts(window)
    expect(counts.spans).not.toBe(unskewed.spans)
    expect({ spans: counts.spans, traces: counts.traces }).toEqual(countByHand(skew, window))
    const found = simulator.findTraces({
      serviceName: service,
      startTimeMinUs: window.startUs,
      startTimeMaxUs: window.endUs - 1,
      searchDepth: -1,
    })
    const spans = found
      .flatMap((trace) => trace.spans)
      .filter(
        (span) =>
          span.startUs >= window.startUs && span.startUs < window.endUs && (service === undefined || span.resource.serviceName === service),
      )
    expect(spans).toHaveLength(counts.spans)
    expect(found).toHaveLength(counts.traces)
  })

  test('keeps a trace hidden until its latest reported end has passed', () => {
    const recentUs = NOW_US - 2 * MINUTE_US
    const { simulator } = skewedSimulator([{ service: 'api-gateway', offsetUs: 10 * MINUTE_US }])
    const query = { serviceName: 'api-gateway', startTimeMinUs: recentUs, startTimeMaxUs: NOW_US, searchDepth: -1 }
    const unskewed = createSimulator(options).findTraces(query)
    expect(unskewed.length).toBeGreaterThan(0)
    for (const trace of unskewed) expect(simulator.getTrace(trace.traceId)).toBeNull()
    for (const trace of simulator.findTraces(query)) expect(trace.visibleFromUs).toBeLessThanOrEqual(NOW_US)
  })
})
