import { LatencyDistributionChart, type LatencyMarker } from '@/components/charts/latency-distribution-chart'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { OperationView } from '@/lib/latency/schemas'

/** How the range's spans spread over durations (log-spaced bins), with p50/p95/p99 and the baseline p95 marked. */
export function DistributionCard({ view }: { view: OperationView }) {
  const { summary, verdict, distribution } = view
  const markers: LatencyMarker[] = [
    ...(summary.p50Us !== null ? [{ label: 'p50', valueUs: summary.p50Us }] : []),
    ...(summary.p95Us !== null
      ? [{ label: 'p95', valueUs: summary.p95Us, tone: verdict?.state === 'slow' ? ('bad' as const) : ('accent' as const) }]
      : []),
    ...(summary.p99Us !== null ? [{ label: 'p99', valueUs: summary.p99Us }] : []),
    ...(verdict?.baselineP95 ? [{ label: 'baseline p95', valueUs: verdict.baselineP95.centerUs, tone: 'default' as const }] : []),
  ]
  return (
    <Card>
      <CardHeader
        title="Latency distribution"
        description={`${distribution.total.toLocaleString('en')} spans in ${view.range.label.toLowerCase()}, on a log scale${distribution.zeroCount ? ` (${distribution.zeroCount} of 0 µs not drawn)` : ''}`}
      />
      <CardBody>
        {distribution.bins.length ? (
          <LatencyDistributionChart bins={distribution.bins} markers={markers} height={220} />
        ) : (
          <p className="text-sm text-muted">No spans in this range.</p>
        )}
      </CardBody>
    </Card>
  )
}
