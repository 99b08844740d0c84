// One deployment judged from the summaries: the last JUDGED_MINUTES of the stretch it ran beside its baseline
// (looked for over three times that span back from its end), read and put to the judge. The worker's
// stage and the verdict API both judge this way, so they agree.
import { judgeCanary, type CanaryJudgement } from './canary-judge'
import { canaryWindow, JUDGED_MINUTES, type CanaryWindow } from './canary-window'
import { listVersionBuckets } from './deployments-repository'

const MINUTE_MS = 60_000

export type DeploymentToJudge = { service: string; version: string; baselineVersion: string; firstSeenMs: number; endMs: number }

export async function judgeDeployment(deployment: DeploymentToJudge): Promise<{ judgement: CanaryJudgement; window: CanaryWindow }> {
  const { service, version, baselineVersion, firstSeenMs, endMs } = deployment
  const fromMs = Math.max(firstSeenMs, endMs - 3 * JUDGED_MINUTES * MINUTE_MS)
  const rows = await listVersionBuckets(service, [version, baselineVersion], fromMs, endMs + MINUTE_MS)
  const window = canaryWindow(rows, { canary: version, baseline: baselineVersion })
  return { judgement: judgeCanary(window), window }
}
