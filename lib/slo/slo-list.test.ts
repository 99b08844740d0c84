import { describe, expect, it } from 'vitest'
import { listSloRows, sloListParams } from './slo-list'
import type { SloOverview } from './slo-read-repository'
import { sloInput } from './schemas'
import type { SloStatus } from './slo-status'

const overview = (name: string, service: string, remaining: number | null, health: SloOverview['health']): SloOverview => ({
  slo: { ...sloInput.parse({ name, service, sli: { kind: 'availability' }, objective: 0.99 }), id: name, version: 1 },
  status:
    remaining === null
      ? null
      : ({ budget: { remaining, sli: 0.99 }, burnRates: [{ seconds: 3600, rate: 1 - remaining }] } as unknown as SloStatus),
  health,
  alerts: [],
})

const rows = [
  overview('auth-availability', 'auth-service', 0.9, 'ok'),
  overview('tx-latency', 'transactions-service', -0.2, 'page'),
  overview('profile-latency', 'user-profile-service', null, 'no_data'),
  overview('fraud-latency', 'fraud-detection', 0.3, 'ticket'),
]
const names = (params: Record<string, string>) => listSloRows(rows, sloListParams.parse(params)).map((row) => row.slo.name)

describe('the SLO list', () => {
  it('shows the worst first by default, no data last', () => {
    expect(names({})).toEqual(['tx-latency', 'fraud-latency', 'auth-availability', 'profile-latency'])
  })

  it('sorts by budget left either way, keeping SLOs without data last', () => {
    expect(names({ sort: 'budget' })).toEqual(['tx-latency', 'fraud-latency', 'auth-availability', 'profile-latency'])
    expect(names({ sort: 'budget', dir: 'desc' })).toEqual(['auth-availability', 'fraud-latency', 'tx-latency', 'profile-latency'])
  })

  it('filters by status, service and text, from the URL', () => {
    expect(names({ health: 'ok' })).toEqual(['auth-availability'])
    expect(names({ service: 'fraud-detection' })).toEqual(['fraud-latency'])
    expect(names({ q: 'LATENCY', sort: 'name' })).toEqual(['fraud-latency', 'profile-latency', 'tx-latency'])
  })

  it('opens the default view from a hand-edited link', () => {
    expect(sloListParams.parse({ sort: 'nonsense', dir: 'up', health: 'great' })).toEqual({ sort: 'health' })
  })
})
