// Alerts for the notify tests: a firing latency alert on checkout's POST /pay unless told otherwise.
import type { Labels } from '../../schemas'
import type { NotificationAlert } from '../describe-alert'

export const T0 = Date.parse('2026-03-01T10:00:00Z')
export const EXTERNAL_URL = 'https://spanlens.example.com'

export function firingAlert({
  labels = {},
  ...rest
}: Partial<Omit<NotificationAlert, 'labels'>> & { labels?: Labels } = {}): NotificationAlert {
  const allLabels = {
    alertname: 'High p95 latency',
    service: 'checkout',
    operation: 'POST /pay',
    span_kind: 'server',
    severity: 'critical',
    ...labels,
  }
  return {
    fingerprint: `fp-${allLabels.service}-${allLabels.operation}`,
    labels: allLabels,
    annotations: { summary: `p95 of ${allLabels.service} ${allLabels.operation} above 500 ms` },
    state: 'firing',
    value: 812.4,
    activeAt: T0 - 60_000,
    firedAt: T0,
    resolvedAt: null,
    lastSentAt: null,
    keepFiringSince: null,
    condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 500 },
    ...rest,
  }
}

export const resolvedAlert = (overrides: Parameters<typeof firingAlert>[0] = {}, resolvedAt = T0 + 600_000) =>
  firingAlert({ state: 'inactive', resolvedAt, ...overrides })
