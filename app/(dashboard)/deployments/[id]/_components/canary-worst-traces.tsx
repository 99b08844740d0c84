import { CloudOff } from 'lucide-react'
import { SlowTraceItem, SlowTraceListSkeleton } from '@/components/traces/slow-trace-item'
import type { WorstTracesSearch } from '@/lib/canary/deployment-detail'
import { UnavailableError } from '@/lib/errors'
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
        <SlowTraceItem
          key={trace.traceId}
          trace={trace}
          href={`/traces/${trace.traceId}?${new URLSearchParams({ span: trace.spanId, service: search.service, operation: trace.operation })}`}
          longestUs={longest}
          now={now}
          description={`${trace.operation} · ${trace.spanCount} spans · ${trace.serviceCount} services`}
          data={{ 'data-canary-trace': trace.traceId }}
        />
      ))}
    </ol>
  )
}

export function CanaryWorstTracesSkeleton() {
  return <SlowTraceListSkeleton label="Searching Jaeger for the canary's traces" />
}
