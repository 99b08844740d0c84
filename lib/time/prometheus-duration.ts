// Durations as Prometheus writes them ("30s", "10m", "1h30m", "2d"): units from largest to smallest,
// each at most once (Prometheus' model.ParseDuration). We keep whole seconds; "0" and "0s" are zero.
const UNITS = [
  ['y', 365 * 86_400],
  ['w', 7 * 86_400],
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const

const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/

/** Seconds in a Prometheus duration, or null when the text is not one (milliseconds are refused: we evaluate by the second). */
export function parsePrometheusDuration(text: string): number | null {
  if (text === '0') return 0
  const match = PATTERN.exec(text)
  if (!match || text === '') return null
  let seconds = 0
  UNITS.forEach(([, size], index) => {
    const value = match[index + 1]
    if (value !== undefined) seconds += Number(value) * size
  })
  return Number.isSafeInteger(seconds) ? seconds : null
}

/** The shortest Prometheus duration for whole seconds: 5400 → "1h30m", 0 → "0s". */
export function formatPrometheusDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) throw new RangeError(`expected whole seconds ≥ 0, got ${seconds}`)
  if (seconds === 0) return '0s'
  let rest = seconds
  let text = ''
  for (const [unit, size] of UNITS) {
    if (unit === 'y' || unit === 'w') continue // Prometheus prints days, never years or weeks
    const count = Math.floor(rest / size)
    if (count) text += `${count}${unit}`
    rest -= count * size
  }
  return text
}
