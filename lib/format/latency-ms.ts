// Latencies and their differences in ms, as the overhead pages show them: "41.8 ms", "3.25 ms", "+0.50 ms". Display only.

const digits = (ms: number) => (Math.abs(ms) < 10 ? 2 : Math.abs(ms) < 1000 ? 1 : 0)

export const formatLatencyMs = (ms: number) =>
  `${ms.toLocaleString('en', { minimumFractionDigits: digits(ms), maximumFractionDigits: digits(ms) })} ms`

/** A difference, signed ("+3.25 ms", "−0.50 ms"): an overhead may be negative (measurement noise). */
export const formatDeltaMs = (ms: number) => `${ms > 0 ? '+' : ms < 0 ? '−' : ''}${formatLatencyMs(Math.abs(ms))}`
