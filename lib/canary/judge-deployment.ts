// One deployment judged from the summaries: the last JUDGED_MINUTES of the stretch it ran beside its baseline
// (looked for over three times that span back from its end), read and put to the judge. The worker's
// stage and the verdict API both judge this way, so they agree.
import { judgeCanary, type CanaryJudgement } from './canary-judge'
import { canaryWindow, JUDGED_MINUTES, type CanaryWindow } from './canary-window'
import { listVersionBuckets, versionReadPlan } from './deployments-repository'

const MINUTE_MS = 60_000

export type DeploymentToJudge = {
  service: string
  version: string
  baselineVersion: string
  firstSeenMs: number
  endMs: number
  /** The wall clock: which rows are past their retention. */
  now: Date
}

export async function judgeDeployment(deployment: DeploymentToJudge): Promise<{ judgement: CanaryJudgement; window: CanaryWindow }> {
  const { service, version, baselineVersion, firstSeenMs, endMs, now } = deployment
  const fromMs = Math.max(firstSeenMs, endMs - 3 * JUDGED_MINUTES * MINUTE_MS)
  const plan = await versionReadPlan(service, fromMs, endMs + MINUTE_MS, now)
  const rows = await listVersionBuckets(service, [version, baselineVersion], plan)
  const window = canaryWindow(rows, { canary: version, baseline: baselineVersion })
  return { judgement: judgeCanary(window), window }
}
