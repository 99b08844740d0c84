'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Search, SearchX } from 'lucide-react'
import { useSearchParams } from 'next/navigation'
import { ViewFallback } from '@/components/latency/view-fallback'
import { PageBody } from '@/components/shell/page-header'
import { useSearchParamsUpdate } from '@/components/shell/use-search-params-update'
import { TimeRangePicker } from '@/components/time-range/time-range-picker'
import { useRangeParams } from '@/components/time-range/use-range-params'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { cn } from '@/lib/cn'
import { servicesViewQuery } from '@/lib/latency/query-options'
import { countByStatus, filterAndSortServices, servicesListParams, STATUS_FILTERS, type StatusFilter } from '@/lib/latency/services-list'
import { ServicesTable } from './services-table'

const FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  attention: 'Needs attention',
  slow: 'Slow',
  erroring: 'Erroring',
  ok: 'OK',
  no_data: 'No spans in range',
  not_traced: 'Not traced yet',
}

export function ServicesPanel() {
  const rangeParams = useRangeParams()
  const searchParams = useSearchParams()
  const update = useSearchParamsUpdate()
  const list = servicesListParams.parse({
    q: searchParams.get('q') ?? undefined,
    status: searchParams.get('status') ?? undefined,
    sort: searchParams.get('sort') ?? undefined,
    dir: searchParams.get('dir') ?? undefined,
  })
  const { data: view, isFetching, error } = useQuery({ ...servicesViewQuery(rangeParams), placeholderData: keepPreviousData })
  if (!view) return <ViewFallback subject="the services" error={error} />

  const rows = filterAndSortServices(view.services, list)
  const deployments = new Map(view.deploymentsInProgress.map((deployment) => [deployment.service, deployment]))
  const counts = countByStatus(view.services)
  const traced = view.services.filter((service) => service.status !== 'not_traced').length
  const inventory = view.services.filter((service) => service.origin === 'inventory').length

  return (
    <PageBody>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TimeRangePicker range={view.range} updatedAtUs={view.generatedAtUs} fetching={isFetching} />
        <p className="text-xs text-muted">
          {traced} of {view.services.length} services traced ({inventory} in the inventory) · {counts.slow} slow · {counts.erroring}{' '}
          erroring
        </p>
      </div>
      <Card>
        <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3">
          <label className="relative min-w-56 flex-1 sm:max-w-xs">
            <span className="sr-only">Search services, teams and slow operations</span>
            <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" aria-hidden />
            <input
              type="search"
              defaultValue={list.q}
              placeholder="Search services, teams, operations"
              onChange={(event) => update({ q: event.target.value })}
              className="h-8 w-full rounded-md border border-border bg-background pr-2 pl-8 text-sm placeholder:text-muted"
            />
          </label>
          <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1.5">
            {STATUS_FILTERS.map((status) => (
              <button
                key={status}
                type="button"
                aria-pressed={list.status === status}
                onClick={() => update({ status: status === 'all' ? null : status })}
                className={cn(
                  'inline-flex h-7 items-center gap-1.5 rounded-full border border-border px-2.5 text-xs font-medium text-muted hover:text-foreground',
                  list.status === status && 'border-transparent bg-accent-soft text-accent',
                )}
              >
                {FILTER_LABELS[status]}
                <span className="font-normal tabular-nums">{counts[status]}</span>
              </button>
            ))}
          </div>
        </div>
        {rows.length ? (
          <ServicesTable rows={rows} deployments={deployments} list={list} range={view.range} nowUs={view.generatedAtUs} />
        ) : (
          <div className="p-4">
            <EmptyState
              icon={SearchX}
              title="No service matches"
              action={
                <Button variant="secondary" size="sm" onClick={() => update({ q: null, status: null })}>
                  Clear search and filters
                </Button>
              }
            >
              Nothing {list.q ? `named like “${list.q}”` : ''}{' '}
              {list.status !== 'all' ? `is “${FILTER_LABELS[list.status].toLowerCase()}”` : ''} in {view.range.label.toLowerCase()}.
            </EmptyState>
          </div>
        )}
      </Card>
    </PageBody>
  )
}
