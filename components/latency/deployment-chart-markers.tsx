import type { ChartMarker } from '@/components/charts/chart-markers'
import { DeploymentStatusBadge } from '@/components/canary/deployment-status-badge'
import { VerdictBadge } from '@/components/canary/verdict-badge'
import { formatUtcMinute } from '@/lib/format/date'
import {
  deploymentMarkerName,
  deploymentMarkersInRange,
  deploymentMarkerTitle,
  deploymentMarkerTone,
} from '@/lib/latency/deployment-markers'
import type { DeploymentMarker } from '@/lib/latency/schemas'
import type { TimeRange } from '@/lib/time-range/time-range'

/** The deployments that started in the range, as markers on the page's time charts. */
export function deploymentChartMarkers(markers: readonly DeploymentMarker[], range: Pick<TimeRange, 'startUs' | 'endUs'>): ChartMarker[] {
  return deploymentMarkersInRange(markers, range.startUs, range.endUs).map((marker) => ({
    key: marker.id,
    atUs: marker.atMs * 1000,
    tone: deploymentMarkerTone(marker.verdict),
    label: marker.version,
    name: deploymentMarkerName(marker),
    href: `/deployments/${encodeURIComponent(marker.id)}`,
    title: deploymentMarkerTitle(marker),
    lines: [
      { label: 'Started', value: formatUtcMinute(marker.atMs) },
      { label: 'Status', value: <DeploymentStatusBadge status={marker.status} /> },
      { label: 'Verdict', value: <VerdictBadge verdict={marker.verdict} /> },
    ],
    footer: 'Opens the deployment: canary beside baseline',
  }))
}
