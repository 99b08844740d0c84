// TanStack Query options for the latency pages (browser-safe: no database, only the response
// schemas). Keys hold the URL's range parameters, not resolved instants: a live range keeps its
// key while its data moves with the clock.
import { queryOptions } from '@tanstack/react-query'
import { DEFAULT_PRESET, type TimeRangeParams } from '@/lib/time-range/time-range'
import { operationViewSchema, servicesViewSchema, serviceViewSchema } from './schemas'

/** How often a live range refetches (the worker commits about once a minute). */
export const LIVE_REFRESH_MS = 60_000

type RangeKey = { range?: string; from?: string; to?: string }
const rangeKey = ({ range, from, to }: TimeRangeParams): RangeKey => (from && to ? { from, to } : { range: range ?? DEFAULT_PRESET })
const isLive = (params: TimeRangeParams) => !(params.from && params.to)

export const latencyKeys = {
  all: ['latency'] as const,
  services: (params: TimeRangeParams) => ['latency', 'services', rangeKey(params)] as const,
  service: (service: string, params: TimeRangeParams) => ['latency', 'service', service, rangeKey(params)] as const,
  operation: (service: string, operation: string, kind: string | undefined, params: TimeRangeParams) =>
    ['latency', 'operation', service, operation, kind ?? null, rangeKey(params)] as const,
}

async function getJson(path: string, query: Record<string, string | undefined>) {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const response = await fetch(`${path}?${search}`, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 200)}`)
  return response.json()
}

const segment = encodeURIComponent

export const servicesViewQuery = (params: TimeRangeParams) =>
  queryOptions({
    queryKey: latencyKeys.services(params),
    queryFn: async () => servicesViewSchema.parse(await getJson('/api/v1/services', rangeKey(params))),
    refetchInterval: isLive(params) ? LIVE_REFRESH_MS : false,
  })

export const serviceViewQuery = (service: string, params: TimeRangeParams) =>
  queryOptions({
    queryKey: latencyKeys.service(service, params),
    queryFn: async () => serviceViewSchema.parse(await getJson(`/api/v1/services/${segment(service)}/latency`, rangeKey(params))),
    refetchInterval: isLive(params) ? LIVE_REFRESH_MS : false,
  })

export const operationViewQuery = (service: string, operation: string, kind: string | undefined, params: TimeRangeParams) =>
  queryOptions({
    queryKey: latencyKeys.operation(service, operation, kind, params),
    queryFn: async () =>
      operationViewSchema.parse(
        await getJson(`/api/v1/services/${segment(service)}/operations/${segment(operation)}/latency`, { ...rangeKey(params), kind }),
      ),
    refetchInterval: isLive(params) ? LIVE_REFRESH_MS : false,
  })
