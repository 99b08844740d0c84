import type { Attribute, DetailSpan } from '@/lib/traces/trace-detail'
import { formatDurationUs } from '@/lib/format/duration-us'
import type { Span } from '@/lib/traces/span'

/** Spans opened from Jaeger carry their attributes; spans of the lean pipeline model do not. */
export const isDetailSpan = (span: Span): span is DetailSpan => 'attributes' in span

function AttributeList({ attributes }: { attributes: readonly Attribute[] }) {
  if (!attributes.length) return <p className="text-muted">none</p>
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1">
      {attributes.map((attribute, index) => (
        <div key={`${attribute.key}-${index}`} className="contents">
          <dt className="font-mono text-[0.6875rem] break-all text-muted">{attribute.key}</dt>
          <dd className="font-mono text-[0.6875rem] break-all">{String(attribute.value)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Attributes, events (offsets from the span's start) and resource of a span opened from Jaeger. */
export function SpanAttributes({ span }: { span: DetailSpan }) {
  return (
    <>
      {span.statusMessage && (
        <div className="border-t border-border px-4 py-3 text-xs">
          <h4 className="mb-1 font-medium">Status message</h4>
          <p className="break-words text-bad">{span.statusMessage}</p>
        </div>
      )}
      <div className="border-t border-border px-4 py-3 text-xs">
        <h4 className="mb-1.5 font-medium">Attributes</h4>
        <AttributeList attributes={span.attributes} />
      </div>
      {span.events.length > 0 && (
        <div className="border-t border-border px-4 py-3 text-xs">
          <h4 className="mb-1.5 font-medium">Events</h4>
          <ol className="space-y-2">
            {span.events.map((event, index) => (
              <li key={index}>
                <div className="flex items-baseline gap-2">
                  <span className="text-muted tabular-nums">+{formatDurationUs(Math.max(0, event.timeUs - span.startUs))}</span>
                  <span className="font-medium">{event.name}</span>
                </div>
                {event.attributes.length > 0 && (
                  <div className="mt-1 pl-4">
                    <AttributeList attributes={event.attributes} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      <details className="border-t border-border px-4 py-3 text-xs">
        <summary className="cursor-pointer font-medium">Resource ({span.resource.length})</summary>
        <div className="mt-1.5">
          <AttributeList attributes={span.resource} />
        </div>
      </details>
    </>
  )
}
