import { CircleAlert, ExternalLink, TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format/date'
import { formatDurationUs } from '@/lib/format/duration-us'
import { computeTraceQuality, type TraceQuality } from '@/lib/traces/quality'
import type { Trace } from '@/lib/traces/span'
import { computeTraceLayout } from '@/lib/traces/trace-layout'
import { serviceColorAt } from './service-palette'
import { fromMicros } from '@/lib/time/micros'

export type TraceHeaderProps = {
  trace: Trace
  /** Jaeger UI base URL; without it there is no "Open in Jaeger" link. */
  jaegerUiUrl?: string
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/** What is wrong with the trace as a tree, in words; empty for a complete trace. */
function qualityNotes(quality: TraceQuality): string[] {
  const notes: string[] = []
  if (quality.rootCount === 0) notes.push('No root span')
  else if (quality.rootCount > 1) notes.push(`${quality.rootCount} root spans`)
  if (quality.orphanSpans.length) notes.push(`${plural(quality.orphanSpans.length, 'orphan span')} (parent not in the trace)`)
  if (quality.cycleSpans.length) notes.push(`${plural(quality.cycleSpans.length, 'span')} in a parent cycle`)
  if (quality.skewedSpans.length) notes.push(`${plural(quality.skewedSpans.length, 'span')} timed outside the parent (clock skew?)`)
  if (quality.warningSpans.length) notes.push(`${plural(quality.warningSpans.length, 'span')} with Jaeger warnings`)
  return [...notes, ...quality.traceWarnings]
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium tabular-nums">{children}</dd>
    </div>
  )
}

/** Trace id, timing, services and counts, what is broken about it, and the way to Jaeger UI. */
export function TraceHeader({ trace, jaegerUiUrl }: TraceHeaderProps) {
  const { summary } = computeTraceLayout(trace)
  const notes = qualityNotes(computeTraceQuality(trace))
  const start = fromMicros(summary.startUs)
  return (
    <section aria-label="Trace summary" className="rounded-lg border border-border bg-surface shadow-xs">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-4">
        <div className="min-w-0">
          <p className="text-xs text-muted">Trace</p>
          <h2 className="font-mono text-sm font-semibold break-all">{trace.traceId}</h2>
        </div>
        {jaegerUiUrl && (
          <a
            href={`${jaegerUiUrl.replace(/\/+$/, '')}/trace/${trace.traceId}`}
            target="_blank"
            rel="noreferrer"
            className={buttonClasses({ variant: 'secondary', size: 'sm' })}
          >
            Open in Jaeger
            <ExternalLink className="size-3.5" aria-hidden />
          </a>
        )}
      </div>
      <div className="space-y-4 px-5 py-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Fact label="Started (UTC)">
            <time
              dateTime={summary.spanCount ? start.toISOString() : undefined}
              title={summary.spanCount ? start.toISOString() : undefined}
            >
              {summary.spanCount ? formatDateTime(start) : '—'}
            </time>
          </Fact>
          <Fact label="Duration">{formatDurationUs(summary.durationUs)}</Fact>
          <Fact label="Spans">{summary.spanCount}</Fact>
          <Fact label="Errors">
            <span className={cn('inline-flex items-center gap-1', summary.errorCount > 0 && 'text-bad')}>
              {summary.errorCount > 0 && <CircleAlert className="size-3.5" aria-hidden />}
              {summary.errorCount}
            </span>
          </Fact>
          <Fact label="Depth">{summary.depth}</Fact>
        </dl>
        <div>
          <h3 className="sr-only">Services</h3>
          <ul className="flex flex-wrap gap-1.5">
            {summary.services.map((service) => {
              const color = serviceColorAt(service.colorIndex)
              return (
                <li
                  key={service.service}
                  className={cn('inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium', color.chip)}
                >
                  <span aria-hidden className={cn('size-2 rounded-full', color.fill)} />
                  {service.service}
                  <span className="font-normal">
                    {plural(service.spanCount, 'span')}
                    {service.errorCount > 0 && ` · ${plural(service.errorCount, 'error')}`}
                  </span>
                </li>
              )
            })}
          </ul>
        </div>
        {notes.length > 0 && (
          <ul aria-label="Trace quality" className="flex flex-wrap gap-1.5">
            {notes.map((note, i) => (
              <li key={i}>
                <Badge tone="warn">
                  <TriangleAlert className="size-3" aria-hidden />
                  {note}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
