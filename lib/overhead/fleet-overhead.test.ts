import { describe, expect, test } from 'vitest'
import { computeFleetOverhead } from './fleet-overhead'

describe('computeFleetOverhead', () => {
  test.each([
    ['no services', [], { averageMs: null, traced: 0, measured: 0, unmeasured: [] }],
    [
      'traced and measured: their mean; untraced services are left out even when measured',
      [
        { service: 'a', traced: true, latestOverheadMs: 2 },
        { service: 'b', traced: true, latestOverheadMs: 5 },
        { service: 'c', traced: false, latestOverheadMs: 100 },
      ],
      { averageMs: 3.5, traced: 2, measured: 2, unmeasured: [] },
    ],
    [
      'a traced service without a measurement is named, not averaged as 0',
      [
        { service: 'a', traced: true, latestOverheadMs: 4 },
        { service: 'b', traced: true, latestOverheadMs: null },
      ],
      { averageMs: 4, traced: 2, measured: 1, unmeasured: ['b'] },
    ],
    [
      'none measured: no average',
      [{ service: 'a', traced: true, latestOverheadMs: null }],
      { averageMs: null, traced: 1, measured: 0, unmeasured: ['a'] },
    ],
    [
      'a negative overhead (noise) counts as measured',
      [
        { service: 'a', traced: true, latestOverheadMs: -1 },
        { service: 'b', traced: true, latestOverheadMs: 3 },
      ],
      { averageMs: 1, traced: 2, measured: 2, unmeasured: [] },
    ],
  ])('%s', (_label, services, expected) => {
    expect(computeFleetOverhead(services)).toEqual(expected)
  })
})
