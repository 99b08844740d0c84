import { describe, expect, it } from 'vitest'
import { budgetRunsOutAt, burnDown, burnRateOf, errorBudget, type SloBucket } from './error-budget'

const occurrences = { objective: 0.99, budgeting: 'occurrences' as const }
const timeslices = { objective: 0.99, budgeting: 'timeslices' as const }

describe('error budget', () => {
  it('starts at 100 % with no events, and is spent by bad events against the events so far', () => {
    expect(errorBudget(occurrences, { good: 0, total: 0, minutes: 0, badMinutes: 0 }, 40_320).remaining).toBe(1)
    const budget = errorBudget(occurrences, { good: 9_950, total: 10_000, minutes: 600, badMinutes: 3 }, 40_320)
    expect(budget).toMatchObject({ unit: 'events', spent: 50, sli: 0.995 })
    expect(budget.allowed).toBeCloseTo(100, 9)
    expect(budget.remaining).toBeCloseTo(0.5, 9)
    expect(budget.left).toBeCloseTo(50, 9)
  })

  it('budgets minutes of the whole window for time-slice SLOs', () => {
    // 28 days = 40,320 minutes; 1 % of them is 403.2 bad minutes allowed.
    const budget = errorBudget(timeslices, { good: 0, total: 0, minutes: 1_000, badMinutes: 100 }, 40_320)
    expect(budget.unit).toBe('minutes')
    expect(budget.allowed).toBeCloseTo(403.2, 9)
    expect(budget.remaining).toBeCloseTo(1 - 100 / 403.2, 9)
    expect(budget.sli).toBeCloseTo(0.9, 9)
  })

  it('goes below zero once overspent', () => {
    expect(errorBudget(occurrences, { good: 900, total: 1000, minutes: 1, badMinutes: 0 }, 1).remaining).toBeCloseTo(-9, 9)
  })

  it('burns at 1 when the bad share equals the allowed share, and has no rate without events', () => {
    expect(burnRateOf(occurrences, { good: 99, total: 100, minutes: 1, badMinutes: 0 })).toBeCloseTo(1, 9)
    expect(burnRateOf(occurrences, { good: 0, total: 0, minutes: 0, badMinutes: 0 })).toBeNull()
  })

  it('runs out after remaining × window ÷ burn rate', () => {
    const day = 86_400_000
    // Half the budget left, burning at 2×, 28-day window: 7 days.
    expect(budgetRunsOutAt(0.5, 2, 28 * day, 0)).toBe(7 * day)
    expect(budgetRunsOutAt(0.5, 0, 28 * day, 0)).toBeNull()
    expect(budgetRunsOutAt(-0.1, 2, 28 * day, 5)).toBe(5)
  })

  it('draws the burn-down from 100 % to the budget left now, beside the even-spending line', () => {
    const buckets: SloBucket[] = [0, 1, 2, 3].map((index) => ({
      startMs: index * 10,
      endMs: (index + 1) * 10,
      good: index === 2 ? 98 : 100,
      total: 100,
      minutes: 1,
      badMinutes: 0,
    }))
    const points = burnDown(occurrences, buckets, { startMs: 0, endMs: 40 }, 4)
    // 400 events allow 4 bad; 2 were bad in the third bucket.
    expect(points.map((point) => Number(point.remaining.toFixed(9)))).toEqual([1, 1, 1, 0.5, 0.5])
    expect(points.map((point) => point.ideal)).toEqual([1, 0.75, 0.5, 0.25, 0])
  })
})

describe('corrected minutes', () => {
  it('counts the minutes of a window inside any correction, overlaps once', async () => {
    const { correctedMinutesBetween } = await import('./slo-status')
    const minute = 60_000
    const corrections = [
      { startMs: 10 * minute, endMs: 20 * minute },
      { startMs: 15 * minute, endMs: 30 * minute },
      { startMs: 100 * minute + 30_000, endMs: 103 * minute },
    ]
    expect(correctedMinutesBetween(corrections, 0, 200 * minute)).toBe(20 + 2)
    expect(correctedMinutesBetween(corrections, 25 * minute, 200 * minute)).toBe(5 + 2)
    expect(correctedMinutesBetween([], 0, 40_320 * minute)).toBe(0)
  })
})
