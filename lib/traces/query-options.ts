// TanStack Query options for the slow-trace list (browser-safe). A live Jaeger search: fetched after
// first paint, never prefetched, so a slow Jaeger never holds up the operation page.
import { queryOptions } from '@tanstack/react-query'
import type { TimeRangeParams } from '@/lib/time-range/time-range'
import { brokenTracesViewSchema, slowTracesViewSchema } from './schemas'

export const traceKeys = {
  slow: (service: string, operation: string, params: TimeRangeParams, minDurationUs: number) =>
    ['traces', 'slow', service, operation, params, minDurationUs] as const,
  broken: (service: string) => ['traces', 'broken', service] as const,
}

/** A service's recent traces that did not arrive whole (reliability evidence), searched live. */
export const brokenTracesQueryOptions = (service: string) =>
  queryOptions({
    queryKey: traceKeys.broken(service),
    queryFn: async () => {
      const response = await fetch(`/api/v1/services/${encodeURIComponent(service)}/broken-traces`, {
        headers: { accept: 'application/json' },
      })
      const body: unknown = await response.json().catch(() => null)
      if (!response.ok) throw new Error((body as { message?: string } | null)?.message ?? `Jaeger search failed (${response.status})`)
      return brokenTracesViewSchema.parse(body)
    },
    retry: 1,
    staleTime: 60_000,
  })

export const slowTracesQueryOptions = (service: string, operation: string, params: TimeRangeParams, minDurationUs: number) =>
  queryOptions({
    queryKey: traceKeys.slow(service, operation, params, minDurationUs),
    queryFn: async () => {
      const query = new URLSearchParams({
        ...(params.from && params.to ? { from: params.from, to: params.to } : params.range ? { range: params.range } : {}),
        minDurationUs: String(Math.floor(minDurationUs)),
      })
      const response = await fetch(
        `/api/v1/services/${encodeURIComponent(service)}/operations/${encodeURIComponent(operation)}/slow-traces?${query}`,
        { headers: { accept: 'application/json' } },
      )
      const body: unknown = await response.json().catch(() => null)
      if (!response.ok) throw new Error((body as { message?: string } | null)?.message ?? `Jaeger search failed (${response.status})`)
      return slowTracesViewSchema.parse(body)
    },
    retry: 1,
    staleTime: 60_000,
  })
