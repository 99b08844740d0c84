// The worker's canary stage (between the rollout status and the alert evaluation, lib/worker/stages.ts):
// for each service, deployments are read off the versions it has run, and every deployment in
// progress — or just ended, or ended in the last two weeks and not judged for an hour (history read
// later completes its minutes) — is judged over its last four hours beside its baseline.
// Idempotent: it recomputes from the summaries and overwrites; safe to rerun after a crash.
import { listSyncStates } from '@/lib/sync/sync-state-repository'
import { dataRead, detectDeployments } from './deployment-detection'
import { listDeploymentsToJudge, listObservedVersions, saveJudgement, saveObservedDeployments } from './deployments-repository'
import { judgeDeployment } from './judge-deployment'

export type CanaryStageReport = { deployments: number; judged: number; failing: string[] }

export async function runCanaryStage(services: readonly string[], { now }: { now: Date }): Promise<CanaryStageReport> {
  const report: CanaryStageReport = { deployments: 0, judged: 0, failing: [] }
  const states = new Map((await listSyncStates(services)).map((state) => [state.serviceName, state]))
  for (const service of services) {
    const versions = await listObservedVersions(service)
    if (versions.length < 2) continue
    const { asOfMs, historyStartsMs } = dataRead(states.get(service), now)
    const detected = detectDeployments(versions, { asOfMs, historyStartsMs })
    await saveObservedDeployments(service, detected)
    report.deployments += detected.length
    for (const deployment of await listDeploymentsToJudge(service, now)) {
      const { judgement, window } = await judgeDeployment({
        service,
        version: deployment.version,
        baselineVersion: deployment.baselineVersion!,
        firstSeenMs: deployment.firstSeenAt!.getTime(),
        endMs: deployment.endedAt?.getTime() ?? asOfMs,
        now,
      })
      const total = window.canary.requests + window.baseline.requests
      await saveJudgement(deployment.id, judgement, { canaryShare: total > 0 ? window.canary.requests / total : null, at: now })
      report.judged++
      if (judgement.verdict === 'fail' && deployment.status === 'in_progress') report.failing.push(`${service}@${deployment.version}`)
    }
  }
  return report
}
