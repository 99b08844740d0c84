'use client'

import { ArrowDown, ArrowUp } from 'lucide-react'
import Link from 'next/link'
import { VerdictBadge } from '@/components/canary/verdict-badge'
import { Sparkline } from '@/components/charts/sparkline'
import { P95VersusBaseline } from '@/components/latency/p95-versus-baseline'
import { ServiceStatusBadge } from '@/components/latency/service-status-badge'
import { useSearchParamsUpdate } from '@/components/shell/use-search-params-update'
import { operationHref, serviceHref } from '@/components/time-range/range-link'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { formatRelativeTime } from '@/lib/format/relative-time'
import type { DeploymentInProgress, ServiceRow } from '@/lib/latency/schemas'
import { DEFAULT_DIRECTION, type ServiceSort, type ServicesListParams } from '@/lib/latency/services-list'
import type { TimeRange } from '@/lib/time-range/time-range'
import { fromMicros } from '@/lib/time/micros'
import { formatPercent } from '@/lib/format/percent'

const rate = (perMinute: number) =>
  perMinute >= 100 ? perMinute.toFixed(0) : perMinute >= 10 ? perMinute.toFixed(1) : perMinute.toFixed(2)

function SortHeader({ sort, label, list, className }: { sort: ServiceSort; label: string; list: ServicesListParams; className?: string }) {
  const update = useSearchParamsUpdate()
  const active = list.sort === sort
  const direction = list.dir ?? DEFAULT_DIRECTION[list.sort]
  const next = active ? (direction === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[sort]
  return (
    <Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <button
        type="button"
        onClick={() => update({ sort: sort === 'status' ? null : sort, dir: next === DEFAULT_DIRECTION[sort] ? null : next })}
        className={cn('inline-flex items-center gap-1 uppercase hover:text-foreground', active && 'text-foreground')}
      >
        {label}
        {active && (direction === 'asc' ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden />)}
      </button>
    </Th>
  )
}

/** `deployments`: the deployment in progress, by service. */
export function ServicesTable({
  rows,
  deployments,
  list,
  range,
  nowUs,
}: {
  rows: ServiceRow[]
  deployments: ReadonlyMap<string, DeploymentInProgress>
  list: ServicesListParams
  range: TimeRange
  nowUs: number
}) {
  const now = fromMicros(nowUs)
  return (
    <Table aria-label="Services" className="[&_td]:px-3 [&_th]:px-3">
      <thead>
        <tr>
          <SortHeader sort="service" label="Service" list={list} />
          <SortHeader sort="status" label="Status" list={list} />
          <Th>Deployment</Th>
          <SortHeader sort="p95" label="p95 vs baseline" list={list} />
          <Th>p95 trend</Th>
          <SortHeader sort="rate" label="Requests/min" list={list} className="text-right" />
          <SortHeader sort="errors" label="Errors" list={list} className="text-right" />
          <SortHeader sort="deviation" label="Slow operations" list={list} />
          <Th>Traces</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.service}
            data-service={row.service}
            className={cn(
              'hover:bg-surface-muted/60',
              row.status === 'slow' && 'bg-bad-soft/40',
              row.status === 'not_traced' && 'text-muted',
            )}
          >
            <Td className="whitespace-nowrap">
              <Link href={serviceHref(row.service, range)} className="font-medium text-foreground hover:text-accent hover:underline">
                {row.service}
              </Link>
              <div className="mt-0.5 flex items-center gap-1.5 text-xs text-muted">
                {row.team ?? 'no team'}
                {row.tier !== null && <span>· tier {row.tier}</span>}
                {row.origin === 'discovered' && <Badge tone="accent">discovered</Badge>}
              </div>
            </Td>
            <Td className="whitespace-nowrap">
              <ServiceStatusBadge status={row.status} />
              <div className="mt-1 text-xs text-muted" title="How current this service's summaries are">
                {row.sync.dataAsOfUs === null ? 'never synced' : `as of ${formatRelativeTime(fromMicros(row.sync.dataAsOfUs), now)}`}
              </div>
              {row.sync.health === 'failing' && <div className="text-xs text-warn">sync failing</div>}
            </Td>
            <Td className="whitespace-nowrap">
              <DeploymentCell deployment={deployments.get(row.service)} />
            </Td>
            <Td className="whitespace-nowrap">
              <P95VersusBaseline summary={row.summary} verdict={row.verdict} />
            </Td>
            <Td>
              {row.sparklineP95Us.length ? (
                <Sparkline
                  width={72}
                  values={row.sparklineP95Us}
                  tone={row.status === 'slow' ? 'bad' : row.status === 'erroring' ? 'warn' : 'default'}
                  label={`p95 of ${row.service} over ${range.label.toLowerCase()}`}
                />
              ) : (
                <span className="text-xs text-muted">—</span>
              )}
            </Td>
            <Td className="text-right tabular-nums">
              {row.summary.count ? (
                <span
                  title={row.summary.estimated ? `Estimated from ${row.summary.count.toLocaleString('en')} sampled entry spans` : undefined}
                >
                  {rate(row.summary.estimatedPerMinute)}
                  {row.summary.estimated && <span className="ml-1 text-xs text-muted">est.</span>}
                </span>
              ) : (
                '—'
              )}
            </Td>
            <Td className={cn('text-right tabular-nums', row.status === 'erroring' && 'font-medium text-warn')}>
              {formatPercent(row.summary.errorRatio, 2)}
            </Td>
            <Td className="max-w-48">
              {row.slowOperations.length ? (
                <ul className="space-y-0.5 text-xs">
                  {row.slowOperations.slice(0, 2).map((operation) => (
                    <li
                      key={`${operation.operation} ${operation.spanKind}`}
                      className="truncate"
                      title={`${operation.operation} (${operation.spanKind})`}
                    >
                      <Link
                        href={operationHref(row.service, operation.operation, operation.spanKind, range)}
                        className="text-bad hover:underline"
                        data-slow-operation={operation.operation}
                      >
                        {operation.operation}
                      </Link>
                      <span className="text-muted"> · {operation.spanKind}</span>
                    </li>
                  ))}
                  {row.slowOperations.length > 2 && <li className="text-muted">+{row.slowOperations.length - 2} more</li>}
                </ul>
              ) : (
                <span className="text-xs text-muted">none</span>
              )}
            </Td>
            <Td className="text-xs whitespace-nowrap">
              {row.quality.tracesSeen ? (
                <span className="flex flex-col gap-0.5">
                  <span
                    title="Complete traces: one root, no orphan spans, no Jaeger warnings"
                    className={cn((row.quality.completeRatio ?? 1) < 0.999 && 'text-warn')}
                  >
                    {formatPercent(row.quality.completeRatio)} complete
                  </span>
                  <span className="text-muted" title="Head-sampling rate reported by the SDK (sampler.param)">
                    {row.samplingRate === null ? 'sampling unknown' : `${formatPercent(row.samplingRate, 0)} sampled`}
                  </span>
                </span>
              ) : (
                <span className="text-muted">—</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** A deployment in progress: its version (linking to it), the canary's share of traffic and the verdict so far. */
function DeploymentCell({ deployment }: { deployment: DeploymentInProgress | undefined }) {
  if (!deployment) return <span className="text-xs text-muted">—</span>
  return (
    <div data-deployment={deployment.version}>
      <Link
        href={`/deployments/${encodeURIComponent(deployment.id)}`}
        className="text-sm font-medium text-foreground underline underline-offset-2 hover:text-accent"
      >
        <span className="sr-only">Deploying </span>
        {deployment.version}
      </Link>
      <div className="mt-1 flex items-center gap-1.5 text-xs text-muted">
        <span>{deployment.canaryShare === null ? 'share not measured yet' : `${formatPercent(deployment.canaryShare, 0)} of traffic`}</span>
        <VerdictBadge verdict={deployment.verdict} score={deployment.score} />
      </div>
    </div>
  )
}
