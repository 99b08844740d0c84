// What every notification says about one alert, decided once for the four channel formats: its status,
// title, value against the rule's threshold, since when, and where to look in Spanlens.
import { formatDuration } from '@/lib/format/duration'
import { formatLatencyMs } from '@/lib/format/latency-ms'
import { formatPercent } from '@/lib/format/percent'
import type { Alert, Condition } from '../schemas'

/** An alert as the notify stage hands it over, with its rule's condition when the rule is known. */
export type NotificationAlert = Alert & { condition?: Condition | null }

export type NotificationStatus = 'firing' | 'resolved'

export type AlertDescription = {
  status: NotificationStatus
  alertname: string
  severity: string | null
  service: string | null
  operation: string | null
  /** annotations.summary, or the rule and series when the rule has none. */
  title: string
  description: string | null
  /** "812 ms", "4.20 %"; with the threshold it was compared to, "> 500 ms (p95)", when the condition is known. */
  value: string
  threshold: string | null
  /** Epoch ms: when it started firing; when it resolved. */
  since: number
  resolvedAt: number | null
  links: { alert: string; service: string | null; runbook: string | null }
}

/** Only firing alerts and resolved ones (inactive with resolvedAt) are ever notified. */
export function notificationStatus(alert: Alert): NotificationStatus {
  if (alert.state === 'firing') return 'firing'
  if (alert.state === 'inactive' && alert.resolvedAt !== null) return 'resolved'
  throw new RangeError(`alert ${alert.fingerprint} is ${alert.state}${alert.resolvedAt === null ? '' : ' (resolved)'}: nothing to notify`)
}

export function describeAlert(alert: NotificationAlert, externalUrl: string): AlertDescription {
  const { labels, annotations } = alert
  const alertname = labels.alertname ?? 'alert'
  const series = [labels.service, labels.operation].filter(Boolean).join(' ')
  const { value, threshold } = valueAgainstThreshold(alert.value, alert.condition ?? null)
  return {
    status: notificationStatus(alert),
    alertname,
    severity: labels.severity ?? null,
    service: labels.service ?? null,
    operation: labels.operation ?? null,
    title: annotations.summary?.trim() || (series ? `${alertname}: ${series}` : alertname),
    description: annotations.description?.trim() || null,
    value,
    threshold,
    since: alert.firedAt ?? alert.activeAt,
    resolvedAt: alert.resolvedAt,
    links: {
      alert: spanlensUrl(externalUrl, `/alerts?${new URLSearchParams({ alert: alert.fingerprint })}`),
      service: labels.service ? spanlensUrl(externalUrl, seriesPath(labels.service, labels.operation, labels.span_kind)) : null,
      runbook: httpUrl(annotations.runbook_url),
    },
  }
}

/** The series' page, as components/time-range/range-link.ts writes it (without a time range). */
export function seriesPath(service: string, operation: string | undefined, spanKind: string | undefined): string {
  const path = `/services/${encodeURIComponent(service)}`
  if (!operation) return path
  return `${path}/${encodeURIComponent(operation)}${spanKind ? `?${new URLSearchParams({ kind: spanKind })}` : ''}`
}

export const spanlensUrl = (externalUrl: string, path: string) => `${externalUrl.replace(/\/+$/, '')}${path}`

/** A runbook annotation is shown as a link only when it is an absolute http(s) URL. */
function httpUrl(text: string | undefined): string | null {
  if (!text) return null
  try {
    const url = new URL(text.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * Values in the rule's unit, as lib/alerts/rule-values.ts computes them: ms for latency; for a baseline
 * rule the ratio of p95 to the baseline's (with a factor) or the deviation score (without); a share 0..1;
 * minutes silent for no data; failing metrics for a canary.
 */
export function valueAgainstThreshold(value: number, condition: Condition | null): { value: string; threshold: string | null } {
  switch (condition?.kind) {
    case 'latency_threshold':
      return { value: formatLatencyMs(value), threshold: `> ${formatLatencyMs(condition.aboveMs)} (${condition.percentile})` }
    case 'latency_baseline':
      return condition.factor !== undefined
        ? { value: `${formatNumber(value, 3)} × baseline p95`, threshold: `> ${condition.factor} ×` }
        : { value: `deviation ${formatNumber(value, 2)}`, threshold: condition.deviation === undefined ? null : `> ${condition.deviation}` }
    case 'error_rate':
      return { value: formatPercent(value, 2), threshold: `> ${formatPercent(condition.above, 2)}` }
    case 'trace_reliability':
      return { value: formatPercent(value, 1), threshold: `< ${formatPercent(condition.below, 1)} complete` }
    case 'no_data':
      return { value: `no spans for ${formatDuration(value * 60_000)}`, threshold: `≥ ${formatDuration(condition.silentFor * 1000)}` }
    case 'canary_regression':
      return { value: `${value} failing canary metric${value === 1 ? '' : 's'}`, threshold: 'canary verdict fail' }
    default:
      return { value: formatNumber(value, 6), threshold: null }
  }
}

const formatNumber = (value: number, significant: number) =>
  Number.isFinite(value) ? String(Number(value.toPrecision(significant))) : String(value)
