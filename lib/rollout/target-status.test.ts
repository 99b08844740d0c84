import { describe, expect, test } from 'vitest'
import { formatPercent } from '@/lib/format/percent'
import { addDays } from './calendar-day'
import { judgeTarget, type JudgeTargetInput, type TargetStatus, type TrendPoint } from './target-status'

/** Daily values from `first` on. */
const daily = (first: string, values: number[]): TrendPoint[] => values.map((value, i) => ({ day: addDays(first, i), value }))

// A two-week rollout, seen half-way through unless a row says otherwise.
const PERIOD = { startDay: '2026-12-01', dueDay: '2026-12-15', today: '2026-12-08' }
const servicesTraced = (trend: number[], overrides: Partial<JudgeTargetInput> = {}): JudgeTargetInput => ({
  comparator: 'at_least',
  goal: 23,
  current: trend.at(-1) ?? null,
  trend: daily(PERIOD.startDay, trend),
  ...PERIOD,
  ...overrides,
})
const overheadMs = (trend: number[], overrides: Partial<JudgeTargetInput> = {}): JudgeTargetInput => ({
  ...servicesTraced(trend, overrides),
  comparator: 'at_most',
  goal: 5,
  ...overrides,
})
const reliability = (trend: number[], overrides: Partial<JudgeTargetInput> = {}): JudgeTargetInput => ({
  ...servicesTraced(trend, overrides),
  goal: 0.999,
  ...overrides,
})

