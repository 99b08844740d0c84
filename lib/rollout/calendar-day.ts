// Calendar days as the rollout counts them: UTC dates written 'YYYY-MM-DD', which sort and compare as
// strings. Arithmetic counts whole UTC days: no time zones, no DST.
import { z } from 'zod'

const DAY_MS = 86_400_000

/** A UTC calendar day, 'YYYY-MM-DD' (a real date: 2026-02-30 is refused). */
export const calendarDaySchema = z.iso.date()
export type CalendarDay = z.infer<typeof calendarDaySchema>

const fromDayNumber = (n: number): CalendarDay => new Date(n * DAY_MS).toISOString().slice(0, 10)
const dayNumber = (day: CalendarDay): number => {
  const n = Date.parse(`${day}T00:00:00Z`) / DAY_MS
  // Date.parse rolls 2026-02-30 over to March 2: a day must read back as written
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(n) || fromDayNumber(n) !== day)
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`)
  return n
}

/** The UTC day an instant falls on. */
export const dayOf = (instant: Date): CalendarDay => instant.toISOString().slice(0, 10)

export const addDays = (day: CalendarDay, days: number): CalendarDay => fromDayNumber(dayNumber(day) + days)

/** Whole days from `from` to `to` (negative when `to` is earlier): daysBetween('2026-12-01', '2026-12-03') = 2. */
export const daysBetween = (from: CalendarDay, to: CalendarDay): number => dayNumber(to) - dayNumber(from)

/** Days since 1970-01-01: the x axis of a fitted line. */
export const dayIndex = dayNumber
