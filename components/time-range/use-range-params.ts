'use client'

import { useSearchParams } from 'next/navigation'
import { useMemo } from 'react'
import { timeRangeParams, type TimeRangeParams } from '@/lib/time-range/time-range'

/** The URL's range parameters, as the server page read them (a malformed range reads as the default). */
export function useRangeParams(): TimeRangeParams {
  const searchParams = useSearchParams()
  const range = searchParams.get('range')
  const from = searchParams.get('from')
  const to = searchParams.get('to')
  return useMemo(() => {
    const parsed = timeRangeParams.safeParse({ range: range ?? undefined, from: from ?? undefined, to: to ?? undefined })
    return parsed.success ? parsed.data : {}
  }, [range, from, to])
}
