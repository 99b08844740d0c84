// Where an SLO's window lies at an instant. Rolling: the last N days up to the instant. Calendar month:
// the month holding the instant in the SLO's time zone, from its first midnight to the next month's,
// so across a DST change the month is an hour shorter or longer than its days × 24 h (date-fns with
// @date-fns/tz does the calendar arithmetic).
import { tz } from '@date-fns/tz'
import { addMonths, startOfMonth } from 'date-fns'
import type { SloWindow } from './schemas'

export type WindowBounds = {
  startMs: number
  /** The window's end: the instant for a rolling window, the next month's start for a calendar one. */
  endMs: number
  /** How far the window has run: [startMs, atMs). */
  atMs: number
}

export function windowBounds(window: SloWindow, atMs: number): WindowBounds {
  if (window.kind === 'rolling') return { startMs: atMs - window.duration * 1000, endMs: atMs, atMs }
  const month = calendarMonthAt(atMs, window.timeZone)
  return { ...month, atMs }
}

/** The window's full length in ms (a calendar month's, with its DST hour). */
export const windowLengthMs = (bounds: WindowBounds) => bounds.endMs - bounds.startMs

export function calendarMonthAt(atMs: number, timeZone: string): { startMs: number; endMs: number } {
  const inZone = { in: tz(timeZone) }
  const start = startOfMonth(atMs, inZone)
  return { startMs: start.getTime(), endMs: addMonths(start, 1, inZone).getTime() }
}

/** The calendar months (in a time zone) overlapping [fromMs, toMs), oldest first, each with its label (2026-11). */
export function calendarMonthsBetween(fromMs: number, toMs: number, timeZone: string): { label: string; startMs: number; endMs: number }[] {
  const months: { label: string; startMs: number; endMs: number }[] = []
  const label = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
  for (let month = calendarMonthAt(fromMs, timeZone); month.startMs < toMs; month = calendarMonthAt(month.endMs, timeZone))
    months.push({ label: label.format(month.startMs).replace(/\D+$/, ''), ...month })
  return months
}
