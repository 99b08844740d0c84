// Routes requests the way Jaeger's query server mux does (internal/server.go, Go 1.22 ServeMux):
// "GET /pattern" routes (HEAD too), {name} wildcards matching one non-empty, unescaped segment,
// "404 page not found" for anything else — POST to an API path included — and 301 to cleaned paths.
// The UI paths (/, /search, /trace/{id}) answer the demo's own HTML pages (ui-handlers.ts).
import type { Simulator } from '../simulator/simulator'
import { createClassicHandlers } from './classic-handlers'
import { goHttpError, notFound, type DemoHandler, type DemoRequest, type DemoResponse } from './demo-response'
import { parseGoQuery, type UrlValues } from './go-url-values'
import { createUiHandlers } from './ui-handlers'
import { createV3Handlers } from './v3-handlers'

type Route = { segments: readonly string[]; handle: (wildcards: string[], values: UrlValues, request: DemoRequest) => DemoResponse }

/** path.Clean as ServeMux applies it, keeping a trailing slash. */
function cleanPath(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  const cleaned = `/${parts.join('/')}`
  return path.endsWith('/') && cleaned !== '/' ? `${cleaned}/` : cleaned
}

function redirect(location: string): DemoResponse {
  return {
    status: 301,
    headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
    body: `<a href="${location}">Moved Permanently</a>.\n\n`,
  }
}

function match(route: Route, segments: string[]): string[] | null {
  if (route.segments.length !== segments.length) return null
  const wildcards: string[] = []
  for (const [index, expected] of route.segments.entries()) {
    const actual = segments[index]!
    if (expected === '*') {
      if (actual === '') return null
      wildcards.push(actual)
    } else if (expected !== actual) {
      return null
    }
  }
  return wildcards
}

export function createDemoHandler(simulator: Simulator): DemoHandler {
  const v3 = createV3Handlers(simulator)
  const classic = createClassicHandlers(simulator)
  const ui = createUiHandlers(simulator)
  const route = (pattern: string, handle: Route['handle']): Route => ({
    segments: pattern
      .split('/')
      .slice(1)
      .map((segment) => (segment.startsWith('{') ? '*' : segment)),
    handle,
  })
  const routes: Route[] = [
    route('/api/v3/traces/{trace_id}', ([traceId], values) => v3.getTrace(traceId!, values)),
    route('/api/v3/traces', (_, values, request) => v3.findTraces(values, request.maxSearchDepth)),
    route('/api/v3/trace-summaries', (_, values, request) => v3.findTraceSummaries(values, request.maxSearchDepth)),
    route('/api/v3/services', () => v3.getServices()),
    route('/api/v3/operations', (_, values) => v3.getOperations(values)),
    route('/api/v3/dependencies', (_, values) => v3.getDependencies(values)),
    route('/api/traces/{traceID}', ([traceId], values) => classic.getTrace(traceId!, values)),
    route('/api/traces', (_, values, request) => classic.search(values, request.maxSearchDepth)),
    route('/api/services', (_, values) => classic.getServices(values)),
    route('/api/operations', (_, values) => classic.getOperations(values)),
    route('/api/services/{service}/operations', ([service], values) => classic.getOperationsLegacy(service!, values)),
    route('/api/dependencies', (_, values) => classic.dependencies(values)),
    route('/', (_, values) => ui.getIndex(values)),
    route('/search', (_, values) => ui.getIndex(values)),
    route('/trace/{traceID}', ([traceId], values) => ui.getTracePage(traceId!, values)),
  ]

  return async (request: DemoRequest) => {
    const cleaned = cleanPath(request.path)
    if (cleaned !== request.path) return redirect(cleaned + (request.rawQuery ? `?${request.rawQuery}` : ''))
    if (request.path === '/api') return redirect(`/api/${request.rawQuery ? `?${request.rawQuery}` : ''}`)
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound()
    let segments: string[]
    try {
      segments = request.path.split('/').slice(1).map(decodeURIComponent)
    } catch {
      return goHttpError('400 Bad Request', 400)
    }
    const values = parseGoQuery(request.rawQuery)
    for (const candidate of routes) {
      const wildcards = match(candidate, segments)
      if (!wildcards) continue
      try {
        return candidate.handle(wildcards, values, request)
      } catch (error) {
        // Jaeger's recovery handler: log, answer 500 with no body.
        console.error('demo Jaeger: handler failed', error)
        return { status: 500, headers: {}, body: '' }
      }
    }
    return notFound()
  }
}
