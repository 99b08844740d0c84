// Is Jaeger reachable, and which query API does it speak? Used by the health endpoint and the worker.
import { z } from 'zod'
import { jaegerEndpoint } from './jaeger-endpoint'
import { parseClassicNames, parseV3Services } from './parse'

export const jaegerProbeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), api: z.enum(['v3', 'classic']), serviceCount: z.number().int(), latencyMs: z.number() }),
  z.object({ ok: z.literal(false), error: z.string(), latencyMs: z.number() }),
])
export type JaegerProbe = z.infer<typeof jaegerProbeSchema>

/** A probe with the time it was made, as the worker records it. */
export const jaegerCheckSchema = z.intersection(jaegerProbeSchema, z.object({ checkedAt: z.iso.datetime() }))
export type JaegerCheck = z.infer<typeof jaegerCheckSchema>

async function getJson(url: string, authorization: string | null, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json', ...(authorization ? { authorization } : {}) },
  })
  const text = await response.text()
  try {
    return { status: response.status, body: JSON.parse(text) }
  } catch {
    return { status: response.status, body: text.slice(0, 200) }
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out'
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ? `${error.message} (${cause.code})` : error.message
  }
  return String(error)
}

/** api/v3 first (Jaeger ≥ 1.35 and all of 2.x); the classic API when v3 is not served. */
export async function probeJaeger(baseUrl: string, timeoutMs: number): Promise<JaegerProbe> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const { baseUrl: base, authorization } = jaegerEndpoint(baseUrl)
  try {
    const v3 = await getJson(`${base}/api/v3/services`, authorization, timeoutMs)
    if (v3.status === 200) return { ok: true, api: 'v3', serviceCount: parseV3Services(v3.body).length, latencyMs: elapsed() }
    if (v3.status !== 404) return { ok: false, error: `GET /api/v3/services answered ${v3.status}`, latencyMs: elapsed() }
    const classic = await getJson(`${base}/api/services`, authorization, timeoutMs)
    if (classic.status === 200)
      return { ok: true, api: 'classic', serviceCount: parseClassicNames(classic.body).length, latencyMs: elapsed() }
    return { ok: false, error: `GET /api/services answered ${classic.status}`, latencyMs: elapsed() }
  } catch (error) {
    return { ok: false, error: reason(error), latencyMs: elapsed() }
  }
}
