import { describe, expect, it } from 'vitest'
import { dataRead, detectDeployments, historyStartAt, type ObservedVersion } from './deployment-detection'

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
    {
      name: 'the history read starts mid-canary, the canary seen a minute first: the semantic versions tell the canary from its baseline',
      versions: [v('2.1.0-rc.81', 300, 400), v('2.0.1', 301, 400)],
      asOf: 401,
      starts: [300],
      expected: [{ version: '2.1.0-rc.81', baselineVersion: '2.0.1', status: 'in_progress', firstSeenMs: 300 * M }],
    },
    {
      name: 'a live range read first: versions seen first at its start were running before it, replacing none seen below the unread history',
      versions: [v('v1.9.0', 0, 100), v('v2.0.0', 300, 400), v('v1.10.0', 302, 400)],
      asOf: 401,
      starts: [0, 300],
      // v1.10.0 replaced none seen: between v1.9.0 and it lie the minutes 101–299, not read yet.
      expected: [{ version: 'v2.0.0', baselineVersion: 'v1.10.0', status: 'in_progress' }],
    },
    {
      name: 'versions already running that are not semantic versions: their order is unknown, no deployment between them',
      versions: [v('c0ffee1', 300, 400), v('b4dcafe', 301, 400)],
      asOf: 401,
      starts: [0, 300],
      expected: [],
    },
    {
      name: 'a version first seen after the start and its grace period is a deployment of its own, in the order seen',
      versions: [v('b4dcafe', 300, 400), v('c0ffee1', 311, 400)],
      asOf: 401,
      starts: [300],
      expected: [{ version: 'c0ffee1', baselineVersion: 'b4dcafe', status: 'in_progress' }],
    },
    {
      name: 'once history below the live range is read, the order seen there stands (a rollback to an older version)',
      versions: [v('2.0.0', 0, 400), v('1.9.0', 200, 400)],
      asOf: 401,
      starts: [0],
      expected: [{ version: '1.9.0', baselineVersion: '2.0.0', status: 'in_progress' }],
    },
  ])('$name', ({ versions, asOf, expected, starts }) => {
    const detected = detectDeployments(versions, { asOfMs: asOf * M, historyStartsMs: starts?.map((minute) => minute * M) })
    expect(detected).toHaveLength(expected.length)
    expected.forEach((deployment, index) => expect(detected[index]).toMatchObject(deployment))
  })
})

describe('dataRead', () => {
  const at = (minute: number) => new Date(minute * M)
  it('reads to the watermark from where the backfill began', () => {
    expect(dataRead({ watermark: at(100), backfillFrom: at(0), liveFrom: null, liveWatermark: null }, at(120))).toEqual({
      asOfMs: 100 * M,
      historyStartsMs: [0],
    })
  })
  it('while a live range is read first: to its end, and its start is a history start too', () => {
    expect(dataRead({ watermark: at(40), backfillFrom: at(0), liveFrom: at(300), liveWatermark: at(400) }, at(410))).toEqual({
      asOfMs: 400 * M,
      historyStartsMs: [0, 300 * M],
    })
  })
  it('a service not synced yet: the wall clock, no history', () => {
    expect(dataRead(undefined, at(5))).toEqual({ asOfMs: 5 * M, historyStartsMs: [] })
  })
})

describe('historyStartAt', () => {
  it.each([
    { name: 'first seen at a history start', firstSeen: 300, expected: 300 },
    { name: 'first seen within 10 minutes of it (a quiet version)', firstSeen: 310, expected: 300 },
    { name: 'first seen later: its start was seen', firstSeen: 311, expected: undefined },
    { name: 'first seen before the later start: the earlier one', firstSeen: 5, expected: 0 },
    { name: 'between them', firstSeen: 100, expected: undefined },
  ])('$name', ({ firstSeen, expected }) => {
    expect(historyStartAt(firstSeen * M, [0, 300 * M])).toBe(expected === undefined ? undefined : expected * M)
  })
})
