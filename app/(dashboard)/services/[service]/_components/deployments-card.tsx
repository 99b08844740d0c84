import Link from 'next/link'
import { DeploymentStatusBadge } from '@/components/canary/deployment-status-badge'
import { VerdictBadge } from '@/components/canary/verdict-badge'
import { Card, CardHeader } from '@/components/ui/card'
import type { DeploymentSummary } from '@/lib/canary/deployment-read-repository'
import { formatUtcMinute } from '@/lib/format/date'

const startedAt = (deployment: DeploymentSummary) => deployment.firstSeenAt ?? deployment.announcedAt

/** A service page's latest deployments, newest first, each linking to its canary analysis. */
export function DeploymentsCard({ service, deployments }: { service: string; deployments: DeploymentSummary[] }) {
  return (
    <Card>
      <CardHeader
        title="Deployments"
        description={deployments.length ? `The latest versions of ${service}, each judged against the one before it.` : undefined}
        action={
          <Link
            href={`/deployments?service=${encodeURIComponent(service)}`}
            className="text-sm whitespace-nowrap text-accent underline-offset-2 hover:underline"
          >
            All deployments
          </Link>
        }
      />
      {deployments.length ? (
        <ul className="divide-y divide-border" aria-label={`Latest deployments of ${service}`}>
          {deployments.map((deployment) => {
            const started = startedAt(deployment)
            return (
              <li key={deployment.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 text-sm">
                <Link
                  href={`/deployments/${encodeURIComponent(deployment.id)}`}
                  className="min-w-48 font-medium hover:text-accent hover:underline"
                >
                  {deployment.version}
                  <span className="block text-xs font-normal text-muted">
                    {deployment.baselineVersion ? `after ${deployment.baselineVersion}` : 'no earlier version seen'}
                    {started && ` · ${formatUtcMinute(started.getTime())}`}
                  </span>
                </Link>
                <DeploymentStatusBadge status={deployment.status} />
                <VerdictBadge verdict={deployment.verdict} score={deployment.score} />
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-muted">
          No deployment of {service} seen yet: one appears when its spans report a new service.version, or when a deploy is announced.
        </p>
      )}
    </Card>
  )
}
