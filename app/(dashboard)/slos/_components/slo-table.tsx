import { ArrowDown, ArrowUp, BellRing } from 'lucide-react'
import Link from 'next/link'
import { BudgetBar } from '@/components/slo/budget-bar'
import { SloHealthBadge } from '@/components/slo/slo-health-badge'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { describeSli, describeWindow, formatBurnRate, formatObjective, formatSli } from '@/lib/slo/format-slo'
import { DEFAULT_SLO_DIRECTION, type SloListParams, type SloSort } from '@/lib/slo/slo-list'
import type { SloOverview } from '@/lib/slo/slo-read-repository'

/** The list's link with one parameter changed, the others kept (defaults left out, so links stay short). */
function hrefWith(params: SloListParams, change: Partial<SloListParams>) {
  const next = { ...params, ...change }
  const search = new URLSearchParams()
  if (next.sort !== 'health') search.set('sort', next.sort)
  if (next.dir && next.dir !== DEFAULT_SLO_DIRECTION[next.sort]) search.set('dir', next.dir)
  for (const key of ['q', 'health', 'service'] as const) if (next[key]) search.set(key, next[key])
  const query = search.toString()
  return query ? `/slos?${query}` : '/slos'
}

function SortHeader({ sort, label, params, className }: { sort: SloSort; label: string; params: SloListParams; className?: string }) {
  const active = params.sort === sort
  const direction = params.dir ?? DEFAULT_SLO_DIRECTION[params.sort]
  const next = active ? (direction === 'asc' ? 'desc' : 'asc') : DEFAULT_SLO_DIRECTION[sort]
  return (
    <Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <Link
        href={hrefWith(params, { sort, dir: next })}
        className={cn('inline-flex items-center gap-1 uppercase hover:text-foreground', active && 'text-foreground')}
      >
        {label}
        {active && (direction === 'asc' ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden />)}
      </Link>
    </Th>
  )
}

export function SloTable({ rows, params }: { rows: SloOverview[]; params: SloListParams }) {
  return (
    <Table aria-label="SLOs" className="[&_td]:px-3 [&_th]:px-3">
      <thead>
        <tr>
          <SortHeader sort="name" label="SLO" params={params} />
          <SortHeader sort="health" label="Status" params={params} />
          <SortHeader sort="objective" label="Objective" params={params} className="text-right" />
          <SortHeader sort="sli" label="SLI" params={params} className="text-right" />
          <SortHeader sort="budget" label="Budget left" params={params} />
          <SortHeader sort="burn" label="Burn 1 h" params={params} className="text-right" />
          <Th>Alerts</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ slo, status, health, alerts }) => {
          const firing = alerts.filter((alert) => alert.state === 'firing')
          const hourly = status?.burnRates.find((burn) => burn.seconds === 3600)?.rate ?? null
          return (
            <tr key={slo.id} data-slo={slo.name} className={cn('hover:bg-surface-muted/60', health === 'page' && 'bg-bad-soft/40')}>
              <Td className="max-w-80">
                <Link href={`/slos/${slo.id}`} className="font-medium text-foreground hover:text-accent hover:underline">
                  {slo.displayName ?? slo.name}
                </Link>
                <div className="mt-0.5 truncate text-xs text-muted" title={describeSli(slo)}>
                  {slo.service ?? 'composite'} · {describeSli(slo)} · {describeWindow(slo.window)}
                </div>
              </Td>
              <Td className="whitespace-nowrap">
                <SloHealthBadge health={health} />
              </Td>
              <Td className="text-right tabular-nums">{formatObjective(slo.objective)}</Td>
              <Td className={cn('text-right tabular-nums', status?.budget.sli != null && status.budget.sli < slo.objective && 'text-bad')}>
                {formatSli(status?.budget.sli ?? null)}
              </Td>
              <Td className="whitespace-nowrap">
                <BudgetBar remaining={status && status.budget.sli !== null ? status.budget.remaining : null} />
              </Td>
              <Td
                className={cn(
                  'text-right tabular-nums',
                  hourly !== null && hourly >= 1 && 'text-warn',
                  hourly !== null && hourly >= 6 && 'text-bad',
                )}
              >
                {formatBurnRate(hourly)}
              </Td>
              <Td className="whitespace-nowrap text-xs">
                {firing.length ? (
                  <Link href={`/slos/${slo.id}#alerts`} className="inline-flex items-center gap-1 font-medium text-bad hover:underline">
                    <BellRing className="size-3.5" aria-hidden /> {firing.length} firing
                  </Link>
                ) : (
                  <span className="text-muted">{slo.alerting.tiers.length ? `${slo.alerting.tiers.length} tiers armed` : 'no alerts'}</span>
                )}
              </Td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}
