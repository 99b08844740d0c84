import { GitCompareArrows } from 'lucide-react'
import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { requirePermission } from '@/lib/auth/session'
import { DEPLOYMENT_LIST_LIMIT, deploymentListParams, filterByVerdict, isFiltered } from '@/lib/canary/deployment-list'
import { listDeployments } from '@/lib/canary/deployment-read-repository'
import { listServiceNames } from '@/lib/inventory/repository'
import { DeploymentFilters } from './_components/deployment-filters'
import { DeploymentTable } from './_components/deployment-table'

export const metadata: Metadata = { title: 'Deployments' }

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('dashboard.read')
  const params = deploymentListParams.parse(await searchParams)
  const [listed, services] = await Promise.all([
    listDeployments({ service: params.service, status: params.status, limit: DEPLOYMENT_LIST_LIMIT }),
    listServiceNames(),
  ])
  const deployments = filterByVerdict(listed, params.verdict)
  const now = new Date()
  const filtered = isFiltered(params)
  const running = deployments.filter((deployment) => deployment.status === 'in_progress').length
  const failing = deployments.filter((deployment) => deployment.verdict === 'fail').length
  return (
    <>
      <PageHeader
        title="Deployments"
        description={
          deployments.length && !filtered
            ? `${running} in progress, ${failing} failing their canary among the ${deployments.length} most recent. Each new version is judged against the one it replaces, over the minutes both served.`
            : 'Each new version of a service, judged against the one it replaces (its canary against the baseline), over the minutes both served.'
        }
      />
      <PageBody>
        {listed.length === 0 && !filtered ? (
          <EmptyState icon={GitCompareArrows} title="No deployments yet">
            A deployment appears when spans of a service arrive with a new <code className="font-mono">service.version</code> resource
            attribute, or when CI announces one with <code className="font-mono">POST /api/v1/deployments</code> (an API token, the service,
            the version and a link to the run). The canary judge then compares the new version with the one it replaces every minute.
          </EmptyState>
        ) : (
          <Card>
            <CardHeader
              title="Most recent first"
              description={`By the first span of the new version (or CI's announcement). Up to ${DEPLOYMENT_LIST_LIMIT} are listed; the view is in the link.`}
            />
            <DeploymentFilters params={params} services={services} shown={deployments.length} />
            {deployments.length ? (
              <DeploymentTable deployments={deployments} now={now} />
            ) : (
              <p className="px-5 py-6 text-sm text-muted">No deployment matches these filters.</p>
            )}
          </Card>
        )}
      </PageBody>
    </>
  )
}
