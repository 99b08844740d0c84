'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { formatMoment } from '@/lib/format/date'
import { fromMicros } from '@/lib/time/micros'
import { brokenTracesQueryOptions } from '@/lib/traces/query-options'

/** A few of the service's recent traces that did not arrive whole, each opening in the trace view. */
export function BrokenTracesList({ service }: { service: string }) {
  const { data, error, isPending, refetch } = useQuery(brokenTracesQueryOptions(service))
  if (isPending)
    return (
      <ul aria-busy="true" aria-label={`Loading broken traces of ${service}`} className="space-y-2">
        {Array.from({ length: 3 }, (_, index) => (
          <li key={index} className="h-4 w-2/3 animate-pulse rounded bg-surface-muted" />
        ))}
      </ul>
    )
  if (error)
    return (
      <p className="text-sm text-bad">
        Jaeger could not be searched: {error.message}.{' '}
        <button type="button" onClick={() => void refetch()} className="text-accent hover:underline">
          Try again
        </button>
      </p>
    )
  if (data.traces.length === 0)
    return (
      <p className="text-sm text-muted">
        None of its {data.searched} most recent traces in the last {data.hours} h is broken.
      </p>
    )
  const now = new Date()
  return (
    <ul className="divide-y divide-border" aria-label={`Broken traces of ${service}`}>
      {data.traces.map((trace) => (
        <li key={trace.traceId} className="py-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/traces/${trace.traceId}`} className="font-mono text-xs font-medium text-accent hover:underline">
              {trace.traceId.slice(0, 16)}…
            </Link>
            <span className="text-xs text-muted">
              {formatMoment(fromMicros(trace.startUs), now)} · {trace.rootService ?? 'no root'}
              {trace.rootOperation ? ` ${trace.rootOperation}` : ''} · {trace.spanCount} spans
            </span>
            {trace.skewedSpans > 0 && <Badge tone="neutral">clock skew noted</Badge>}
          </div>
          <ul className="mt-1 list-disc pl-5 text-xs text-foreground">
            {trace.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
