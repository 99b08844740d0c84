// Deployment markers on the latency pages' charts: which fall on a chart, how each is named and
// coloured. Display only.
import { formatTime } from '@/lib/format/date'
import type { DeploymentMarker } from './schemas'

/** The markers a chart over [startUs, endUs) draws, oldest first (as listDeploymentMarkers reads them: start in, end out). */
export function deploymentMarkersInRange(markers: readonly DeploymentMarker[], startUs: number, endUs: number): DeploymentMarker[] {
  return markers.filter((marker) => marker.atMs * 1000 >= startUs && marker.atMs * 1000 < endUs).sort((a, b) => a.atMs - b.atMs)
}

/** "fail", "not enough data"; "not judged yet" before the first judgement. */
export const verdictWords = (verdict: DeploymentMarker['verdict']) => (verdict === null ? 'not judged yet' : verdict.replaceAll('_', ' '))

/** The marker's accessible name: "Deployment of 2.1.0-rc.81 at 13:20 UTC, verdict fail". */
export const deploymentMarkerName = (marker: DeploymentMarker) =>
  `Deployment of ${marker.version} at ${formatTime(new Date(marker.atMs))} UTC, verdict ${verdictWords(marker.verdict)}`

/** "2.1.0-rc.81 ← 2.1.0-rc.80": the version and the baseline it is judged against. */
export const deploymentMarkerTitle = (marker: DeploymentMarker) =>
  marker.baselineVersion === null ? marker.version : `${marker.version} ← ${marker.baselineVersion}`

/** A failed canary stands out, a passed one reads as fine; the rest (marginal, not judged) stay quiet. */
export const deploymentMarkerTone = (verdict: DeploymentMarker['verdict']): 'bad' | 'ok' | 'muted' =>
  verdict === 'fail' ? 'bad' : verdict === 'pass' ? 'ok' : 'muted'
