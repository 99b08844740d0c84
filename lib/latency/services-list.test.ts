import { describe, expect, test } from 'vitest'
import type { ServiceRow } from './schemas'
import { countByStatus, filterAndSortServices, servicesListParams } from './services-list'

function row(
  service: string,
  overrides: {
    status?: ServiceRow['status']
    team?: string
    perMinute?: number
    errorRatio?: number | null
    p95Us?: number | null
    deviation?: number | null
    slowOperation?: string
  } = {},
): ServiceRow {
  const count = overrides.perMinute === 0 ? 0 : 100
  return {
    service,
    origin: 'inventory',
    team: overrides.team ?? null,
    tier: 1,
    status: overrides.status ?? 'ok',
    summary: {
      count,
      errors: 0,
      estimatedPerMinute: overrides.perMinute ?? 10,
      estimated: true,
      errorRatio: overrides.errorRatio ?? 0,
      p50Us: 1,
      p95Us: overrides.p95Us === undefined ? 1000 : overrides.p95Us,
      p99Us: 2,
    },
    verdict: {
      state: 'ok',
      slowSinceUs: null,
      deviation: overrides.deviation ?? null,
      currentP95Us: null,
      baselineP95: { centerUs: 1000, spreadUs: 50, lowerUs: 850, upperUs: 1150 },
      baselineKind: 'plain',
      insufficientReason: null,
      judgedToUs: 0,
    },
    sparklineP95Us: [],
    slowOperations: overrides.slowOperation
      ? [{ operation: overrides.slowOperation, spanKind: 'client', deviation: overrides.deviation ?? null }]
      : [],
    quality: { tracesSeen: 1, completeRatio: 1, spans: 1, orphanSpans: 0, skewedSpans: 0, warningSpans: 0, cleanedTextSpans: 0 },
    samplingRate: 0.1,
    sync: { health: 'caught-up', dataAsOfUs: 0, lastError: null },
  }
}

const ROWS = [
  row('ledger-service', { team: 'core-banking', perMinute: 50, p95Us: 3000 }),
  row('card-service', { status: 'erroring', team: 'cards', errorRatio: 0.3, p95Us: 900 }),
  row('transactions-service', { status: 'slow', team: 'core-banking', deviation: 40, slowOperation: 'SELECT transactions', p95Us: 9000 }),
  row('api-gateway', { status: 'slow', team: 'edge', deviation: 6, p95Us: 12000 }),
  row('loan-service', { status: 'not_traced', perMinute: 0, p95Us: null, errorRatio: null }),
  row('audit-service', { status: 'no_data', perMinute: 0, p95Us: null, errorRatio: null }),
]
const names = (params: Record<string, string>) => filterAndSortServices(ROWS, servicesListParams.parse(params)).map((r) => r.service)

describe('filterAndSortServices', () => {
  test.each([
    [
      'default: worst first, the slowest-off-baseline slow service on top',
      {},
      ['transactions-service', 'api-gateway', 'card-service', 'ledger-service', 'audit-service', 'loan-service'],
    ],
    [
      'by name',
      { sort: 'service' },
      ['api-gateway', 'audit-service', 'card-service', 'ledger-service', 'loan-service', 'transactions-service'],
    ],
    [
      'by name, descending',
      { sort: 'service', dir: 'desc' },
      ['transactions-service', 'loan-service', 'ledger-service', 'card-service', 'audit-service', 'api-gateway'],
    ],
    [
      'by p95, slowest first; services without spans last',
      { sort: 'p95' },
      ['api-gateway', 'transactions-service', 'ledger-service', 'card-service', 'audit-service', 'loan-service'],
    ],
    [
      'by p95 ascending: services without spans still last',
      { sort: 'p95', dir: 'asc' },
      ['card-service', 'ledger-service', 'transactions-service', 'api-gateway', 'audit-service', 'loan-service'],
    ],
    ['by error ratio', { sort: 'errors', status: 'attention' }, ['card-service', 'transactions-service', 'api-gateway']],
    ['needs attention: slow and erroring', { status: 'attention' }, ['transactions-service', 'api-gateway', 'card-service']],
    ['not traced yet: listed, not hidden', { status: 'not_traced' }, ['loan-service']],
    ['search by team', { q: 'CORE-banking' }, ['transactions-service', 'ledger-service']],
    ['search by a slow operation', { q: 'select trans' }, ['transactions-service']],
    [
      'a hand-edited bad sort falls back to the default',
      { sort: 'bogus', status: 'nope' },
      ['transactions-service', 'api-gateway', 'card-service', 'ledger-service', 'audit-service', 'loan-service'],
    ],
  ])('%s', (_label, params, expected) => expect(names(params)).toEqual(expected))

  test('counts per status filter', () => {
    expect(countByStatus(ROWS)).toEqual({ all: 6, attention: 3, slow: 2, erroring: 1, ok: 1, no_data: 1, not_traced: 1 })
  })
})
