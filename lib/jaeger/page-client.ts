// The Jaeger client of the app's pages and route handlers: the one live call a page makes (opening a
// trace, listing slow traces) waits at most a few seconds and retries once, so a slow Jaeger shows as
// an error on that part of the page instead of holding the page up.
import { env } from '@/lib/env'
import { UnavailableError } from '@/lib/errors'
import { JaegerClient, JaegerRequestError } from './client'

const PAGE_TIMEOUT_MS = 8000

let client: JaegerClient | undefined

export function jaegerForPages(): JaegerClient {
  const { JAEGER_URL, JAEGER_TIMEOUT_MS } = env()
  client ??= new JaegerClient({ baseUrl: JAEGER_URL, timeoutMs: Math.min(JAEGER_TIMEOUT_MS, PAGE_TIMEOUT_MS), retries: 1 })
  return client
}

/** Runs a Jaeger call; Jaeger failing becomes an UnavailableError (503 in route handlers) naming what failed. */
export async function askJaeger<T>(call: (jaeger: JaegerClient) => Promise<T>): Promise<T> {
  try {
    return await call(jaegerForPages())
  } catch (error) {
    if (error instanceof JaegerRequestError) throw new UnavailableError(`Jaeger did not answer: ${error.message}`)
    throw error
  }
}
