// What an SLO's figures amount to, in one word for its list row and badge (pure).
import type { SloStatus } from './slo-status'

export const SLO_HEALTHS = ['page', 'exhausted', 'ticket', 'ok', 'no_data'] as const
export type SloHealth = (typeof SLO_HEALTHS)[number]

export const SLO_HEALTH_LABELS: Record<SloHealth, string> = {
  page: 'Burning fast',
  exhausted: 'Budget spent',
  ticket: 'Burning',
  ok: 'Within budget',
  no_data: 'No data',
}

/** A page tier burning outranks a spent budget (it is news); a ticket tier burning outranks nothing else. */
export function sloHealthOf(status: SloStatus | null): SloHealth {
  if (!status || status.budget.sli === null) return 'no_data'
  if (status.tiers.some((tier) => tier.holds && tier.action === 'page')) return 'page'
  if (status.budget.remaining <= 0) return 'exhausted'
  if (status.tiers.some((tier) => tier.holds)) return 'ticket'
  return 'ok'
}
