import { Rocket } from 'lucide-react'
import Link from 'next/link'
import { VerdictBadge } from '@/components/canary/verdict-badge'
import type { DeploymentSummary } from '@/lib/canary/deployment-read-repository'
import { formatPercent } from '@/lib/format/percent'

/** The service's deployment in progress, at the top of its page: which version, how much traffic the canary takes, the verdict so far. */
export function DeploymentBanner({ deployment }: { deployment: DeploymentSummary }) {
  const share = deployment.canaryShare === null ? '' : `, ${formatPercent(deployment.canaryShare, 0)} of traffic`
  return (
    <div
      data-deployment={deployment.version}
      className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg border border-border bg-accent-soft px-4 py-3 text-sm text-foreground"
    >
      <Rocket aria-hidden className="size-4 shrink-0 text-accent" />
      <p>
        Deploying{' '}
        <Link href={`/deployments/${encodeURIComponent(deployment.id)}`} className="font-semibold underline underline-offset-2">
          {deployment.version}
        </Link>{' '}
        (canary{share}) — verdict
      </p>
      <VerdictBadge verdict={deployment.verdict} score={deployment.score} />
    </div>
  )
}
