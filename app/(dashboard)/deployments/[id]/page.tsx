import { ExternalLink } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import { CanaryComparisonChart } from '@/components/canary/canary-comparison-chart'
import { CanaryShareChart } from '@/components/canary/canary-share-chart'
import { DeploymentStatusBadge } from '@/components/canary/deployment-status-badge'
import { VerdictBadge, verdictLabel } from '@/components/canary/verdict-badge'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { StatTile } from '@/components/ui/stat-tile'
import { requirePermission } from '@/lib/auth/session'
import {
  canaryChartRows,
  stepWords,
  deploymentParams,
  judgedMinuteCount,
  SLOWER_OPERATION_RATIO,
  sortOperationDifferences,
  verdictReasons,
  worstTracesSearch,
} from '@/lib/canary/deployment-detail'
import { dataRead, historyStartAt } from '@/lib/canary/deployment-detection'
import { deploymentDurationMs, deploymentStartedAt } from '@/lib/canary/deployment-list'
import { deploymentSteps, findDeployment, operationDifferences } from '@/lib/canary/deployment-read-repository'
import { formatDuration } from '@/lib/format/duration'
import { formatDurationUs } from '@/lib/format/duration-us'
import { formatPercent } from '@/lib/format/percent'
import { findSyncState } from '@/lib/sync/sync-state-repository'
import { DeploymentTime } from '../_components/deployment-time'
import { CanaryWorstTraces, CanaryWorstTracesSkeleton } from './_components/canary-worst-traces'
import { MetricTable } from './_components/metric-table'
import { OperationTable } from './_components/operation-table'
import { VerdictReasons } from './_components/verdict-reasons'

export const metadata: Metadata = { title: 'Deployment' }

