// When a deployment's verdict is due, against a real Postgres. The case that matters: a worker catching
// up on recent data judges a rollout while it still looks in progress, then sees it finish minutes
// later — in data time long before the wall clock of that first judgement. It is judged again at once.
import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { judgeCanary } from './canary-judge'
import { canaryWindow } from './canary-window'
import type { DetectedDeployment } from './deployment-detection'

await createScratchDatabase()
const { listDeploymentsToJudge, saveJudgement, saveObservedDeployments } = await import('./deployments-repository')

const T = Date.UTC(2026, 10, 20, 14, 0)
const MINUTE = 60_000
const at = (minutes: number) => new Date(T + minutes * MINUTE)
const SERVICE = 'account-service'
const inProgress: DetectedDeployment = {
  version: '2.31.121',
  baselineVersion: '2.31.120',
  status: 'in_progress',
  firstSeenMs: T - 200 * MINUTE,
  lastSeenMs: T - 120 * MINUTE,
  baselineLastSeenMs: T - 120 * MINUTE,
  endedMs: null,
}
const finished: DetectedDeployment = {
  ...inProgress,
  status: 'finished',
  lastSeenMs: T - 10 * MINUTE,
  baselineLastSeenMs: T - 21 * MINUTE,
  endedMs: T - 20 * MINUTE,
}
const notEnoughData = judgeCanary(canaryWindow([], { canary: '2.31.121', baseline: '2.31.120' }))
const due = async (now: Date) => (await listDeploymentsToJudge(SERVICE, now)).map((row) => row.version)

describe('listDeploymentsToJudge', () => {
  test('in progress: due at every pass', async () => {
    await saveObservedDeployments(SERVICE, [inProgress])
    expect(await due(at(5))).toEqual(['2.31.121'])
    const [row] = await listDeploymentsToJudge(SERVICE, at(5))
    await saveJudgement(row!.id, notEnoughData, { canaryShare: 0.4, at: at(5) })
    expect(await due(at(6))).toEqual(['2.31.121'])
  })

  test('seen to finish after its last judgement (its end earlier than that judgement): due again at once, then hourly', async () => {
    await saveObservedDeployments(SERVICE, [finished])
    expect(await due(at(6))).toEqual(['2.31.121'])
    const [row] = await listDeploymentsToJudge(SERVICE, at(6))
    await saveJudgement(row!.id, notEnoughData, { canaryShare: 0.5, at: at(6) })
    expect(await due(at(7))).toEqual([])
    await saveObservedDeployments(SERVICE, [finished]) // the same picture again changes nothing
    expect(await due(at(7))).toEqual([])
    expect(await due(at(67))).toEqual(['2.31.121'])
  })
})
