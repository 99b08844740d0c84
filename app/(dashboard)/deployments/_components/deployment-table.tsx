import { ExternalLink } from 'lucide-react'
import Link from 'next/link'
import { DeploymentStatusBadge } from '@/components/canary/deployment-status-badge'
import { VerdictBadge } from '@/components/canary/verdict-badge'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { deploymentDurationMs, deploymentStartedAt } from '@/lib/canary/deployment-list'
import type { DeploymentSummary } from '@/lib/canary/deployment-read-repository'
import { formatDuration } from '@/lib/format/duration'
import { formatPercent } from '@/lib/format/percent'
import { DeploymentTime } from './deployment-time'

/** Most recent first. The version links to the deployment, and its link covers the row. */
export function DeploymentTable({ deployments, now }: { deployments: DeploymentSummary[]; now: Date }) {
  return (
    <Table aria-label="Deployments" className="[&_td]:px-3 [&_th]:px-3">
      <thead>
        <tr>
          <Th>Service</Th>
          <Th>Version</Th>
          <Th>Status</Th>
          <Th>Verdict</Th>
          <Th>Why</Th>
          <Th>Started</Th>
          <Th>Ended</Th>
          <Th className="text-right">Canary share</Th>
          <Th>CI</Th>
        </tr>
      </thead>
      <tbody>
        {deployments.map((deployment) => {
          const startedAt = deploymentStartedAt(deployment)
          const durationMs = deploymentDurationMs(deployment, now)
          return (
            <tr
              key={deployment.id}
              data-deployment={deployment.id}
              className={cn('relative hover:bg-surface-muted/60', deployment.verdict === 'fail' && 'bg-bad-soft/40')}
            >
              <Td className="whitespace-nowrap">
                <Link
                  href={`/services/${encodeURIComponent(deployment.service)}`}
                  className="relative z-10 text-accent underline-offset-2 hover:underline"
                >
                  {deployment.service}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">
                <Link
                  href={`/deployments/${deployment.id}`}
                  className="font-mono text-xs font-medium text-foreground after:absolute after:inset-0 hover:text-accent hover:underline"
                >
                  {deployment.version}
                </Link>
                <span className="block font-mono text-xs text-muted">
                  {deployment.baselineVersion ? `← ${deployment.baselineVersion}` : 'no baseline'}
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                <DeploymentStatusBadge status={deployment.status} />
              </Td>
              <Td className="whitespace-nowrap">
                <VerdictBadge verdict={deployment.verdict} score={deployment.score} />
              </Td>
              <Td className="max-w-96 min-w-56 text-xs text-muted">{deployment.reason ?? '—'}</Td>
              <Td className="whitespace-nowrap">
                {startedAt ? <DeploymentTime at={startedAt} now={now} /> : '—'}
                {!deployment.firstSeenAt && startedAt && <span className="block text-xs text-muted">announced, no spans yet</span>}
              </Td>
              <Td className="whitespace-nowrap">
                {deployment.endedAt ? <DeploymentTime at={deployment.endedAt} now={now} /> : deployment.firstSeenAt ? 'running' : '—'}
                {durationMs !== null && (
                  <span className="block text-xs text-muted">
                    {deployment.endedAt ? 'took' : 'for'} {formatDuration(durationMs)}
                  </span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatPercent(deployment.canaryShare, 0)}</Td>
              <Td className="whitespace-nowrap">
                {deployment.link ? (
                  <a
                    href={deployment.link}
                    target="_blank"
                    rel="noreferrer"
                    className="relative z-10 inline-flex items-center gap-1 text-xs text-accent hover:underline"
                  >
                    CI run <ExternalLink className="size-3" aria-hidden />
                    <span className="sr-only">
                      of {deployment.service} {deployment.version} (opens in a new tab)
                    </span>
                  </a>
                ) : (
                  <span className="text-xs text-muted">—</span>
                )}
              </Td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}
