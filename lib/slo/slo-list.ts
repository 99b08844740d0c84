// The /slos list's view in its URL (sort, direction, filters), and the rows it shows (pure), as Pyrra's list:
// every SLO with its objective, SLI, budget and status; worst first by default.
import { z } from 'zod'
import { urlFilterText } from '@/lib/text/plain-text'
import { SLO_HEALTHS, type SloHealth } from './slo-health'
import type { SloOverview } from './slo-read-repository'

export const SLO_SORTS = ['health', 'name', 'service', 'objective', 'sli', 'budget', 'burn'] as const
export type SloSort = (typeof SLO_SORTS)[number]
export const DEFAULT_SLO_DIRECTION: Record<SloSort, 'asc' | 'desc'> = {
  health: 'asc',
  name: 'asc',
  service: 'asc',
  objective: 'desc',
  sli: 'asc',
  budget: 'asc',
  burn: 'desc',
}

/** Unknown values fall back to the default view: a hand-edited link still opens the list. */
export const sloListParams = z.object({
  sort: z.enum(SLO_SORTS).catch('health').default('health'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  q: urlFilterText.catch(undefined),
  health: z.enum(SLO_HEALTHS).optional().catch(undefined),
  service: urlFilterText.catch(undefined),
})
export type SloListParams = z.infer<typeof sloListParams>

const HEALTH_ORDER: Record<SloHealth, number> = { page: 0, exhausted: 1, ticket: 2, ok: 3, no_data: 4 }

const hourlyBurn = (overview: SloOverview) => overview.status?.burnRates.find((burn) => burn.seconds === 3600)?.rate ?? null

/** Nulls (no data) last whatever the direction. */
function compare(a: number | string | null, b: number | string | null, direction: 1 | -1) {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return (a < b ? -1 : a > b ? 1 : 0) * direction
}

export function listSloRows(overviews: readonly SloOverview[], params: SloListParams): SloOverview[] {
  const query = params.q?.toLowerCase()
  const direction = (params.dir ?? DEFAULT_SLO_DIRECTION[params.sort]) === 'asc' ? 1 : -1
  const key = (overview: SloOverview): number | string | null => {
    switch (params.sort) {
      case 'health':
        return HEALTH_ORDER[overview.health]
      case 'name':
        return overview.slo.name
      case 'service':
        return overview.slo.service ?? ''
      case 'objective':
        return overview.slo.objective
      case 'sli':
        return overview.status?.budget.sli ?? null
      case 'budget':
        return overview.status ? overview.status.budget.remaining : null
      case 'burn':
        return hourlyBurn(overview)
    }
  }
  return overviews
    .filter((overview) => !params.health || overview.health === params.health)
    .filter((overview) => !params.service || overview.slo.service === params.service)
    .filter(
      (overview) =>
        !query ||
        [overview.slo.name, overview.slo.displayName, overview.slo.service, overview.slo.operation]
          .filter(Boolean)
          .some((text) => text!.toLowerCase().includes(query)),
    )
    .sort(
      (a, b) =>
        compare(key(a), key(b), direction) ||
        compare(a.status?.budget.remaining ?? null, b.status?.budget.remaining ?? null, 1) ||
        a.slo.name.localeCompare(b.slo.name),
    )
}
