// "Is version X of service S healthy enough to promote?" — the answer rollout tools poll (Argo
// Rollouts' web metric provider, Flagger through its load tester), judged live from the summaries
// over the same window the worker uses, so it is as fresh as the last synced minute.
import { findSyncState } from '@/lib/sync/sync-state-repository'
import type { CanaryJudgement, CanaryVerdict } from './canary-judge'
import { dataRead } from './deployment-detection'
import { findDeploymentOfVersion } from './deployment-read-repository'
import { listObservedVersions } from './deployments-repository'
import { judgeDeployment } from './judge-deployment'

export type VersionVerdict = {
  service: string
  version: string
  baselineVersion: string | null
  verdict: CanaryVerdict
  /** 0–100 (Kayenta's score); null without enough data. */
  score: number | null
  reasons: string[]
  metrics: CanaryJudgement['metrics']
  deployment: { id: string; status: string; firstSeenAt: string | null; endedAt: string | null; link: string | null } | null
  /** The minutes judged (both versions served them): where they start and end, and how many. */
  window: { from: string | null; to: string | null; minutes: number }
  /** The data's freshness: the service's synced watermark. */
  asOf: string | null
}

const notYet = (service: string, version: string, reason: string, deployment: VersionVerdict['deployment'] = null): VersionVerdict => ({
  service,
  version,
  baselineVersion: null,
  verdict: 'not_enough_data',
  score: null,
  reasons: [reason],
  metrics: [],
  deployment,
  window: { from: null, to: null, minutes: 0 },
  asOf: null,
})

export async function judgeVersion(service: string, version: string): Promise<VersionVerdict> {
  const deployment = await findDeploymentOfVersion(service, version)
  const deploymentView = deployment && {
    id: deployment.id,
    status: deployment.status,
    firstSeenAt: deployment.firstSeenAt?.toISOString() ?? null,
    endedAt: deployment.endedAt?.toISOString() ?? null,
    link: deployment.link,
  }
  if (!deployment?.firstSeenAt || !deployment.baselineVersion) {
    const seen = (await listObservedVersions(service)).find((observed) => observed.version === version)
    return notYet(
      service,
      version,
      seen
        ? `${version} is the first version of ${service} seen: there is no earlier version to compare it with`
        : `No span of ${service} ${version} seen yet`,
      deploymentView,
    )
  }
  const now = new Date()
  const { asOfMs } = dataRead(await findSyncState(service), now)
  const { judgement, window } = await judgeDeployment({
    service,
    version,
    baselineVersion: deployment.baselineVersion,
    firstSeenMs: deployment.firstSeenAt.getTime(),
    endMs: deployment.endedAt?.getTime() ?? asOfMs,
    now,
  })
  return {
    service,
    version,
    baselineVersion: deployment.baselineVersion,
    verdict: judgement.verdict,
    score: judgement.score,
    reasons: judgement.reasons,
    metrics: judgement.metrics,
    deployment: deploymentView,
    window: {
      from: window.fromMs === null ? null : new Date(window.fromMs).toISOString(),
      to: window.endMs === null ? null : new Date(window.endMs).toISOString(),
      minutes: window.minutes,
    },
    asOf: new Date(asOfMs).toISOString(),
  }
}
