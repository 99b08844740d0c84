// GET / and /search as a page: what the demo Jaeger is, the services reporting now, the latest
// traces, and a form that opens a trace by id (GET /search?traceID=…, answered with a redirect).
import type { DemoResponse } from '../http/demo-response'
import type { SimTrace } from '../simulator/simulated-trace'
import { formatGoDuration } from '../wire/go-duration'
import { toTraceSummary } from '../wire/to-trace-summary'
import { html } from './html'
import { htmlPage } from './html-page'
import { traceExtent } from './compute-waterfall'

export function renderIndexPage(services: readonly string[], latestTraces: readonly SimTrace[]): DemoResponse {
  const content = html`<h1>Demo Jaeger</h1>
<p>A simulated payments fleet behind Jaeger's query API (<code>/api/v3/*</code> and the classic <code>/api/*</code>).
Spanlens links to <code>/trace/{traceId}</code> here as it would to a real Jaeger UI; <code>?uiFind={spanId}</code> highlights that span.</p>
<form action="/search" method="get">
<label>Trace id <input name="traceID" size="40" class="mono" required></label>
<button type="submit">Open trace</button>
</form>
<h2>Services (${services.length})</h2>
<ul>
${services.map((service) => html`<li>${service}</li>`)}
</ul>
<h2>Latest traces</h2>
<ul>
${latestTraces.map((trace) => {
  const summary = toTraceSummary(trace)
  return html`<li><a class="mono" href="/trace/${trace.traceId}">${trace.traceId}</a> ${summary.rootServiceName ?? ''} ${summary.rootOperationName ?? ''} <span class="meta">· ${summary.spanCount ?? 0} spans · ${formatGoDuration(traceExtent(trace).durationUs * 1000)}${summary.errorSpanCount !== undefined && ` · ${summary.errorSpanCount} errors`}</span></li>`
})}
</ul>`
  return htmlPage(200, 'Demo Jaeger', content)
}
