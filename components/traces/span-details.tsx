import { ExternalLink, X } from 'lucide-react'
import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { formatDurationUs } from '@/lib/format/duration-us'
import type { WaterfallRow } from '@/lib/traces/trace-layout'
import { serviceColorAt } from './service-palette'
import { isDetailSpan, SpanAttributes } from './span-attributes'

export type SpanDetailsProps = {
  row: WaterfallRow
  /** µs of this span on the critical path (0 when it is off the path). */
  criticalPathUs: number
  jaegerUiUrl?: string
  onClose: () => void
}

/** "13 %", and "< 1 %" rather than a misleading "0 %" for a sliver. */
const percentOf = (part: number, whole: number) => (part > 0 && part / whole < 0.005 ? '< 1 %' : `${Math.round((part / whole) * 100)} %`)

const Mono = ({ children }: { children: ReactNode }) => <span className="font-mono text-[0.6875rem] break-all">{children}</span>

/** Everything known about one span, beside or below the waterfall: attributes, events and resource when it was opened from Jaeger. */
export function SpanDetails({ row, criticalPathUs, jaegerUiUrl, onClose }: SpanDetailsProps) {
  const { span } = row
  const color = serviceColorAt(row.serviceColorIndex)
  const facts: [string, ReactNode][] = [
    [
      'Service',
      <span key="service" className="inline-flex items-center gap-1.5">
        <span aria-hidden className={`size-2 rounded-full ${color.fill}`} />
        {span.service}
      </span>,
    ],
    ['Kind', span.kind],
    ['Start', `+${formatDurationUs(row.offsetUs)} from trace start`],
    ['Duration', formatDurationUs(span.durationUs)],
    ['Self time', `${formatDurationUs(row.selfTimeUs)}${span.durationUs > 0 ? ` (${percentOf(row.selfTimeUs, span.durationUs)})` : ''}`],
    ['Critical path', criticalPathUs > 0 ? formatDurationUs(criticalPathUs) : 'not on it'],
    [
      'Status',
      span.error ? (
        <Badge key="status" tone="bad">
          error
        </Badge>
      ) : (
        <Badge key="status" tone="ok">
          ok
        </Badge>
      ),
    ],
    ['HTTP route', span.httpRoute ?? '—'],
    ['HTTP status', span.httpStatusCode ?? '—'],
    ['Service version', span.serviceVersion ?? '—'],
    ['Sampler', span.samplerType ? `${span.samplerType}${span.samplerParam === null ? '' : ` ${span.samplerParam}`}` : '—'],
    ['Span ID', <Mono key="span-id">{span.spanId}</Mono>],
    [
      'Parent ID',
      span.parentSpanId ? (
        <span key="parent-id">
          <Mono>{span.parentSpanId}</Mono>
          {row.detached === 'orphan' && <span className="block text-xs text-warn">not in this trace</span>}
          {row.detached === 'cycle' && <span className="block text-xs text-warn">its parents lead round in a circle</span>}
        </span>
      ) : (
        'none (root)'
      ),
    ],
  ]
  return (
    <section aria-labelledby="span-details-title" className="rounded-lg border border-border bg-surface shadow-xs">
      <header className="flex items-start justify-between gap-3 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h3 id="span-details-title" className="text-sm font-semibold break-words">
            {span.operation}
          </h3>
          <p className="mt-0.5 text-xs text-muted">Span details · Esc closes</p>
        </div>
        <Button variant="ghost" size="sm" className="size-8 px-0" onClick={onClose} aria-label="Close span details" title="Close (Esc)">
          <X className="size-4" aria-hidden />
        </Button>
      </header>
      <dl className="grid grid-cols-[7.5rem_1fr] gap-x-3 gap-y-2 px-4 py-3 text-xs">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted">{term}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
      {span.warnings.length > 0 && (
        <div className="border-t border-border px-4 py-3 text-xs">
          <h4 className="mb-1.5 font-medium text-warn">Jaeger warnings</h4>
          <ul className="list-disc space-y-1 pl-4">
            {span.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {isDetailSpan(span) && <SpanAttributes span={span} />}
      {jaegerUiUrl && (
        <div className="border-t border-border px-4 py-3">
          <a
            href={`${jaegerUiUrl.replace(/\/+$/, '')}/trace/${span.traceId}?uiFind=${span.spanId}`}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-1.5 text-xs font-medium text-accent hover:underline"
          >
            Open span in Jaeger
            <ExternalLink className="size-3.5" aria-hidden />
          </a>
        </div>
      )}
    </section>
  )
}
