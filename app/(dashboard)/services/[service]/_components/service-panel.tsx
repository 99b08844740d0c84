'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Radar } from 'lucide-react'
import { DataAsOf } from '@/components/latency/data-as-of'
import { LatencyVerdictBadge } from '@/components/latency/latency-verdict-badge'
import { RedCharts } from '@/components/latency/red-charts'
import { SummaryTiles } from '@/components/latency/summary-tiles'
import { ViewFallback } from '@/components/latency/view-fallback'
import { Breadcrumbs } from '@/components/shell/breadcrumbs'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { rangeHref } from '@/components/time-range/range-link'
import { TimeRangePicker } from '@/components/time-range/time-range-picker'
import { useRangeParams } from '@/components/time-range/use-range-params'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { serviceViewQuery } from '@/lib/latency/query-options'
import { BaselineCard } from './baseline-card'
import { DependenciesCard } from './dependencies-card'
import { OperationsTable } from './operations-table'
import { QualityCoverageCards } from './quality-coverage-cards'

/**
 * `canConfigure`: the user may change the baseline window (the action checks again). Server-rendered:
 * `slos` and `deployments`, the cards; `banner`, the deployment in progress.
 */
export function ServicePanel({
  service,
  canConfigure,
  slos,
  deployments,
  banner,
}: {
  service: string
  canConfigure: boolean
  slos?: ReactNode
  deployments?: ReactNode
  banner?: ReactNode
}) {
  const rangeParams = useRangeParams()
  const { data: view, isFetching, error } = useQuery({ ...serviceViewQuery(service, rangeParams), placeholderData: keepPreviousData })
  if (!view) return <ViewFallback subject={service} error={error} />
  const nowUs = view.generatedAtUs
  const notTraced = view.sync.dataAsOfUs === null

  return (
    <>
      <PageHeader
        title={view.service}
        description={
          <Breadcrumbs links={[{ href: rangeHref('/services', view.range), label: 'Services' }]}>
            <span>
              {[view.team ?? 'no team', view.owner && `owner ${view.owner}`, view.tier !== null && `tier ${view.tier}`]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {view.origin === 'discovered' && <Badge tone="accent">discovered in Jaeger</Badge>}
          </Breadcrumbs>
        }
        actions={<LatencyVerdictBadge verdict={view.verdict} nowUs={nowUs} />}
      />
      <PageBody>
        {banner}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <TimeRangePicker range={view.range} fetching={isFetching} />
          <DataAsOf sync={view.sync} nowUs={nowUs} />
        </div>
        {notTraced ? (
          <EmptyState icon={Radar} title="Not traced yet">
            Jaeger has never listed {view.service}. It appears here once its SDK exports spans; the rollout board tracks when that is
            planned.
          </EmptyState>
        ) : (
          <>
            <SummaryTiles summary={view.summary} verdict={view.verdict} />
            <RedCharts
              series={view.series}
              band={view.band}
              range={view.range}
              deploymentMarkers={view.deploymentMarkers}
              summary={view.summary}
              verdict={view.verdict}
              subject={`${view.service}'s requests (server and consumer spans)`}
              syncId={`service-${view.service}`}
            />
            <OperationsTable service={view.service} operations={view.operations} range={view.range} nowUs={nowUs} />
            {slos}
            {deployments}
            <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-4">
              <QualityCoverageCards quality={view.quality} coverage={view.coverage} />
              <DependenciesCard callers={view.callers} callees={view.callees} range={view.range} nowUs={nowUs} />
              <BaselineCard view={view} canConfigure={canConfigure} />
            </div>
          </>
        )}
      </PageBody>
    </>
  )
}
