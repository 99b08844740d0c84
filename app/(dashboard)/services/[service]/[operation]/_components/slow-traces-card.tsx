'use client'

import { useQuery } from '@tanstack/react-query'
import { TriangleAlert } from 'lucide-react'
import { SlowTraceItem, SlowTraceListSkeleton } from '@/components/traces/slow-trace-item'
import { Card, CardHeader } from '@/components/ui/card'
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
        <SlowTraceListSkeleton label="Loading slow traces" />
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
            <SlowTraceItem
              key={trace.traceId}
              trace={trace}
              href={`/traces/${trace.traceId}?span=${trace.spanId}&service=${encodeURIComponent(service)}&operation=${encodeURIComponent(operation)}`}
              longestUs={longest}
              now={now}
              description={`${trace.rootService ? `${trace.rootService}: ${trace.rootOperation}` : 'no root span'} · ${trace.spanCount} spans · ${trace.serviceCount} services`}
              data={{ 'data-slow-trace': trace.traceId }}
            />
          ))}
        </ol>
      )}
    </Card>
  )
}