const count = (value: number) => value.toLocaleString('en')

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('dashboard.read')
  const parsed = deploymentParams.safeParse(await params)
  if (!parsed.success) notFound()
  const deployment = await findDeployment(parsed.data.id)
  if (!deployment) notFound()
  const now = new Date()
  const read = await deploymentSteps(deployment, now)
  const { minutes, stepMinutes, steps } = read
  const differences = await operationDifferences(deployment, read)
  // First seen where the synced history begins: it was already running, for longer than it shows.
  const { historyStartsMs } = dataRead(await findSyncState(deployment.service), now)
  const startUnseen = deployment.firstSeenAt !== null && historyStartAt(deployment.firstSeenAt.getTime(), historyStartsMs) !== undefined
  const { judgement } = deployment
  const startedAt = deploymentStartedAt(deployment)
  const durationMs = deploymentDurationMs(deployment, now)
  const rows = canaryChartRows(steps)
  const per = `per ${stepWords(stepMinutes)}`
  const judgedMinutes = judgedMinuteCount(minutes)
  const search = worstTracesSearch(deployment, judgement, now)
  const baseline = deployment.baselineVersion ?? 'no baseline'
  const verdictTone = deployment.verdict === 'fail' ? 'bad' : deployment.verdict === 'marginal' ? 'warn' : undefined

  return (
    <>
      <PageHeader
        title={`${deployment.service} ${deployment.version}`}
        description={
          <>
            <Link href={`/services/${encodeURIComponent(deployment.service)}`} className="text-accent underline underline-offset-2">
              {deployment.service}
            </Link>{' '}
            <span className="font-mono">{deployment.version}</span> against <span className="font-mono">{baseline}</span>
            {startedAt && (
              <>
                {' '}
                · {startUnseen
                  ? 'already running where the synced history begins,'
                  : deployment.firstSeenAt
                    ? 'first span'
                    : 'announced'}{' '}
                <DeploymentTime at={startedAt} now={now} />
              </>
            )}
            {deployment.endedAt && (
              <>
                {' '}
                · ended <DeploymentTime at={deployment.endedAt} now={now} />
              </>
            )}
          </>
        }
        actions={
          <>
            <DeploymentStatusBadge status={deployment.status} />
            <VerdictBadge verdict={deployment.verdict} score={deployment.score} />
            {deployment.link && (
              <a href={deployment.link} target="_blank" rel="noreferrer" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                CI run <ExternalLink className="size-3.5" aria-hidden />
                <span className="sr-only">(opens in a new tab)</span>
              </a>
            )}
          </>
        }
      />
      <PageBody>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatTile
            label="Canary score"
            value={deployment.score === null ? '—' : `${Math.round(deployment.score)} / 100`}
            detail={verdictLabel(deployment.verdict)}
            tone={verdictTone}
          />
          <StatTile
            label="Canary requests"
            value={judgement ? count(judgement.canary.requests) : '—'}
            detail={`${deployment.version}, in the judged minutes`}
          />
          <StatTile
            label="Baseline requests"
            value={judgement ? count(judgement.baseline.requests) : '—'}
            detail={`${baseline}, in the same minutes`}
          />
          <StatTile label="Canary share" value={formatPercent(deployment.canaryShare, 0)} detail="of requests, in the judged minutes" />
          <StatTile
            label={deployment.endedAt ? 'Took' : 'Running for'}
            value={durationMs === null ? '—' : `${startUnseen ? '≥ ' : ''}${formatDuration(durationMs)}`}
            detail={
              startUnseen
                ? 'it was already running where the synced history begins'
                : deployment.firstSeenAt
                  ? 'from the first span of the new version'
                  : 'no span of the new version yet'
            }
          />
        </div>

        <Card>
          <CardHeader
            title="Why this verdict"
            description={
              judgement && deployment.judgedAt ? (
                <>
                  Judged over the last {judgedMinutes} minute{judgedMinutes === 1 ? '' : 's'} both versions served, comparing{' '}
                  {deployment.version} with {baseline} over the same minutes (the same traffic and downstreams); last judged{' '}
                  <DeploymentTime at={deployment.judgedAt} now={now} />.
                </>
              ) : (
                'Not judged yet: the judge compares the versions every minute, once both have served spans in the same minutes.'
              )
            }
          />
          {judgement ? (
            <VerdictReasons reasons={verdictReasons(judgement)} />
          ) : (
            <p className="px-5 py-4 text-sm text-muted">
              {deployment.firstSeenAt
                ? `No minute yet in which both ${deployment.version} and ${baseline} served requests.`
                : `CI announced ${deployment.version}; no span of it has arrived yet.`}
            </p>
          )}
        </Card>

        {judgement && (
          <Card>
            <CardHeader
              title="Metric by metric"
              description="Percentiles are confirmed by a rank test (Mann–Whitney) and the error rate by a two-proportion test, one-sided: a p-value under 0.01 means the canary is worse beyond chance. The share of requests is shown, never judged."
            />
            <MetricTable metrics={judgement.metrics} canaryVersion={deployment.version} baselineVersion={baseline} />
          </Card>
        )}

        <Card>
          <CardHeader
            title="Canary vs baseline, side by side over time"
            description={`The minutes both versions served${stepMinutes === 1 ? ', minute by minute' : `, in steps of ${stepMinutes} minutes (each step's p95 from its merged histograms)`}, from the first span of the new version (at most six hours are drawn).`}
          />
          {rows.length ? (
            <div className="grid gap-6 px-3 py-3 xl:grid-cols-2">
              <div>
                <h3 className="px-2 pb-1 text-xs font-medium text-muted">p95 latency {per}</h3>
                <CanaryComparisonChart
                  rows={rows}
                  stepMinutes={stepMinutes}
                  metric="p95"
                  canaryVersion={deployment.version}
                  baselineVersion={baseline}
                  syncId="canary"
                />
              </div>
              <div>
                <h3 className="px-2 pb-1 text-xs font-medium text-muted">Error rate {per}</h3>
                <CanaryComparisonChart
                  rows={rows}
                  stepMinutes={stepMinutes}
                  metric="error_rate"
                  canaryVersion={deployment.version}
                  baselineVersion={baseline}
                  syncId="canary"
                />
              </div>
              <div className="xl:col-span-2">
                <h3 className="px-2 pb-1 text-xs font-medium text-muted">Canary share of requests {per}</h3>
                <CanaryShareChart rows={rows} stepMinutes={stepMinutes} syncId="canary" />
              </div>
            </div>
          ) : (
            <p className="px-5 py-4 text-sm text-muted">No minute yet in which both versions served requests.</p>
          )}
        </Card>

        <Card>
          <CardHeader
            title="Operations"
            description={`Each operation's p95 and error rate on both versions over the minutes they shared, worst first. A canary p95 ${formatPercent(SLOWER_OPERATION_RATIO - 1, 0)} or more above the baseline's is marked.`}
          />
          {differences.length ? (
            <OperationTable service={deployment.service} differences={sortOperationDifferences(differences)} />
          ) : (
            <p className="px-5 py-4 text-sm text-muted">No operation served by both versions in the same minutes yet.</p>
          )}
        </Card>

        <Card>
          <CardHeader
            title="Worst traces of the canary"
            description={
              search
                ? `Searched live in Jaeger: spans of ${deployment.service} whose process carries service.version ${deployment.version}, over the last four hours it ran${search.minDurationUs ? `, at least ${formatDurationUs(search.minDurationUs)} (its median)` : ''}, slowest first.`
                : undefined
            }
          />
          {search ? (
            <Suspense fallback={<CanaryWorstTracesSkeleton />}>
              <CanaryWorstTraces search={search} />
            </Suspense>
          ) : (
            <p className="px-5 py-4 text-sm text-muted">No span of {deployment.version} has arrived yet.</p>
          )}
        </Card>
      </PageBody>
    </>
  )
}
