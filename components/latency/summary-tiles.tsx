import { StatTile as Tile } from '@/components/ui/stat-tile'
import { formatDurationUs } from '@/lib/format/duration-us'
import type { LatencySummary, LatencyVerdict } from '@/lib/latency/schemas'
import { formatPercent } from '@/lib/format/percent'

/** Requests/min, error rate, p95 against its baseline, p50 and p99: the range at a glance. */
export function SummaryTiles({ summary, verdict }: { summary: LatencySummary; verdict: LatencyVerdict | null }) {
  const band = verdict?.baselineP95 ?? null
  const duration = (us: number | null) => (us === null ? '—' : formatDurationUs(us))
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Tile
        label={summary.estimated ? 'Requests/min (estimated)' : 'Requests/min'}
        value={summary.count ? summary.estimatedPerMinute.toFixed(summary.estimatedPerMinute >= 10 ? 1 : 2) : '—'}
        detail={`${summary.count.toLocaleString('en')} spans stored`}
      />
      <Tile
        label="Error rate"
        value={formatPercent(summary.errorRatio, 2)}
        detail={`${summary.errors.toLocaleString('en')} failed`}
        tone={(summary.errorRatio ?? 0) >= 0.05 ? 'warn' : undefined}
      />
      <Tile
        label="p95"
        value={duration(summary.p95Us)}
        detail={band ? `baseline ${formatDurationUs(band.centerUs)} (band up to ${formatDurationUs(band.upperUs)})` : 'no baseline yet'}
        tone={band && summary.p95Us !== null && summary.p95Us > band.upperUs ? 'bad' : undefined}
      />
      <Tile label="p50 · p99" value={`${duration(summary.p50Us)} · ${duration(summary.p99Us)}`} detail="from merged histograms" />
    </div>
  )
}
