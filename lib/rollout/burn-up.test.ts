import { describe, expect, test } from 'vitest'
import { burnUp, lateServices, type BurnUpPoint, type BurnUpService } from './burn-up'

const service = (
  name: string,
  wave: number | null,
  plannedDate: string | null,
  goLiveDay: string | null,
  retired = false,
): BurnUpService => ({
  name,
  wave,
  plannedDate,
  goLiveDay,
  retired,
})

// A two-wave rollout over 2026-12-01 … 12-05, seen on 12-03.
const FLEET = [
  service('api-gateway', 1, '2026-12-01', '2026-11-30'), // early
  service('checkout', 1, '2026-12-02', '2026-12-02'), // on its day
  service('payments', 1, '2026-12-02', null), // late
  service('search', 2, '2026-12-04', '2026-12-03'), // early, today
  service('ledger', 2, '2026-12-05', null),
  service('batch-export', null, null, '2026-12-02'), // in no wave, no plan, live anyway
  service('legacy-fax', 1, '2026-12-01', null, true), // retired: off the chart
]
const row = (day: string, planned: number, actual: number | null): BurnUpPoint => ({ day, planned, actual })

describe('burnUp', () => {
  const chart = burnUp({ services: FLEET, from: '2026-12-01', to: '2026-12-05', today: '2026-12-03' })

  test('overall: planned by planned date, actual by go-live day, nothing after today', () => {
    expect(chart.overall).toEqual({
      total: 6,
      points: [
        row('2026-12-01', 1, 1), // api-gateway planned and (already) live
        row('2026-12-02', 3, 3), // + checkout, payments planned; + checkout, batch-export live
        row('2026-12-03', 3, 4), // + search live, a day early
        row('2026-12-04', 4, null),
        row('2026-12-05', 5, null),
      ],
    })
  })

  test('per wave, in wave order, the wave-less last as "unplanned"', () => {
    expect(chart.waves).toEqual([
      {
        wave: 1,
        total: 3,
        points: [
          row('2026-12-01', 1, 1),
          row('2026-12-02', 3, 2),
          row('2026-12-03', 3, 2),
          row('2026-12-04', 3, null),
          row('2026-12-05', 3, null),
        ],
      },
      {
        wave: 2,
        total: 2,
        points: [
          row('2026-12-01', 0, 0),
          row('2026-12-02', 0, 0),
          row('2026-12-03', 0, 1),
          row('2026-12-04', 1, null),
          row('2026-12-05', 2, null),
        ],
      },
      {
        wave: 'unplanned',
        total: 1,
        points: [
          row('2026-12-01', 0, 0),
          row('2026-12-02', 0, 1),
          row('2026-12-03', 0, 1),
          row('2026-12-04', 0, null),
          row('2026-12-05', 0, null),
        ],
      },
    ])
  })

  test.each([
    ['a single day', { from: '2026-12-03', to: '2026-12-03', today: '2026-12-03' }, [row('2026-12-03', 3, 4)]],
    ['to before from: no points', { from: '2026-12-05', to: '2026-12-01', today: '2026-12-03' }, []],
    [
      'past the due date, through today: every day has an actual',
      { from: '2026-12-04', to: '2026-12-07', today: '2026-12-07' },
      [row('2026-12-04', 4, 4), row('2026-12-05', 5, 4), row('2026-12-06', 5, 4), row('2026-12-07', 5, 4)],
    ],
    [
      'before the rollout starts: today in the future of the chart',
      { from: '2026-11-29', to: '2026-11-30', today: '2026-12-03' },
      [row('2026-11-29', 0, 0), row('2026-11-30', 0, 1)],
    ],
    [
      'across a month end',
      { from: '2026-11-30', to: '2026-12-01', today: '2026-11-30' },
      [row('2026-11-30', 0, 1), row('2026-12-01', 1, null)],
    ],
  ])('%s', (_label, range, points) => {
    expect(burnUp({ services: FLEET, ...range }).overall.points).toEqual(points)
  })

  test('no services: a flat chart with no waves', () => {
    expect(burnUp({ services: [], from: '2026-12-01', to: '2026-12-02', today: '2026-12-01' })).toEqual({
      overall: { total: 0, points: [row('2026-12-01', 0, 0), row('2026-12-02', 0, null)] },
      waves: [],
    })
  })

  test('a range of decades is refused, not drawn', () => {
    expect(() => burnUp({ services: FLEET, from: '1970-01-01', to: '2026-12-01', today: '2026-12-01' })).toThrow(/at most 3660/)
  })
})

describe('lateServices', () => {
  test.each<[string, BurnUpService, number | null]>([
    ['past its planned date, not live: late by the days since', service('payments', 1, '2026-12-02', null), 1],
    ['on its planned date, not live yet: not late', service('search', 2, '2026-12-03', null), null],
    ['planned later: not late', service('ledger', 2, '2026-12-05', null), null],
    ['live after its planned date: no longer late', service('checkout', 1, '2026-12-01', '2026-12-02'), null],
    ['no planned date: cannot be late', service('batch-export', null, null, null), null],
    ['retired: not late', service('legacy-fax', 1, '2026-11-01', null, true), null],
    ['a go-live day after today (a clock ahead) is not live yet', service('mailer', 1, '2026-11-30', '2026-12-04'), 3],
  ])('%s', (_label, input, daysLate) => {
    expect(lateServices([input], '2026-12-03')).toEqual(daysLate === null ? [] : [{ ...input, daysLate }])
  })

  test('most overdue first, then by name', () => {
    const late = lateServices(
      [service('b', 1, '2026-12-01', null), service('a', 1, '2026-12-01', null), service('c', 1, '2026-11-20', null)],
      '2026-12-03',
    )
    expect(late.map((s) => [s.name, s.daysLate])).toEqual([
      ['c', 13],
      ['a', 2],
      ['b', 2],
    ])
  })
})
