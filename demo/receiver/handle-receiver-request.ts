// The demo receiver's routes, apart from the socket (start-receiver.ts reads the request and writes
// the answer):
//   POST /alerts              an Alertmanager v4 webhook: 200 and kept, or 400 listing each problem's path
//   GET  /                    the page of what was received (receiver-page.ts)
//   GET  /api/notifications   the same as JSON (schemas.ts)
//   GET  /health              200 while up
// A body past MAX_BODY_BYTES is 413; another method on a known path 405 with Allow; any other path 404.
import type { NotificationStore } from './notification-store'
import { readAlertmanagerWebhook } from './read-alertmanager-webhook'
import { renderReceiverPage } from './receiver-page'

export type ReceiverRequest = { method: string; path: string; body: string }
export type ReceiverResponse = { status: number; headers: Record<string, string>; body: string }

/** 1 MiB: Alertmanager's largest groups stay well under it; anything past it is not a notification. */
export const MAX_BODY_BYTES = 1024 * 1024

const READ = ['GET', 'HEAD']
const ROUTES: Record<string, string[]> = { '/alerts': ['POST'], '/': READ, '/api/notifications': READ, '/health': READ }

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ReceiverResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  body: JSON.stringify(body),
})

export const payloadTooLarge = (): ReceiverResponse =>
  json(413, { error: 'payload_too_large', message: `a notification is at most ${MAX_BODY_BYTES} bytes` })

export function handleReceiverRequest(request: ReceiverRequest, store: NotificationStore): ReceiverResponse {
  const allowed = ROUTES[request.path]
  if (!allowed) return json(404, { error: 'not_found', message: `nothing at ${request.path}: Alertmanager webhooks go to POST /alerts` })
  if (!allowed.includes(request.method))
    return json(
      405,
      { error: 'method_not_allowed', message: `${request.path} answers ${allowed.join(', ')}` },
      { Allow: allowed.join(', ') },
    )
  switch (request.path) {
    case '/alerts': {
      const reading = readAlertmanagerWebhook(request.body)
      if (!reading.ok) return json(400, { error: 'invalid_input', issues: reading.issues })
      const { id } = store.add(reading.webhook)
      return json(200, { status: 'received', id })
    }
    case '/api/notifications':
      return json(200, store.list())
    case '/health':
      return json(200, { status: 'ok' })
    default:
      return {
        status: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          // No script and nothing from elsewhere: the page is its own markup and inline style.
          'Content-Security-Policy':
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        },
        body: renderReceiverPage(store.list(), { capacity: store.capacity }),
      }
  }
}
