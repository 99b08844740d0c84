// TanStack Query options for the sync status (browser-safe: no database, only the response schema).
import { queryOptions } from '@tanstack/react-query'
import { syncStatusResponseSchema } from './schemas'

export const syncKeys = { status: () => ['sync-status'] as const }

/** Polls while the page is open: a backfill moves every few seconds. */
export const syncStatusQuery = () =>
  queryOptions({
    queryKey: syncKeys.status(),
    queryFn: async () => {
      const response = await fetch('/api/v1/sync-status', { headers: { accept: 'application/json' } })
      if (!response.ok) throw new Error(`sync status: ${response.status}`)
      return syncStatusResponseSchema.parse(await response.json())
    },
    refetchInterval: 5000,
  })
