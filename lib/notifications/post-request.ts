// One POST to a receiver, measured, never throwing: what the delivery log records and whether to retry.
import type { OutgoingRequest } from './render-notification'

export type PostOutcome = {
  ok: boolean
  httpStatus: number | null
  latencyMs: number
  /** Why it failed: the network error, or the status with the start of the receiver's answer. */
  error: string | null
  /** Worth another attempt: network errors, timeouts, 408, 429 and 5xx (Alertmanager retries those). */
  retryable: boolean
}

export const POST_TIMEOUT_MS = 10_000
const ERROR_BODY_CHARS = 300

export async function postRequest(request: OutgoingRequest, { timeoutMs = POST_TIMEOUT_MS } = {}): Promise<PostOutcome> {
  const started = performance.now()
  const latency = () => Math.round(performance.now() - started)
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text().catch(() => '')
    if (response.ok) return { ok: true, httpStatus: response.status, latencyMs: latency(), error: null, retryable: false }
    const status = response.status
    const answer = text.trim().replace(/\s+/g, ' ').slice(0, ERROR_BODY_CHARS)
    return {
      ok: false,
      httpStatus: status,
      latencyMs: latency(),
      error: `HTTP ${status}${answer ? `: ${answer}` : ''}`,
      retryable: status === 408 || status === 429 || status >= 500,
    }
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
    const message =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? `no answer within ${timeoutMs / 1000} s`
        : `${error instanceof Error ? error.message : String(error)}${cause}`
    return { ok: false, httpStatus: null, latencyMs: latency(), error: message, retryable: true }
  }
}
