// The Jaeger UI routes Spanlens deep-links to (GET /, /search, /trace/{traceId}), answered by small
// server-rendered pages instead of Jaeger's single-page app. Errors are HTML pages, not API JSON.
import type { Simulator } from '../simulator/simulator'
import { escapeHtml, html } from '../ui/html'
import { messagePage } from '../ui/html-page'
import { renderIndexPage } from '../ui/index-page'
import { renderTracePage } from '../ui/trace-page'
import type { DemoResponse } from './demo-response'
import type { UrlValues } from './go-url-values'
import { parseTraceIdParam } from './trace-id-param'

const LATEST_TRACES = 10
const LATEST_WINDOW_US = 15 * 60_000_000

/** http.Redirect's 302 for a GET. */
function found(location: string): DemoResponse {
  return {
    status: 302,
    headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
    body: `<a href="${escapeHtml(location)}">Found</a>.\n\n`,
  }
}

export function createUiHandlers(simulator: Simulator) {
  return {
    /** `?traceID=` is the id form's (and Jaeger UI's search-by-id) parameter: it redirects to the trace. */
    getIndex(values: UrlValues): DemoResponse {
      const traceId = values.get('traceID').trim()
      if (traceId !== '') return found(`/trace/${encodeURIComponent(traceId)}`)
      const nowUs = simulator.nowUs()
      const latest = simulator.findTraces({ startTimeMinUs: nowUs - LATEST_WINDOW_US, startTimeMaxUs: nowUs, searchDepth: LATEST_TRACES })
      return renderIndexPage(simulator.listServices(), latest)
    },

    /**
     * The id is read as the API reads it (hex, unpadded hex or base64), so any id the API resolves
     * opens here too; one no trace id can be is a 400, a well-formed id with no trace behind it a 404.
     */
    getTracePage(traceIdParam: string, values: UrlValues): DemoResponse {
      const traceId = parseTraceIdParam(traceIdParam)
      if (!traceId.ok)
        return messagePage(
          400,
          'Malformed trace id',
          html`<code>${traceIdParam}</code> cannot be a trace id: ${traceId.error}. A trace id is up to 32 hex digits (or 8 or 16 bytes in base64).`,
        )
      const trace = simulator.getTrace(traceId.hex)
      if (!trace)
        return messagePage(
          404,
          'Trace not found',
          html`The demo Jaeger has no trace <code>${traceId.hex}</code>. It resolves only ids it generated (same seed) for traces that have ended by now.`,
        )
      return renderTracePage(trace, values.get('uiFind'))
    },
  }
}
