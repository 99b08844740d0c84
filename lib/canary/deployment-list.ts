// The /deployments list's view in its URL (filters by service, status and verdict) and what each row
// shows of a deployment's time. Pure.
import { z } from 'zod'
import { urlFilterText } from '@/lib/text/plain-text'
import type { CanaryVerdict } from './canary-judge'
import type { DeploymentStatus, DeploymentSummary } from './deployment-read-repository'

export const DEPLOYMENT_STATUSES = ['in_progress', 'finished', 'rolled_back', 'announced'] as const satisfies readonly DeploymentStatus[]
/** The verdicts, and 'not_judged' for a deployment the judge has not looked at yet (verdict null). */
export const VERDICT_FILTERS = ['fail', 'marginal', 'pass', 'not_enough_data', 'not_judged'] as const satisfies readonly (
  CanaryVerdict | 'not_judged'
)[]
export type VerdictFilter = (typeof VERDICT_FILTERS)[number]

/** Rows the list reads: enough for weeks of deployments across a fleet, bounded for one page. */
export const DEPLOYMENT_LIST_LIMIT = 200

/** Unknown values fall back to no filter: a hand-edited link still opens the list. */
export const deploymentListParams = z.object({
  service: urlFilterText.catch(undefined),
  status: z.enum(DEPLOYMENT_STATUSES).optional().catch(undefined),
  verdict: z.enum(VERDICT_FILTERS).optional().catch(undefined),
})
export type DeploymentListParams = z.infer<typeof deploymentListParams>

export const isFiltered = (params: DeploymentListParams) => Boolean(params.service || params.status || params.verdict)

/** The verdict filter (service and status are the repository's). */
export function filterByVerdict<T extends Pick<DeploymentSummary, 'verdict'>>(deployments: readonly T[], verdict?: VerdictFilter): T[] {
  if (!verdict) return [...deployments]
  return deployments.filter((deployment) => (deployment.verdict ?? 'not_judged') === verdict)
}

/** The list's link with these filters (empty ones left out). */
export function deploymentListHref(params: Partial<DeploymentListParams>): string {
  const search = new URLSearchParams()
  for (const key of ['service', 'status', 'verdict'] as const) if (params[key]) search.set(key, params[key])
  const query = search.toString()
  return query ? `/deployments?${query}` : '/deployments'
}

/** When a deployment started: its first span, else when CI announced it; null for neither. */
export const deploymentStartedAt = (deployment: Pick<DeploymentSummary, 'firstSeenAt' | 'announcedAt'>): Date | null =>
  deployment.firstSeenAt ?? deployment.announcedAt

/** First span to the end (or to now, while it runs); null before any span of the version. */
export function deploymentDurationMs(deployment: Pick<DeploymentSummary, 'firstSeenAt' | 'endedAt'>, now: Date): number | null {
  if (!deployment.firstSeenAt) return null
  return Math.max(0, (deployment.endedAt ?? now).getTime() - deployment.firstSeenAt.getTime())
}
