'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { CircleCheck, CircleX, History } from 'lucide-react'
import { useState } from 'react'
import { BacktestChart } from '@/components/charts/backtest-chart'
import { RecordedStateChart } from '@/components/charts/recorded-state-strip'
import { useDebouncedValue } from '@/components/forms/use-debounced-value'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { formatRuleValue } from '@/lib/alerts/format-rule-value'
import { backtestQuery } from '@/lib/alerts/query-options'
import { BACKTEST_RANGES, type AlertRuleInput, type BacktestRange } from '@/lib/alerts/schemas'
import { matchRecordedStates, type AlertStateIntervals, type SeriesStateIntervals } from '@/lib/alerts/state-intervals'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format/date'
import { formatDuration } from '@/lib/format/duration'

const RANGE_LABEL: Record<BacktestRange, string> = { '24h': 'Last 24 h', '7d': '7 days', '30d': '30 days' }
/** Series charted with only their recorded strip (recorded alerts, no backtest values), at most; as many as the backtest charts. */
const RECORDED_ONLY_CHARTED = 6

const seriesName = (labels: Readonly<Record<string, string>>) => [labels.service, labels.operation].filter(Boolean).join(' · ')
const timesText = (count: number) => `${count} time${count === 1 ? '' : 's'}`
const recordedText = ({ firing, pending, firingMs }: SeriesStateIntervals) =>
  firing.length
    ? `recorded: fired ${firing.length}×, ${formatDuration(firingMs)}`
    : pending.length
      ? 'recorded: pending, never fired'
      : 'recorded: quiet'

/**
 * What the draft would have done over real history: fired how often and how long, on which series, and which
 * incidents it would have caught. With `recorded` (a saved rule), what it actually did, on the same time axis.
 */
export function BacktestPanel({
  rule,
  problem,
  subject = 'draft',
  recorded,
}: {
  rule: AlertRuleInput | null
  problem: string | null
  /** A draft in the editor, or a saved rule on its page. */
  subject?: 'draft' | 'rule'
  /** The rule's recorded pending and firing intervals per alert, over at least the longest range; clipped here to the one shown. */
  recorded?: readonly AlertStateIntervals[]
}) {
  const [range, setRange] = useState<BacktestRange>('24h')
  const settled = useDebouncedValue(rule, 500)
  const { data, error, isFetching, isPending } = useQuery({ ...backtestQuery(settled, range), placeholderData: keepPreviousData })
  const format = (value: number) => (data ? formatRuleValue(data.unit, value) : String(value))
  // The backtest ends at the last complete step; what the rule recorded since (an alert firing now) extends the shown range to it.
  const toMs = data
    ? Math.max(data.toMs, ...(recorded ?? []).flatMap((alert) => [...alert.pending, ...alert.firing].map((interval) => interval.endMs)))
    : 0
  const matched = recorded && data ? matchRecordedStates(data.series, recorded, { fromMs: data.fromMs, toMs }) : null

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
              {matched && (
                <span className="block">
                  {matched.firedCount === 0 ? (
                    <>Recorded: never fired in this range.</>
                  ) : (
                    <>
                      Recorded: <strong>fired {timesText(matched.firedCount)}</strong> on {matched.firingSeries} series in this range.
                    </>
                  )}
                </span>
              )}
              <span className="block text-xs text-muted">
                A value every {data.stepSeconds === 60 ? 'minute' : 'hour'} over{' '}
                {data.windowSeconds === 60 ? '1 minute' : `${data.windowSeconds / 60} minutes`}
                {data.windowSeconds === 3600 ? ' (hourly rollups)' : ''}; computed in {Math.round(data.serverMs)} ms
                {isFetching ? ', updating…' : '.'}
              </span>
            </p>
            {data.series.map((series, index) => (
              <div key={series.fingerprint} className="space-y-1">
                <h3 className="truncate text-xs font-medium">
                  {seriesName(series.labels)}
                  <span className="font-normal text-muted">
                    {' '}
                    — {series.firedCount ? `fired ${series.firedCount}×, ${formatDuration(series.firingMinutes * 60_000)}` : 'never fired'}
                    {matched && ` · ${recordedText(matched.charted[index]!)}`}
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
                  toMs={toMs}
                  format={format}
                  stepMs={data.stepSeconds * 1000}
                  recorded={matched?.charted[index]}
                  height={150}
                />
              </div>
            ))}
            {matched && matched.others.length > 0 && (
              <div className="space-y-3">
                <h3 className="text-xs font-medium">
                  Recorded on other series
                  <span className="block font-normal text-muted">
                    Series not charted above (the backtest charts the ones its selector matches now that would have fired most).
                  </span>
                </h3>
                {matched.others.slice(0, RECORDED_ONLY_CHARTED).map((series) => (
                  <div key={series.seriesKey} className="space-y-1">
                    <h4 className="truncate text-xs font-medium">
                      {seriesName(series.labels)}
                      <span className="font-normal text-muted"> — {recordedText(series)}</span>
                    </h4>
                    <RecordedStateChart label={seriesName(series.labels) || 'series'} recorded={series} fromMs={data.fromMs} toMs={toMs} />
                  </div>
                ))}
                {matched.others.length > RECORDED_ONLY_CHARTED && (
                  <p className="text-xs text-muted">
                    And {matched.others.length - RECORDED_ONLY_CHARTED} more series with recorded alerts in the range: see the state history
                    below.
                  </p>
                )}
              </div>
            )}
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
