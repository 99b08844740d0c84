'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { CircleCheck, CircleX, History } from 'lucide-react'
import { useState } from 'react'
import { BacktestChart } from '@/components/charts/backtest-chart'
import { useDebouncedValue } from '@/components/forms/use-debounced-value'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { formatRuleValue } from '@/lib/alerts/format-rule-value'
import { backtestQuery } from '@/lib/alerts/query-options'
import { BACKTEST_RANGES, type AlertRuleInput, type BacktestRange } from '@/lib/alerts/schemas'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format/date'
import { formatDuration } from '@/lib/format/duration'

const RANGE_LABEL: Record<BacktestRange, string> = { '24h': 'Last 24 h', '7d': '7 days', '30d': '30 days' }

/** What the draft would have done over real history: fired how often and how long, on which series, and which incidents it would have caught. */
export function BacktestPanel({
  rule,
  problem,
  subject = 'draft',
}: {
  rule: AlertRuleInput | null
  problem: string | null
  /** A draft in the editor, or a saved rule on its page. */
  subject?: 'draft' | 'rule'
}) {
  const [range, setRange] = useState<BacktestRange>('24h')
  const settled = useDebouncedValue(rule, 500)
  const { data, error, isFetching, isPending } = useQuery({ ...backtestQuery(settled, range), placeholderData: keepPreviousData })
  const format = (value: number) => (data ? formatRuleValue(data.unit, value) : String(value))

  return (
    <Card className={cn(subject === 'draft' && 'self-start xl:sticky xl:top-4')} aria-busy={isFetching}>
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <History className="size-4 text-muted" aria-hidden /> Backtest
          </span>
        }
        description={`The ${subject} replayed over real history, as the worker would have evaluated it.${subject === 'draft' ? ' Nothing is saved.' : ''}`}
        action={
          <div role="group" aria-label="Backtest range" className="flex rounded-md border border-border p-0.5 text-xs">
            {(Object.keys(BACKTEST_RANGES) as BacktestRange[]).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={range === option}
                onClick={() => setRange(option)}
                className={cn(
                  'rounded px-2 py-1 whitespace-nowrap',
                  range === option ? 'bg-accent-soft font-medium text-accent' : 'text-muted hover:text-foreground',
                )}
              >
                {RANGE_LABEL[option]}
              </button>
            ))}
          </div>
        }
      />
      <CardBody className="space-y-4">
        {rule === null ? (
          <p className="text-sm text-muted">Finish the rule to backtest it{problem ? `: ${problem}` : '.'}</p>
        ) : error ? (
          <p role="alert" className="text-sm text-bad">
            {error.message}
          </p>
        ) : isPending || !data ? (
          <div className="space-y-3" aria-label="Running the backtest">
            <Skeleton className="h-6 w-2/3" />
            <Skeleton className="h-44 w-full" />
          </div>
        ) : (
          <>
            <p className="text-sm" aria-live="polite">
              {data.matchedSeries === 0 ? (
                <>No series matches this selector in the range.</>
              ) : data.firedCount === 0 ? (
                <>
                  <strong>Would not have fired</strong> over {RANGE_LABEL[range].toLowerCase()} ({data.matchedSeries} series matched).
                </>
              ) : (
                <>
                  <strong className="text-bad">
                    Would have fired {data.firedCount} time{data.firedCount === 1 ? '' : 's'} for{' '}
                    {formatDuration(data.firingMinutes * 60_000)} in all
                  </strong>{' '}
                  on {data.firingSeries} of {data.matchedSeries} series.
                </>
              )}
              <span className="block text-xs text-muted">
                A value every {data.stepSeconds === 60 ? 'minute' : 'hour'} over{' '}
                {data.windowSeconds === 60 ? '1 minute' : `${data.windowSeconds / 60} minutes`}
                {data.windowSeconds === 3600 ? ' (hourly rollups)' : ''}; computed in {Math.round(data.serverMs)} ms
                {isFetching ? ', updating…' : '.'}
              </span>
            </p>
            {data.series.map((series) => (
              <div key={series.fingerprint} className="space-y-1">
                <h3 className="truncate text-xs font-medium">
                  {[series.labels.service, series.labels.operation].filter(Boolean).join(' · ')}
                  <span className="font-normal text-muted">
                    {' '}
                    — {series.firedCount ? `fired ${series.firedCount}×, ${formatDuration(series.firingMinutes * 60_000)}` : 'never fired'}
                  </span>
                </h3>
                <BacktestChart
                  series={{
                    label: series.labels.service ?? 'series',
                    points: series.points,
                    pending: series.pending,
                    firing: series.firing,
                  }}
                  threshold={data.threshold}
                  fromMs={data.fromMs}
                  toMs={data.toMs}
                  format={format}
                  stepMs={data.stepSeconds * 1000}
                  height={150}
                />
              </div>
            ))}
            {data.incidents.length > 0 && (
              <div>
                <h3 className="mb-2 text-xs font-medium">Incidents of these services in the range</h3>
                <ul className="space-y-1 text-sm">
                  {data.incidents.map((incident) => (
                    <li key={incident.id} className="flex items-start gap-2">
                      {incident.caught ? (
                        <CircleCheck className="mt-0.5 size-4 shrink-0 text-ok" aria-label="caught" />
                      ) : (
                        <CircleX className="mt-0.5 size-4 shrink-0 text-muted" aria-label="missed" />
                      )}
                      <span>
                        {incident.title ?? incident.service}{' '}
                        <time className="text-muted tabular-nums" dateTime={new Date(incident.startedAt).toISOString()}>
                          ({formatDateTime(new Date(incident.startedAt))})
                        </time>{' '}
                        <span className="text-muted">
                          {incident.caught
                            ? `— would have fired ${incident.leadMinutes} min before it was opened`
                            : '— no alert before it was opened'}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </CardBody>
    </Card>
  )
}
