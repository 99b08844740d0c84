import { describe, expect, it } from 'vitest'
import { detectDeployments, type ObservedVersion } from './deployment-detection'

const M = 60_000
const v = (version: string, firstMinute: number, lastMinute: number, spans = 100): ObservedVersion => ({
  version,
  firstSeenMs: firstMinute * M,
  lastSeenMs: lastMinute * M,
  spans,
})

describe('detectDeployments', () => {
  it.each([
    { name: 'one version: no deployment', versions: [v('1', 0, 100)], asOf: 100, expected: [] },
    {
      name: 'a canary running beside its baseline is in progress',
      versions: [v('1', 0, 100), v('2', 90, 100)],
      asOf: 101,
      expected: [{ version: '2', baselineVersion: '1', status: 'in_progress', endedMs: null }],
    },
    {
      name: 'the baseline gone for longer than the grace period: finished when its last minute ended',
      versions: [v('1', 0, 70), v('2', 50, 100)],
      asOf: 101,
      expected: [{ version: '2', baselineVersion: '1', status: 'finished', endedMs: 71 * M }],
    },
    {
      name: 'the baseline quiet for less than the grace period: still in progress',
      versions: [v('1', 0, 95), v('2', 50, 100)],
      asOf: 101,
      expected: [{ version: '2', status: 'in_progress' }],
    },
    {
      name: 'the new version gone while the baseline runs on: rolled back',
      versions: [v('1', 0, 100), v('2', 40, 60)],
      asOf: 101,
      expected: [{ version: '2', baselineVersion: '1', status: 'rolled_back', endedMs: 61 * M }],
    },
    {
      name: 'a straight cut-over (no overlap) finished at once',
      versions: [v('1', 0, 49), v('2', 50, 100)],
      asOf: 100,
      expected: [{ version: '2', baselineVersion: '1', status: 'finished', endedMs: 50 * M }],
    },
    {
      name: 'a second canary after a rolled-back one is compared with the stable version, not the dead canary',
      versions: [v('1', 0, 500), v('2-rc.1', 40, 60), v('2-rc.2', 400, 500)],
      asOf: 501,
      expected: [
        { version: '2-rc.1', baselineVersion: '1', status: 'rolled_back' },
        { version: '2-rc.2', baselineVersion: '1', status: 'in_progress' },
      ],
    },
    {
      name: 'successive rollouts: each replaces the one before',
      versions: [v('1', 0, 60), v('2', 50, 200), v('3', 190, 300)],
      asOf: 301,
      expected: [
        { version: '2', baselineVersion: '1', status: 'finished' },
        { version: '3', baselineVersion: '2', status: 'finished', endedMs: 201 * M },
      ],
    },
  ])('$name', ({ versions, asOf, expected }) => {
    const detected = detectDeployments(versions, { asOfMs: asOf * M })
    expect(detected).toHaveLength(expected.length)
    expected.forEach((deployment, index) => expect(detected[index]).toMatchObject(deployment))
  })
})
