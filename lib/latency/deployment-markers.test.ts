import { describe, expect, test } from 'vitest'
import {
  deploymentMarkerName,
  deploymentMarkersInRange,
  deploymentMarkerTitle,
  deploymentMarkerTone,
  verdictWords,
} from './deployment-markers'
import type { DeploymentMarker } from './schemas'

const AT_MS = Date.parse('2026-03-14T13:20:00Z')
const marker = (overrides: Partial<DeploymentMarker> = {}): DeploymentMarker => ({
  id: 'd1',
  version: '2.1.0-rc.81',
  baselineVersion: '2.1.0-rc.80',
  status: 'in_progress',
  verdict: 'fail',
  atMs: AT_MS,
  ...overrides,
})

describe('deploymentMarkersInRange', () => {
  const startUs = AT_MS * 1000
  const endUs = startUs + 3_600_000_000
  test.each([
    { label: 'at the start: in', atMs: AT_MS, inRange: true },
    { label: 'inside', atMs: AT_MS + 1_800_000, inRange: true },
    { label: 'a millisecond before the end: in', atMs: AT_MS + 3_599_999, inRange: true },
    { label: 'at the end: out (the next range has it)', atMs: AT_MS + 3_600_000, inRange: false },
    { label: 'before the start: out', atMs: AT_MS - 1, inRange: false },
  ])('$label', ({ atMs, inRange }) => {
    expect(deploymentMarkersInRange([marker({ atMs })], startUs, endUs)).toHaveLength(inRange ? 1 : 0)
  })

  test('oldest first, whatever order they come in', () => {
    const markers = [marker({ id: 'late', atMs: AT_MS + 600_000 }), marker({ id: 'early', atMs: AT_MS + 60_000 })]
    expect(deploymentMarkersInRange(markers, startUs, endUs).map((entry) => entry.id)).toEqual(['early', 'late'])
  })
})

describe('marker labels', () => {
  test.each([
    { label: 'failed', verdict: 'fail' as const, name: 'Deployment of 2.1.0-rc.81 at 13:20 UTC, verdict fail', tone: 'bad' },
    { label: 'passed', verdict: 'pass' as const, name: 'Deployment of 2.1.0-rc.81 at 13:20 UTC, verdict pass', tone: 'ok' },
    { label: 'marginal', verdict: 'marginal' as const, name: 'Deployment of 2.1.0-rc.81 at 13:20 UTC, verdict marginal', tone: 'muted' },
    {
      label: 'too little traffic',
      verdict: 'not_enough_data' as const,
      name: 'Deployment of 2.1.0-rc.81 at 13:20 UTC, verdict not enough data',
      tone: 'muted',
    },
    { label: 'not judged yet', verdict: null, name: 'Deployment of 2.1.0-rc.81 at 13:20 UTC, verdict not judged yet', tone: 'muted' },
  ])('$label: named and coloured by its verdict', ({ verdict, name, tone }) => {
    expect(deploymentMarkerName(marker({ verdict }))).toBe(name)
    expect(deploymentMarkerTone(verdict)).toBe(tone)
  })

  test('the time is UTC, on a 24-hour clock', () => {
    expect(deploymentMarkerName(marker({ atMs: Date.parse('2026-03-14T00:05:59Z') }))).toContain(' at 00:05 UTC,')
  })

  test('the title shows the baseline it is judged against, when there is one', () => {
    expect(deploymentMarkerTitle(marker())).toBe('2.1.0-rc.81 ← 2.1.0-rc.80')
    expect(deploymentMarkerTitle(marker({ baselineVersion: null }))).toBe('2.1.0-rc.81')
  })

  test('verdict words read as the badges do', () => {
    expect(verdictWords('not_enough_data')).toBe('not enough data')
  })
})
