// The services list's URL state (search, status filter, sort) and what it does to the rows. Pure and
// browser-safe: the table filters and sorts in the browser without a refetch.
import { z } from 'zod'
import type { ServiceRow } from './schemas'

export const SERVICE_SORTS = ['status', 'service', 'rate', 'errors', 'p95', 'deviation'] as const
export type ServiceSort = (typeof SERVICE_SORTS)[number]
export const STATUS_FILTERS = ['all', 'attention', 'slow', 'erroring', 'ok', 'no_data', 'not_traced'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

/** Bad values fall back to the defaults: a hand-edited link still opens the list. */
export const servicesListParams = z.object({
  q: z.string().max(200).catch('').default(''),
  status: z.enum(STATUS_FILTERS).catch('all').default('all'),
  sort: z.enum(SERVICE_SORTS).catch('status').default('status'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
})
export type ServicesListParams = z.infer<typeof servicesListParams>

/** Worst first: what needs looking at leads the list. */
const STATUS_RANK: Record<ServiceRow['status'], number> = { slow: 0, erroring: 1, ok: 2, no_data: 3, not_traced: 4 }

/** The direction a column sorts in when first clicked: the bad end first. */
export const DEFAULT_DIRECTION: Record<ServiceSort, 'asc' | 'desc'> = {
  status: 'asc',
  service: 'asc',
  rate: 'desc',
  errors: 'desc',
  p95: 'desc',
  deviation: 'desc',
}

/** Current p95 over the baseline's p95 centre: 1.0 is normal. */
export const p95Ratio = (row: ServiceRow) =>
  row.summary.p95Us !== null && row.verdict?.baselineP95 ? row.summary.p95Us / row.verdict.baselineP95.centerUs : null
const worstDeviation = (row: ServiceRow) =>
  Math.max(row.verdict?.deviation ?? -Infinity, ...row.slowOperations.map((operation) => operation.deviation ?? -Infinity))

/** Sort keys; null sorts last whichever the direction. */
const KEYS: Record<ServiceSort, (row: ServiceRow) => number | string | null> = {
  status: (row) => STATUS_RANK[row.status],
  service: (row) => row.service,
  rate: (row) => (row.summary.count > 0 ? row.summary.estimatedPerMinute : null),
  errors: (row) => row.summary.errorRatio,
  p95: (row) => row.summary.p95Us,
  deviation: (row) => (Number.isFinite(worstDeviation(row)) ? worstDeviation(row) : null),
}

function compareKeys(a: number | string | null, b: number | string | null, direction: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  if (typeof a === 'string' || typeof b === 'string') return direction * String(a).localeCompare(String(b))
  return direction * (a - b)
}

const matchesStatus = (row: ServiceRow, status: StatusFilter) =>
  status === 'all' || (status === 'attention' ? row.status === 'slow' || row.status === 'erroring' : row.status === status)

/** Search matches the service, its team or a slow operation's name, case-insensitively. */
const matchesQuery = (row: ServiceRow, q: string) => {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  return [row.service, row.team ?? '', ...row.slowOperations.map((operation) => operation.operation)].some((text) =>
    text.toLowerCase().includes(needle),
  )
}

export function filterAndSortServices(rows: readonly ServiceRow[], params: ServicesListParams): ServiceRow[] {
  const direction = (params.dir ?? DEFAULT_DIRECTION[params.sort]) === 'asc' ? 1 : -1
  const key = KEYS[params.sort]
  return rows
    .filter((row) => matchesStatus(row, params.status) && matchesQuery(row, params.q))
    .sort(
      (a, b) =>
        compareKeys(key(a), key(b), direction) ||
        // Ties (e.g. two slow services): the one further off its baseline, then by p95 ratio, then by name.
        compareKeys(KEYS.deviation(a), KEYS.deviation(b), -1) ||
        compareKeys(p95Ratio(a), p95Ratio(b), -1) ||
        a.service.localeCompare(b.service),
    )
}

/** How many rows each status filter would show (for the filter chips). */
export function countByStatus(rows: readonly ServiceRow[]): Record<StatusFilter, number> {
  return Object.fromEntries(STATUS_FILTERS.map((status) => [status, rows.filter((row) => matchesStatus(row, status)).length])) as Record<
    StatusFilter,
    number
  >
}
