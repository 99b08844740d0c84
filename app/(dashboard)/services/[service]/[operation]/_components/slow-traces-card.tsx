'use client'

import { useQuery } from '@tanstack/react-query'
import { TriangleAlert } from 'lucide-react'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { formatMoment } from '@/lib/format/date'
import { formatDurationUs } from '@/lib/format/duration-us'
import type { TimeRange, TimeRangeParams } from '@/lib/time-range/time-range'
import { slowTracesQueryOptions } from '@/lib/traces/query-options'
import { fromMicros } from '@/lib/time/micros'

/** The slowest recent traces of the operation, searched in Jaeger above the range's p95; each opens the trace view. */
export function SlowTracesCard({
  service,
  operation,
  range,
  rangeParams,
  floorUs,
}: {
  service: string
  operation: string
  range: TimeRange
  rangeParams: TimeRangeParams
  floorUs: number | null
}) {
  const minDurationUs = floorUs ?? 0
  const { data, error, isPending, refetch, isFetching } = useQuery({
    ...slowTracesQueryOptions(service, operation, rangeParams, minDurationUs),
    enabled: floorUs !== null,
  })
  const longest = data?.traces[0]?.durationUs ?? 1
  const now = fromMicros(range.endUs)
  return (
    <Card>
      <CardHeader
        title="Slowest recent traces"
        description={
          floorUs === null
            ? 'No spans in this range to look for.'
            : `Searched live in Jaeger: ${operation} spans of at least ${formatDurationUs(minDurationUs)} (this range's p95), slowest first`
        }
        action={
          error ? (
            <button type="button" onClick={() => void refetch()} className="text-xs text-accent hover:underline">
              Try again
            </button>
          ) : undefined
        }
      />
      {floorUs === null ? null : isPending ? (
        <ul aria-busy="true" aria-label="Loading slow traces" className="divide-y divide-border">
          {Array.from({ length: 5 }, (_, index) => (
            <li key={index} className="px-5 py-3">
              <div className="h-4 w-2/3 animate-pulse rounded bg-surface-muted" />
            </li>
          ))}
        </ul>
      ) : error ? (
        <p role="alert" className="flex items-start gap-2 px-5 py-4 text-sm text-warn">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>Could not search Jaeger: {error.message}. The charts above come from the summary store and are unaffected.</span>
        </p>
      ) : data.traces.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted">
          None of the {data.searched} newest matching traces has a span this slow{isFetching ? '…' : '.'}
        </p>
      ) : (
        <ol className="divide-y divide-border" aria-label="Slowest traces">
          {data.traces.map((trace) => (
            <li key={trace.traceId} className="group relative flex items-center gap-3 px-5 py-2.5 hover:bg-surface-muted/60">
              <div className="min-w-0 flex-1">
                <div className="flex items-center gap-2">
                  <Link
                    href={`/traces/${trace.traceId}?span=${trace.spanId}&service=${encodeURIComponent(service)}&operation=${encodeURIComponent(operation)}`}
                    className="font-mono text-xs font-medium text-foreground after:absolute after:inset-0 hover:text-accent"
                    data-slow-trace={trace.traceId}
                  >
                    {trace.traceId.slice(0, 16)}…
                  </Link>
                  {trace.error && <Badge tone="bad">error</Badge>}
                  <span className="truncate text-xs text-muted">
                    {trace.rootService ? `${trace.rootService}: ${trace.rootOperation}` : 'no root span'} · {trace.spanCount} spans ·{' '}
                    {trace.serviceCount} services
                  </span>
                </div>
                <div className="mt-1.5 flex items-center gap-2">
                  <div className="h-1.5 flex-1 rounded-full bg-surface-muted" aria-hidden>
                    <div
                      className="h-1.5 rounded-full bg-bad/70"
                      style={{ width: `${Math.max(2, (trace.durationUs / longest) * 100)}%` }}
                    />
                  </div>
                  <span className="w-20 text-right text-xs font-medium tabular-nums">{formatDurationUs(trace.durationUs)}</span>
                </div>
              </div>
              <span className="hidden w-36 text-right text-xs text-muted sm:block">
                {formatMoment(fromMicros(trace.startUs), now)}
                <br />
                trace {formatDurationUs(trace.traceDurationUs)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
