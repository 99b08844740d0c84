// A canary judgement's figures as the deployment page shows them: ms as durations, ratios as percent,
// changes signed ("+31 %", "+1.20 pp"). Display only.
import { formatDurationUs } from '@/lib/format/duration-us'
import { formatPercent } from '@/lib/format/percent'
import type { CanaryMetric, CanaryMetricName } from './canary-judge'
import { formatPValue } from './canary-reasons'

export const CANARY_METRIC_LABELS: Record<CanaryMetricName, string> = {
  p50: 'p50 latency',
  p95: 'p95 latency',
  p99: 'p99 latency',
  latency_distribution: 'Latency distribution (canary slower)',
  error_rate: 'Error rate',
  throughput_share: 'Share of requests',
}

const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '')

/** A change in error rate (0..1) in percentage points: "+1.20 pp". */
export const formatErrorRateChange = (difference: number | null) =>
  difference === null ? '—' : `${sign(difference)}${(Math.abs(difference) * 100).toFixed(2)} pp`

/** One side's figure: "182 ms", "8.00 %"; "—" when there is none. */
export function formatCanaryFigure(metric: Pick<CanaryMetric, 'metric' | 'unit'>, value: number | null): string {
  if (value === null) return '—'
  if (metric.unit === 'ms') return formatDurationUs(value * 1000)
  return formatPercent(value, metric.metric === 'error_rate' ? 2 : 1)
}

/** The canary against the baseline: "+31 % (+43 ms)" for a percentile, "+1.20 pp" for the error rate; "—" otherwise. */
export function formatCanaryChange(metric: Pick<CanaryMetric, 'unit' | 'ratio' | 'difference'>): string {
  if (metric.unit === 'ms') {
    if (metric.difference === null) return '—'
    const delta = `${sign(metric.difference)}${formatDurationUs(Math.abs(metric.difference) * 1000)}`
    if (metric.ratio === null) return delta
    const change = metric.ratio - 1
    return `${sign(change)}${formatPercent(Math.abs(change), 0)} (${delta})`
  }
  return formatErrorRateChange(metric.difference)
}

export const formatCanaryPValue = (pValue: number | null) => (pValue === null ? '—' : formatPValue(pValue))

/** p95 canary / baseline of an operation: "×1.31"; "—" without both. */
export const formatP95Ratio = (ratio: number | null) => (ratio === null ? '—' : `×${ratio.toFixed(2)}`)
