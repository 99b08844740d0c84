// Dates as pages show them, in UTC (a dashboard shared across time zones shows one clock). Display only.

const DAY = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })
const DATE_TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** "Nov 14" */
export const formatDay = (date: Date) => DAY.format(date)
/** "Nov 14, 2026" */
export const formatDate = (date: Date) => DATE.format(date)
/** "Nov 14, 2026, 9:41 AM" */
export const formatDateTime = (date: Date) => DATE_TIME.format(date)
/** "23:30" (UTC, 24-hour) */
export const formatTime = (date: Date) => TIME.format(date)
/** "Nov 14, 23:30 UTC", or "23:30 UTC" when `date` falls on the same UTC day as `now`. */
export const formatMoment = (date: Date, now: Date) =>
  `${date.toISOString().slice(0, 10) === now.toISOString().slice(0, 10) ? '' : `${formatDay(date)}, `}${formatTime(date)} UTC`
/** "2026-12-06 20:40 UTC": sortable, for tables of instants and chart tooltips. */
export const formatUtcMinute = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`
