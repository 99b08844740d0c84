import { describe, expect, it } from 'vitest'
import { calendarMonthAt, calendarMonthsBetween, calendarPeriodAt, windowBounds } from './slo-window'

const HOUR = 3_600_000

describe('SLO windows', () => {
  it('rolls back its duration from the instant', () => {
    const at = Date.parse('2026-12-06T12:00:00Z')
    expect(windowBounds({ kind: 'rolling', duration: 28 * 86_400 }, at)).toEqual({ startMs: at - 28 * 24 * HOUR, endMs: at, atMs: at })
  })

  it('runs a calendar month from local midnight to local midnight across the spring DST change (743 h)', () => {
    const month = calendarMonthAt(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin')
    expect(new Date(month.startMs).toISOString()).toBe('2026-02-28T23:00:00.000Z')
    expect(new Date(month.endMs).toISOString()).toBe('2026-03-31T22:00:00.000Z')
    expect((month.endMs - month.startMs) / HOUR).toBe(31 * 24 - 1)
  })

  it('and across the autumn one (745 h), in the month of the zone, not of UTC', () => {
    // 2026-11-01T02:00Z is still 31 October in New York.
    const month = calendarMonthAt(Date.parse('2026-11-01T02:00:00Z'), 'America/New_York')
    expect(new Date(month.startMs).toISOString()).toBe('2026-10-01T04:00:00.000Z')
    expect((month.endMs - month.startMs) / HOUR).toBe(31 * 24)
    const november = calendarMonthAt(Date.parse('2026-11-15T00:00:00Z'), 'America/New_York')
    expect((november.endMs - november.startMs) / HOUR).toBe(30 * 24 + 1)
  })

  it('lists the months between two instants, each labelled in its zone', () => {
    const months = calendarMonthsBetween(Date.parse('2026-10-15T00:00:00Z'), Date.parse('2026-12-06T00:00:00Z'), 'UTC')
    expect(months.map((month) => month.label)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(months[1]!.startMs).toBe(months[0]!.endMs)
  })
})

describe('calendar weeks and anchored periods (OpenSLO calendar.startTime)', () => {
  it('starts weeks on Monday at local midnight by default', () => {
    const week = calendarPeriodAt({ unit: 'week', timeZone: 'UTC' }, Date.parse('2026-12-06T12:00:00Z'))
    expect(new Date(week.startMs).toISOString()).toBe('2026-11-30T00:00:00.000Z')
    expect(week.endMs - week.startMs).toBe(7 * 24 * HOUR)
  })

  it('counts weeks from an anchor in its zone, across DST (the week of the change is 169 h)', () => {
    // OpenSLO's own example: weeks from Saturday 2022-01-01 12:00 in New York.
    const window = { unit: 'week' as const, timeZone: 'America/New_York', startTime: '2022-01-01T12:00:00' }
    const week = calendarPeriodAt(window, Date.parse('2026-11-03T00:00:00Z'))
    expect(new Date(week.startMs).toISOString()).toBe('2026-10-31T16:00:00.000Z') // Saturday 12:00 EDT
    expect((week.endMs - week.startMs) / HOUR).toBe(7 * 24 + 1) // DST ends 1 November
  })

  it('counts months from an anchor day', () => {
    const month = calendarPeriodAt({ unit: 'month', timeZone: 'UTC', startTime: '2026-01-15T00:00:00' }, Date.parse('2026-12-06T00:00:00Z'))
    expect(new Date(month.startMs).toISOString()).toBe('2026-11-15T00:00:00.000Z')
    expect(new Date(month.endMs).toISOString()).toBe('2026-12-15T00:00:00.000Z')
  })
})
