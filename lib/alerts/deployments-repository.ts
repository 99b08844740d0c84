// The deployments canary rules watch: each service's deployments in progress, with the verdict and
// judgement lib/canary's stage keeps on them (it runs before the alert stage in a worker pass).
import { listDeployments } from '@/lib/canary/deployment-read-repository'
import type { CanaryDeployment } from './canary-values'

export async function listDeploymentsInProgress(services: readonly string[]): Promise<Map<string, CanaryDeployment[]>> {
  const summaries = await listDeployments({ services, status: 'in_progress', limit: 10_000 })
  const byService = new Map<string, CanaryDeployment[]>()
  for (const summary of summaries.sort((a, b) => a.service.localeCompare(b.service) || a.version.localeCompare(b.version))) {
    const { id, service, version, baselineVersion, verdict, failingMetrics, reason, score } = summary
    byService.set(service, [
      ...(byService.get(service) ?? []),
      { id, service, version, baselineVersion, verdict, failingMetrics, reason, score },
    ])
  }
  return byService
}
