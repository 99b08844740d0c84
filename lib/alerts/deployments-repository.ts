// The deployments canary rules watch: each service's deployments in progress, with the verdict and
// judgement lib/canary's stage keeps on them (it runs before the alert stage in a worker pass).
import { db } from '@/lib/db/client'
import type { CanaryDeployment } from './canary-values'
import { storedCanaryJudgementSchema } from './schemas'

export async function listDeploymentsInProgress(services: readonly string[]): Promise<Map<string, CanaryDeployment[]>> {
  const rows = await db.deployment.findMany({
    where: { service: { in: [...services] }, status: 'in_progress' },
    select: { id: true, service: true, version: true, baselineVersion: true, verdict: true, judgement: true },
    orderBy: [{ service: 'asc' }, { version: 'asc' }],
  })
  const byService = new Map<string, CanaryDeployment[]>()
  for (const { judgement, ...row } of rows) {
    const stored = storedCanaryJudgementSchema.safeParse(judgement ?? {})
    const { score = null, metrics = null, reasons = [] } = stored.success ? stored.data : {}
    const deployment: CanaryDeployment = {
      ...row,
      failingMetrics: metrics ? metrics.filter((metric) => metric.result === 'fail').length : null,
      reason: reasons[0] ?? null,
      score,
    }
    byService.set(row.service, [...(byService.get(row.service) ?? []), deployment])
  }
  return byService
}
