// "12 s ago", "5 min ago", "3 h ago", "2 d ago"; ahead of now, "in 5 min". Display only.

const UNITS: [limitSeconds: number, divisorSeconds: number, unit: string][] = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [86_400, 3600, 'h'],
  [Infinity, 86_400, 'd'],
]

export function formatRelativeTime(then: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000)
  if (seconds < 0) return 'just now'
  const [, divisor, unit] = UNITS.find(([limit]) => seconds < limit)!
  return `${Math.floor(seconds / divisor)} ${unit} ago`
}

/** Either side of now: "in 2 h" for a time ahead (an end, a scheduled start), else as formatRelativeTime. */
export function formatTimeFromNow(then: Date, now: Date): string {
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000)
  if (seconds <= 0) return formatRelativeTime(then, now)
  const [, divisor, unit] = UNITS.find(([limit]) => seconds < limit)!
  return `in ${Math.floor(seconds / divisor)} ${unit}`
}
