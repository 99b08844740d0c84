import { CloudOff } from 'lucide-react'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { WorstTracesSearch } from '@/lib/canary/deployment-detail'
import { UnavailableError } from '@/lib/errors'
import { formatMoment } from '@/lib/format/date'
import { formatDurationUs } from '@/lib/format/duration-us'
import { askJaeger } from '@/lib/jaeger/page-client'
import { fromMicros } from '@/lib/time/micros'

/**
 * The canary's slowest recent traces, searched live in Jaeger by the `service.version` process tag;
 * each opens the trace view. Streamed under a Suspense boundary: a slow or absent Jaeger says so here
 * and holds up nothing else on the page.
 */
export async function CanaryWorstTraces({ search }: { search: WorstTracesSearch }) {
  let found
  try {
    found = await askJaeger((jaeger) => jaeger.findSlowTraces(search))
  } catch (error) {
    if (!(error instanceof UnavailableError)) throw error
    return (
      <p role="alert" className="flex items-start gap-2 px-5 py-4 text-sm text-warn">
        <CloudOff className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Jaeger is not answering, so the canary&apos;s traces cannot be listed ({error.message}). The figures above come from the summary
          store and are unaffected.
        </span>
      </p>
    )
  }
  if (found.traces.length === 0) {
    return (
      <p className="px-5 py-4 text-sm text-muted">
        None of the {found.searched} newest traces Jaeger holds of {search.service} {search.version} in that hour has a span this slow.
        Jaeger may have aged them out of its storage.
      </p>
    )
  }
  const longest = found.traces[0]!.durationUs
  const now = fromMicros(search.endUs)
  return (
    <ol className="divide-y divide-border" aria-label="Slowest traces of the canary">
      {found.traces.map((trace) => (
        <li key={trace.traceId} className="group relative flex items-center gap-3 px-5 py-2.5 hover:bg-surface-muted/60">
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-2">
              <Link
                href={`/traces/${trace.traceId}?${new URLSearchParams({ span: trace.spanId, service: search.service, operation: trace.operation })}`}
                className="font-mono text-xs font-medium text-foreground after:absolute after:inset-0 hover:text-accent"
                data-canary-trace={trace.traceId}
              >
                {trace.traceId.slice(0, 16)}…
              </Link>
              {trace.error && <Badge tone="bad">error</Badge>}
              <span className="truncate text-xs text-muted">
                {trace.operation} · {trace.spanCount} spans · {trace.serviceCount} services
              </span>
            </div>
            <div className="mt-1.5 flex items-center gap-2">
              <div className="h-1.5 flex-1 rounded-full bg-surface-muted" aria-hidden>
                <div className="h-1.5 rounded-full bg-bad/70" style={{ width: `${Math.max(2, (trace.durationUs / longest) * 100)}%` }} />
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
  )
}

export function CanaryWorstTracesSkeleton() {
  return (
    <ul aria-busy="true" aria-label="Searching Jaeger for the canary's traces" className="divide-y divide-border">
      {Array.from({ length: 5 }, (_, index) => (
        <li key={index} className="px-5 py-3">
          <div className="h-4 w-2/3 animate-pulse rounded bg-surface-muted" />
        </li>
      ))}
    </ul>
  )
}
