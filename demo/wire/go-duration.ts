// Go's time.Duration.String(), used verbatim in the warnings Jaeger's adjusters write
// ("… calculated delta of 38.512ms"). Input in ns; exact for |ns| < 2^53 (about 104 days).

function withFraction(value: number, precision: number): string {
  const scale = 10 ** precision
  const fraction = String(value % scale)
    .padStart(precision, '0')
    .replace(/0+$/, '')
  return `${Math.floor(value / scale)}${fraction ? `.${fraction}` : ''}`
}

export function formatGoDuration(ns: number): string {
  const magnitude = Math.abs(Math.trunc(ns))
  const sign = ns < 0 ? '-' : ''
  if (magnitude === 0) return '0s'
  if (magnitude < 1_000) return `${sign}${magnitude}ns`
  if (magnitude < 1_000_000) return `${sign}${withFraction(magnitude, 3)}µs`
  if (magnitude < 1_000_000_000) return `${sign}${withFraction(magnitude, 6)}ms`
  const wholeSeconds = Math.floor(magnitude / 1_000_000_000)
  const fraction = withFraction(magnitude % 1_000_000_000, 9).slice(1) // "0.5" → ".5", "0" → ""
  const seconds = `${wholeSeconds % 60}${fraction}s`
  const minutes = Math.floor(wholeSeconds / 60)
  if (minutes === 0) return sign + seconds
  const hours = Math.floor(minutes / 60)
  return `${sign}${hours > 0 ? `${hours}h` : ''}${minutes % 60}m${seconds}`
}
