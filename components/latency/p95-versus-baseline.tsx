import { cn } from '@/lib/cn'
import { formatDurationUs } from '@/lib/format/duration-us'
import type { LatencySummary, LatencyVerdict } from '@/lib/latency/schemas'

/** "12.3 ms" over "base 4.1 ms · ×3.0", red when above the band's upper edge. */
export function P95VersusBaseline({ summary, verdict }: { summary: LatencySummary; verdict: LatencyVerdict | null }) {
  if (summary.p95Us === null) return <span className="text-muted">—</span>
  const band = verdict?.baselineP95 ?? null
  const above = band !== null && summary.p95Us > band.upperUs
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className={cn('font-medium tabular-nums', above && 'text-bad')}>{formatDurationUs(summary.p95Us)}</span>
      <span className="text-xs text-muted tabular-nums">
        {band ? `base ${formatDurationUs(band.centerUs)} · ×${(summary.p95Us / band.centerUs).toFixed(1)}` : 'no baseline yet'}
      </span>
    </span>
  )
}
