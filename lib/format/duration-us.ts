// Span durations, from µs: "850 µs", "12.3 ms", "1.42 s" (three significant digits, trailing zeros
// dropped), then formatDuration's "3 min". Display only.
import { formatDuration } from './duration'

/** `value` to three significant digits (at most two decimals), "1.5" rather than "1.50". */
const threeDigits = (value: number) => String(Number(value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)))

export function formatDurationUs(us: number): string {
  if (Math.round(us) < 1000) return `${Math.round(us)} µs`
  // Units step up on the rounded value, so 999.96 ms reads "1 s", not "1000 ms".
  const ms = us / 1000
  if (Number(threeDigits(ms)) < 1000) return `${threeDigits(ms)} ms`
  const seconds = ms / 1000
  if (Number(threeDigits(seconds)) < 60) return `${threeDigits(seconds)} s`
  return formatDuration(ms)
}
