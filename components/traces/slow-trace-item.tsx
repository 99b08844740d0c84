import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { formatMoment } from '@/lib/format/date'
import { formatDurationUs } from '@/lib/format/duration-us'
import { fromMicros } from '@/lib/time/micros'
import type { SlowTrace } from '@/lib/traces/slow-traces'

/**
 * One row of a slowest-traces list: the trace id opening the trace view (the whole row is the link),
 * what the trace is, the slow span's duration as a bar against the slowest in the list, and when.
 * `data` names the row for tests (e.g. `{ 'data-slow-trace': id }`).
 */
export function SlowTraceItem({
  trace,
  href,
  longestUs,
  now,
  description,
  data,
}: {
  trace: SlowTrace
  href: string
  longestUs: number
  now: Date
  description: string
  data: Record<`data-${string}`, string>
}) {
  return (
    <li className="group relative flex items-center gap-3 px-5 py-2.5 hover:bg-surface-muted/60">
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <Link
            href={href}
            className="font-mono text-xs font-medium text-foreground after:absolute after:inset-0 hover:text-accent"
            {...data}
          >
            {trace.traceId.slice(0, 16)}…
          </Link>
          {trace.error && <Badge tone="bad">error</Badge>}
          <span className="truncate text-xs text-muted">{description}</span>
        </div>
        <div className="mt-1.5 flex items-center gap-2">
          <div className="h-1.5 flex-1 rounded-full bg-surface-muted" aria-hidden>
            <div className="h-1.5 rounded-full bg-bad/70" style={{ width: `${Math.max(2, (trace.durationUs / longestUs) * 100)}%` }} />
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
  )
}

/** The list's placeholder rows while Jaeger is searched (`label` says what for). */
export function SlowTraceListSkeleton({ label }: { label: string }) {
  return (
    <ul aria-busy="true" aria-label={label} className="divide-y divide-border">
      {Array.from({ length: 5 }, (_, index) => (
        <li key={index} className="px-5 py-3">
          <div className="h-4 w-2/3 animate-pulse rounded bg-surface-muted" />
        </li>
      ))}
    </ul>
  )
}