describe('judgeTarget', () => {
  test.each<[string, JudgeTargetInput, TargetStatus]>([
    ['no measurement yet', servicesTraced([], { current: null }), 'no_data'],
    ['ahead of plan: 15 of 23 half-way through', servicesTraced([0, 2, 4, 6, 8, 10, 12, 15]), 'on_track'],
    ['exactly on the plan line: 11 of 22 half-way through', servicesTraced([0, 1, 3, 5, 6, 8, 10, 11], { goal: 22 }), 'on_track'],
    ['behind plan and too slow: 5 of 23 half-way through', servicesTraced([0, 1, 2, 3, 3, 4, 5, 5]), 'at_risk'],
    ['exactly at goal (at least): met', servicesTraced([0, 4, 8, 12, 16, 20, 23]), 'met'],
    ['above the goal: met', servicesTraced([0, 24]), 'met'],
    ['exactly at goal (at most is strict, "< 5 ms"): not met, on its way', overheadMs([9, 8.5, 8, 7.5, 7, 6, 5.5, 5]), 'on_track'],
    ['just under the goal (at most): met', overheadMs([9, 4.99]), 'met'],
    ['due day passed, not met: missed', servicesTraced([0, 5, 10, 15, 20], { today: '2026-12-16' }), 'missed'],
    ['due day passed, met: met', servicesTraced([0, 5, 10, 15, 20, 23], { today: '2026-12-16' }), 'met'],
    [
      'on the due day itself, not met: at risk, not yet missed',
      servicesTraced([0, 10, 20, 21, 21, 21, 21], { today: '2026-12-15' }),
      'at_risk',
    ],
    [
      'improving ratio: behind the straight line, but the last week’s pace gets there',
      reliability([0.99, 0.99, 0.99, 0.99, 0.99, 0.991, 0.992, 0.993, 0.994, 0.995, 0.996, 0.997], { today: '2026-12-12' }),
      'on_track',
    ],
    ['worsening overhead: further from the goal than at the start', overheadMs([8, 8.5, 9, 9.5, 10, 10.5, 11, 11]), 'at_risk'],
    ['ahead of plan but moving away from the goal this week', overheadMs([12, 4, 4.5, 5, 5.5, 6, 6.5, 7]), 'at_risk'],
    ['met at the start, slipped since', reliability([0.9995, 0.9995, 0.9994, 0.9993, 0.9991, 0.999, 0.9985, 0.998]), 'at_risk'],
    ['the start day, nothing done yet: on plan so far', servicesTraced([0], { today: '2026-12-01' }), 'on_track'],
    ['no trend at all, half-way through', servicesTraced([], { current: 10 }), 'at_risk'],
    ['no due day, improving', servicesTraced([0, 2, 4, 6, 8, 10, 12, 15], { dueDay: null }), 'on_track'],
    ['no due day, flat', servicesTraced([10, 10, 10, 10, 10, 10, 10, 10], { dueDay: null }), 'at_risk'],
    ['no due day, one point', servicesTraced([10], { dueDay: null }), 'at_risk'],
  ])('%s', (_label, input, status) => {
    expect(judgeTarget(input).status).toBe(status)
  })

  test.each<[string, JudgeTargetInput, string]>([
    ['met', overheadMs([9, 4.2]), '4.2 meets the goal (< 5)'],
    ['missed', servicesTraced([0, 20], { today: '2026-12-16' }), '20 on 2026-12-16, past the due day 2026-12-15 (goal ≥ 23)'],
    [
      'on plan',
      servicesTraced([0, 2, 4, 6, 8, 10, 12, 15]),
      'on plan: 65 % of the way from 0 to ≥ 23 with 50 % of the time to 2026-12-15 gone',
    ],
    [
      'behind plan, on pace',
      reliability([0.99, 0.99, 0.99, 0.99, 0.99, 0.991, 0.992, 0.993, 0.994, 0.995, 0.996, 0.997], {
        today: '2026-12-12',
        formatValue: (ratio) => formatPercent(ratio, 2),
      }),
      'behind plan (78 % of the way from 99.00 % to ≥ 99.90 % with 79 % of the time to 2026-12-15 gone), but at the pace of the last 7 days, 100.00 % by 2026-12-15',
    ],
    [
      'behind plan, too slow',
      servicesTraced([0, 1, 2, 3, 3, 4, 5, 5]),
      'behind plan: 22 % of the way from 0 to ≥ 23 with 50 % of the time to 2026-12-15 gone; at the pace of the last 7 days, 9.75 by 2026-12-15',
    ],
    [
      'worsening',
      overheadMs([8, 8.5, 9, 9.5, 10, 10.5, 11, 11]),
      'behind plan: -100 % of the way from 8 to < 5 with 50 % of the time to 2026-12-15 gone; at the pace of the last 7 days, 14.13 by 2026-12-15',
    ],
    [
      'moving away',
      overheadMs([12, 4, 4.5, 5, 5.5, 6, 6.5, 7]),
      'moving away from the goal over the last 7 days; at the pace of the last 7 days, 10.5 by 2026-12-15',
    ],
    [
      'already at the goal at the start',
      reliability([0.9995, 0.998]),
      'slipped: 0.9995 at the start, already at the goal; 0.998 now; at the pace of the last 2 days, 0.9875 by 2026-12-15',
    ],
  ])('reason: %s', (_label, input, reason) => {
    expect(judgeTarget(input).reason).toBe(reason)
  })

  test('the trend may come in any order, with a day given twice (the later wins), and points outside the period are left out', () => {
    const ordered = servicesTraced([0, 2, 4, 6, 8, 10, 12, 15])
    const shuffled = {
      ...ordered,
      trend: [
        ...[...ordered.trend].reverse(),
        { day: '2026-12-03', value: 99 },
        { day: '2026-12-03', value: 4 },
        { day: '2026-11-20', value: 40 }, // before the start
        { day: '2026-12-09', value: 0 }, // after today
      ],
    }
    expect(judgeTarget(shuffled)).toEqual(judgeTarget(ordered))
  })
})

test.each<[string, JudgeTargetInput, string]>([
  [
    'no due day, one point',
    {
      comparator: 'at_least',
      goal: 23,
      current: 10,
      trend: [{ day: '2026-12-01', value: 10 }],
      startDay: '2026-12-01',
      dueDay: null,
      today: '2026-12-08',
    },
    '10, no trend yet (no due day; goal ≥ 23)',
  ],
  [
    'no trend, half-way',
    { comparator: 'at_least', goal: 23, current: 10, trend: [], startDay: '2026-12-01', dueDay: '2026-12-15', today: '2026-12-08' },
    'behind plan: 0 % of the way from 10 to ≥ 23 with 50 % of the time to 2026-12-15 gone; too few points for a pace',
  ],
])('reason with too little trend: %s', (_label, input, reason) => {
  expect(judgeTarget(input).reason).toBe(reason)
})
