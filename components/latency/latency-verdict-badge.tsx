import { Badge } from '@/components/ui/badge'
import { formatMoment } from '@/lib/format/date'
import type { LatencyVerdict } from '@/lib/latency/schemas'
import { fromMicros } from '@/lib/time/micros'

/** The worker's verdict in a word: slow (since when), normal, baseline still forming, too quiet to judge. */
export function LatencyVerdictBadge({ verdict, nowUs }: { verdict: LatencyVerdict | null; nowUs: number }) {
  if (!verdict) return <Badge title="The worker has not judged this yet">not judged yet</Badge>
  switch (verdict.state) {
    case 'slow':
      return (
        <Badge
          tone="bad"
          title={`p95 above its baseline band${verdict.deviation !== null ? ` (${verdict.deviation.toFixed(1)} spreads off)` : ''}`}
        >
          slow{verdict.slowSinceUs !== null && ` since ${formatMoment(fromMicros(verdict.slowSinceUs), fromMicros(nowUs))}`}
        </Badge>
      )
    case 'ok':
      return (
        <Badge tone="ok" title={verdict.deviation !== null ? `${verdict.deviation.toFixed(1)} spreads from the baseline` : undefined}>
          normal
        </Badge>
      )
    case 'insufficient_data':
      return <Badge title={verdict.insufficientReason ?? undefined}>baseline forming</Badge>
    case 'no_recent_data':
      return <Badge title="Too few recent spans to judge its latency">too quiet to judge</Badge>
  }
}
