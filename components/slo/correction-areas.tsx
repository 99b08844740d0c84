import { ReferenceArea } from 'recharts'

export type ChartInterval = { startMs: number; endMs: number; reason: string }

/** An SLO's corrections as shaded spans of a time chart (x in µs), clipped to its range. */
export function correctionAreas(corrections: readonly ChartInterval[], range: { startUs: number; endUs: number }) {
  return corrections.map((correction) => (
    <ReferenceArea
      key={`${correction.startMs}-${correction.endMs}`}
      x1={Math.max(correction.startMs * 1000, range.startUs)}
      x2={Math.min(correction.endMs * 1000, range.endUs)}
      fill="var(--muted)"
      fillOpacity={0.18}
      ifOverflow="hidden"
    />
  ))
}
