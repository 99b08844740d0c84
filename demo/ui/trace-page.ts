// GET /trace/{id} as a page: the trace's waterfall (Jaeger UI's layout, server-rendered) with each
// span's details, attributes sorted and clock-skew warnings included as an adjusted read returns them.
import type { DemoResponse } from '../http/demo-response'
import { SPAN_KIND_NAMES, type SimTrace } from '../simulator/simulated-trace'
import { formatGoDuration } from '../wire/go-duration'
import { renderTrace, type RenderedSpan } from '../wire/render-trace'
import { toTraceSummary } from '../wire/to-trace-summary'
import { Html, html } from './html'
import { htmlPage } from './html-page'
import { computeWaterfall, type WaterfallRow } from './compute-waterfall'

const formatUs = (us: number) => formatGoDuration(us * 1000)
const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`

/** The row's element id: `#span-<spanId>` links to a span, and :target highlights it. */
export const spanAnchor = (spanId: string) => `span-${spanId}`

/** uiFind as Jaeger UI reads it: whitespace-separated terms. Here a term matches a span id only. */
export const parseUiFind = (uiFind: string): string[] =>
  uiFind
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '')

function spanDetails(row: WaterfallRow, rendered: RenderedSpan | undefined, found: boolean): Html {
  const { span } = row
  const attributes = rendered?.attributes ?? span.attributes
  const events = rendered?.events ?? span.events
  const parent = span.parentSpanId === '' ? 'none (root)' : row.isOrphan ? `${span.parentSpanId} (not in this trace)` : span.parentSpanId
  return html`<details${found ? new Html(' open') : ''}>
<summary class="meta">${attributes.length} attributes${events.length > 0 && ` · ${events.length} events`}</summary>
<table>
<tr><td>span id</td><td class="mono"><a href="#${spanAnchor(span.spanId)}">${span.spanId}</a></td></tr>
<tr><td>parent</td><td class="mono">${parent}</td></tr>
<tr><td>kind</td><td>${SPAN_KIND_NAMES[span.kind]}</td></tr>
<tr><td>host</td><td class="mono">${span.resource.hostName}</td></tr>
<tr><td>scope</td><td class="mono">${span.scope.name} ${span.scope.version}</td></tr>
${span.statusCode === 2 && html`<tr><td>status</td><td class="error-mark">error${span.statusMessage && `: ${span.statusMessage}`}</td></tr>`}
${(rendered?.warnings ?? []).map((warning) => html`<tr><td>warning</td><td class="warning">${warning}</td></tr>`)}
${attributes.map((attribute) => html`<tr><td class="mono">${attribute.key}</td><td class="mono">${String(attribute.value)}</td></tr>`)}
${events.map((event) => html`<tr><td>event +${formatUs(event.timeUs - span.startUs)}</td><td class="mono">${event.name}${event.attributes.map((attribute) => ` ${attribute.key}=${String(attribute.value)}`)}</td></tr>`)}
</table>
</details>`
}

function spanRow(row: WaterfallRow, rendered: RenderedSpan | undefined, found: boolean): Html {
  const { span } = row
  const isError = span.statusCode === 2
  const classes = ['span', isError && 'error', found && 'found'].filter(Boolean).join(' ')
  return html`<li class="${classes}" id="${spanAnchor(span.spanId)}">
<div class="row">
<span class="name" style="padding-left: ${row.depth * 16}px" title="${span.resource.serviceName} ${span.name}"><span class="service">${span.resource.serviceName}</span> ${span.name}${isError && html` <span class="error-mark">error</span>`}${row.isOrphan && html` <span class="meta">(orphan)</span>`}</span>
<span class="offset">+${formatUs(row.offsetUs)}</span>
<span class="track"><span class="bar" style="left: ${percent(row.left)}; width: ${percent(row.width)}"></span></span>
<span class="duration">${formatUs(span.durationUs)}</span>
</div>
${spanDetails(row, rendered, found)}
</li>`
}

/** Scrolls the first found span into view. The id is JSON with '<' escaped, so it cannot end the script. */
const scrollTo = (elementId: string) =>
  html`<script>document.getElementById(${new Html(JSON.stringify(elementId).replace(/</g, '\\u003c'))}).scrollIntoView({ block: 'center' })</script>`

export function renderTracePage(trace: SimTrace, uiFind: string): DemoResponse {
  const waterfall = computeWaterfall(trace)
  const summary = toTraceSummary(trace)
  const rendered = new Map(
    renderTrace(trace, false).flatMap((resource) =>
      resource.scopes.flatMap((scope) => scope.spans.map((renderedSpan) => [renderedSpan.span.spanId, renderedSpan] as const)),
    ),
  )
  const terms = parseUiFind(uiFind)
  const isFound = (row: WaterfallRow) => terms.includes(row.span.spanId.toLowerCase())
  const firstFound = waterfall.rows.find(isFound)
  const foundCount = waterfall.rows.filter(isFound).length

  const content = html`<h1>Trace <code>${trace.traceId}</code></h1>
<p><strong>${summary.rootServiceName ?? ''}</strong> ${summary.rootOperationName ?? ''}</p>
<p class="meta">Started ${new Date(waterfall.startUs / 1000).toISOString()} · duration ${formatUs(waterfall.durationUs)} · ${trace.spans.length} spans · ${summary.services.length} services · ${summary.errorSpanCount ?? 0} errors${summary.orphanSpanCount !== undefined && ` · ${summary.orphanSpanCount} orphans`}</p>
<p class="meta">Services: ${summary.services.map((service) => service.name).join(', ')}</p>
<p>JSON: <a href="/api/v3/traces/${trace.traceId}">/api/v3/traces/${trace.traceId}</a> · classic: <a href="/api/traces/${trace.traceId}">/api/traces/${trace.traceId}</a></p>
${terms.length > 0 && html`<p class="meta">uiFind <code>${uiFind}</code>: ${foundCount > 0 ? `${foundCount} span${foundCount === 1 ? '' : 's'} highlighted` : 'no span in this trace has that id'}</p>`}
<div class="row meta"><span>Service and operation</span><span class="offset">Start</span><span>0 — ${formatUs(waterfall.durationUs)}</span><span class="duration">Duration</span></div>
<ul class="waterfall">
${waterfall.rows.map((row) => spanRow(row, rendered.get(row.span.spanId), isFound(row)))}
</ul>
${firstFound && scrollTo(spanAnchor(firstFound.span.spanId))}`
  return htmlPage(200, `Demo Jaeger — trace ${trace.traceId}`, content)
}
