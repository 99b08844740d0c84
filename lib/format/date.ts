// Dates as pages show them, in UTC (a dashboard shared across time zones shows one clock). Display only.

const DAY = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
const DATE_TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** "Nov 14" */
export const formatDay = (date: Date) => DAY.format(date)
/** "Nov 14, 2026" */
export const formatDate = (date: Date) => DATE.format(date)
/** "Nov 14, 2026, 9:41 AM" */
export const formatDateTime = (date: Date) => DATE_TIME.format(date)
