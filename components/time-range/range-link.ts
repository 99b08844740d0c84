import type { TimeRange } from '@/lib/time-range/time-range'
import { timeRangeQuery } from '@/lib/time-range/time-range'

/** A link that keeps the page's range: `/services/x?range=24h`, or with a custom range's instants. */
export function rangeHref(
  path: string,
  range: Pick<TimeRange, 'kind' | 'startUs' | 'endUs'>,
  extra: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams({
    ...timeRangeQuery(range),
    ...Object.fromEntries(Object.entries(extra).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  })
  return `${path}?${query}`
}

export const serviceHref = (service: string, range: Pick<TimeRange, 'kind' | 'startUs' | 'endUs'>) =>
  rangeHref(`/services/${encodeURIComponent(service)}`, range)

export const operationHref = (
  service: string,
  operation: string,
  spanKind: string | null,
  range: Pick<TimeRange, 'kind' | 'startUs' | 'endUs'>,
) => rangeHref(`/services/${encodeURIComponent(service)}/${encodeURIComponent(operation)}`, range, { kind: spanKind ?? undefined })
