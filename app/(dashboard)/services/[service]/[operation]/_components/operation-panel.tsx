'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'next/navigation'
import { DataAsOf } from '@/components/latency/data-as-of'
import { LatencyVerdictBadge } from '@/components/latency/latency-verdict-badge'
import { RedCharts } from '@/components/latency/red-charts'
import { SummaryTiles } from '@/components/latency/summary-tiles'
import { ViewFallback } from '@/components/latency/view-fallback'
import { Breadcrumbs } from '@/components/shell/breadcrumbs'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { useSearchParamsUpdate } from '@/components/shell/use-search-params-update'
import { rangeHref, serviceHref } from '@/components/time-range/range-link'
import { TimeRangePicker } from '@/components/time-range/time-range-picker'
import { useRangeParams } from '@/components/time-range/use-range-params'
import { cn } from '@/lib/cn'
import { operationViewQuery } from '@/lib/latency/query-options'
import { spanKindParam } from '@/lib/latency/schemas'
import { DistributionCard } from './distribution-card'
import { SlowTracesCard } from './slow-traces-card'

export function OperationPanel({ service, operation }: { service: string; operation: string }) {
  const rangeParams = useRangeParams()
  const kindParam = spanKindParam.safeParse(useSearchParams().get('kind'))
  const kind = kindParam.success ? kindParam.data : undefined
  const update = useSearchParamsUpdate()
  const {
    data: view,
    isFetching,
    error,
  } = useQuery({ ...operationViewQuery(service, operation, kind, rangeParams), placeholderData: keepPreviousData })
  if (!view) return <ViewFallback subject={operation} error={error} />

  return (
    <>
      <PageHeader
        title={view.operation}
        description={
          <Breadcrumbs
            links={[
              { href: rangeHref('/services', view.range), label: 'Services' },
              { href: serviceHref(view.service, view.range), label: view.service },
            ]}
          >
            <span>{view.spanKind ? `${view.spanKind} spans` : 'all span kinds'}</span>
          </Breadcrumbs>
        }
        actions={<LatencyVerdictBadge verdict={view.verdict} nowUs={view.generatedAtUs} />}
      />
      <PageBody>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <TimeRangePicker range={view.range} fetching={isFetching} />
            {view.spanKinds.length > 1 && (
              <div role="group" aria-label="Span kind" className="inline-flex rounded-md border border-border bg-surface p-0.5">
                {[null, ...view.spanKinds].map((option) => (
                  <button
                    key={option ?? 'all'}
                    type="button"
                    aria-pressed={view.spanKind === option}
                    onClick={() => update({ kind: option }, { push: true })}
                    className={cn(
                      'h-7 rounded px-2.5 text-xs font-medium text-muted hover:text-foreground',
                      view.spanKind === option && 'bg-accent-soft text-accent',
                    )}
                  >
                    {option ?? 'all kinds'}
                  </button>
                ))}
              </div>
            )}
          </div>
          <DataAsOf sync={view.sync} nowUs={view.generatedAtUs} />
        </div>
        <SummaryTiles summary={view.summary} verdict={view.verdict} />
        <RedCharts
          series={view.series}
          band={view.band}
          range={view.range}
          deploymentMarkers={view.deploymentMarkers}
          summary={view.summary}
          verdict={view.verdict}
          subject={view.operation}
          syncId={`operation-${view.service}-${view.operation}`}
        />
        <div className="grid gap-4 xl:grid-cols-2">
          <DistributionCard view={view} />
          <SlowTracesCard
            service={view.service}
            operation={view.operation}
            range={view.range}
            rangeParams={rangeParams}
            floorUs={view.summary.p95Us}
          />
        </div>
      </PageBody>
    </>
  )
}
