// Where an SLO's window lies at an instant. Rolling: the last N days up to the instant. Calendar: the
// month (or week) holding the instant in the SLO's time zone, from its local start to the next one's, so
// across a DST change a month is an hour shorter or longer than its days × 24 h (date-fns with
// @date-fns/tz does the calendar arithmetic).
import { tz, TZDate } from '@date-fns/tz'
import { addMonths, addWeeks, startOfMonth, startOfWeek } from 'date-fns'
import type { SloWindow } from './schemas'

export type WindowBounds = {
  startMs: number
  /** The window's end: the instant for a rolling window, the next period's start for a calendar one. */
  endMs: number
  /** How far the window has run: [startMs, atMs). */
  atMs: number
}

type Calendar = Extract<SloWindow, { kind: 'calendar' }>

export function windowBounds(window: SloWindow, atMs: number): WindowBounds {
  if (window.kind === 'rolling') return { startMs: atMs - window.duration * 1000, endMs: atMs, atMs }
  return { ...calendarPeriodAt(window, atMs), atMs }
}

/** The window's full length in ms (a calendar month's, with its DST hour). */
export const windowLengthMs = (bounds: WindowBounds) => bounds.endMs - bounds.startMs

/** The period of a calendar window holding `atMs`. */
export function calendarPeriodAt(
  window: Pick<Calendar, 'unit' | 'timeZone' | 'startTime'>,
  atMs: number,
): { startMs: number; endMs: number } {
  const inZone = { in: tz(window.timeZone) }
  const add = window.unit === 'month' ? addMonths : addWeeks
  if (!window.startTime) {
    const start = window.unit === 'month' ? startOfMonth(atMs, inZone) : startOfWeek(atMs, { ...inZone, weekStartsOn: 1 })
    return { startMs: start.getTime(), endMs: add(start, 1, inZone).getTime() }
  }
  // Periods counted from the anchor: estimate how many lie between, then step to the one holding the instant.
  const [date, time] = window.startTime.split('T') as [string, string]
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number]
  const anchor = new TZDate(year, month - 1, day, hour, minute, second, window.timeZone)
  const approxMs = window.unit === 'month' ? 30.44 * 86_400_000 : 7 * 86_400_000
  let periods = Math.floor((atMs - anchor.getTime()) / approxMs)
  while (add(anchor, periods, inZone).getTime() > atMs) periods -= 1
  while (add(anchor, periods + 1, inZone).getTime() <= atMs) periods += 1
  return { startMs: add(anchor, periods, inZone).getTime(), endMs: add(anchor, periods + 1, inZone).getTime() }
}

export const calendarMonthAt = (atMs: number, timeZone: string) => calendarPeriodAt({ unit: 'month', timeZone }, atMs)

/** The calendar months (in a time zone) overlapping [fromMs, toMs), oldest first, each with its label (2026-11). */
export function calendarMonthsBetween(fromMs: number, toMs: number, timeZone: string): { label: string; startMs: number; endMs: number }[] {
  const months: { label: string; startMs: number; endMs: number }[] = []
  const label = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
  for (let month = calendarMonthAt(fromMs, timeZone); month.startMs < toMs; month = calendarMonthAt(month.endMs, timeZone))
    months.push({ label: label.format(month.startMs).replace(/\D+$/, ''), ...month })
  return months
}
