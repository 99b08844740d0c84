// The request/response values the demo Jaeger's handlers exchange. Handling never touches a socket,
// so a middleware (e.g. a test fault switch: delays, 500s, truncated bodies) can wrap any handler.

export type DemoRequest = {
  method: string
  /** Escaped path, as on the request line. */
  path: string
  rawQuery: string
  /** UTF-8 request body; '' when none. Only the fault control endpoint reads one. */
  body?: string
  /** Set by the fault middleware: searches return at most this many traces (a low max search depth). */
  maxSearchDepth?: number
}
export type DemoResponse = {
  status: number
  headers: Record<string, string>
  body: string
  /** A fault: the server resets the connection (the client sees ECONNRESET) and sends nothing else. */
  resetConnection?: true
}
export type DemoHandler = (request: DemoRequest) => Promise<DemoResponse>

export const connectionReset = (): DemoResponse => ({ status: 0, headers: {}, body: '', resetConnection: true })

/** A JSON body, as Jaeger's handlers write it after setting Content-Type themselves. */
export function jsonResponse(body: string, status = 200): DemoResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body }
}

/** Go's http.Error: plain-text content type, nosniff, the message plus a newline. */
export function goHttpError(message: string, status: number): DemoResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: `${message}\n` }
}

/** What Jaeger's mux answers for a path no route matches (server.go registers this for /api/). */
export const notFound = (): DemoResponse => goHttpError('404 page not found', 404)
