'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useCallback } from 'react'

type Updates = Record<string, string | null | undefined>

/**
 * Updates the URL's query without a server round trip: Next keeps useSearchParams in step with
 * history.pushState / replaceState, so components re-read the URL and refetch only what changed.
 * `push` makes a history entry (back returns to the previous view); otherwise the entry is replaced
 * (typing in a search box should not flood the history). A null or '' value removes the parameter.
 */
export function useSearchParamsUpdate() {
  const pathname = usePathname()
  const searchParams = useSearchParams()
  return useCallback(
    (updates: Updates, { push = false }: { push?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString())
      for (const [name, value] of Object.entries(updates)) {
        if (value === null || value === undefined || value === '') next.delete(name)
        else next.set(name, value)
      }
      const query = next.toString()
      const url = `${pathname}${query ? `?${query}` : ''}`
      if (push) window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
    },
    [pathname, searchParams],
  )
}
