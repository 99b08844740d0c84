import { Badge, type BadgeTone } from '@/components/ui/badge'
import { formatDuration } from '@/lib/format/duration'
import type { DebuggingTimeComparison } from '@/lib/incidents/time-to-resolve'

/** 0.62 → "62 % faster", −0.2 → "20 % slower"; an unbounded ratio (a resample with a 0 before) → "unboundedly slower". */
export function formatChange(improvement: number): string {
  if (!Number.isFinite(improvement)) return 'unboundedly slower'
  const percent = Math.round(Math.abs(improvement) * 100)
  return improvement >= 0 ? `${percent} % faster` : `${percent} % slower`
}

const VERDICT_TONE: Record<DebuggingTimeComparison['verdict'], BadgeTone> = {
  faster: 'ok',
  slower: 'bad',
  'no clear change': 'neutral',
  'no baseline': 'neutral',
  'too few incidents': 'warn',
}

export function VerdictBadge({ comparison }: { comparison: DebuggingTimeComparison }) {
  const text = comparison.verdict === 'too few incidents' ? 'too few incidents to tell' : comparison.verdict
  return <Badge tone={VERDICT_TONE[comparison.verdict]}>{text}</Badge>
}

/** "6 resolved, 1 open" */
export const cohortSize = ({ resolved, open }: { resolved: number; open: number }) => `${resolved} resolved${open ? `, ${open} open` : ''}`

/** The comparison in one sentence, never a bare number: the medians, both cohort sizes and the interval. */
export function ComparisonSentence({ comparison, minCohort }: { comparison: DebuggingTimeComparison; minCohort: number }) {
  const sizes = `before: ${cohortSize(comparison.before)}; after: ${cohortSize(comparison.after)}`
  if (comparison.verdict === 'too few incidents')
    return (
      <>
        Too few incidents to tell: each side needs at least {minCohort} resolved ({sizes}).
      </>
    )
  if (comparison.verdict === 'no baseline') return <>No baseline: half the incidents before go-live resolved at once ({sizes}).</>
  const { interval } = comparison
  return (
    <>
      Median time to resolve {formatDuration(comparison.medianBeforeMs)} before go-live, {formatDuration(comparison.medianAfterMs)} after:{' '}
      <strong className="font-semibold">{formatChange(comparison.improvement)}</strong> ({Math.round(interval.confidence * 100)} % interval{' '}
      {formatChange(interval.low)} to {formatChange(interval.high)}; {sizes}).
    </>
  )
}
