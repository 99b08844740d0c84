// One evaluation of an alert rule's instances, as Prometheus' AlertingRule.Eval does it
// (rules/alerting.go, prometheus/prometheus), and when an alert is (re)sent (Alert.needsSending). Pure:
// the previous alerts are not mutated; unchanged alerts are returned as the same objects.
//
//   condition   | holds | holds | holds | ·     | ·     | holds |      for 2m, keep_firing_for 0, 1-minute steps
//   state         pend    pend    firing  inact.  inact.  pend          a resolved alert that holds again is a new alert
//                 activeAt        firedAt resolvedAt      activeAt (new)
import { fingerprintOf } from './fingerprint'
import type { Alert, AlertState, Labels } from './schemas'

/** A series whose condition holds at this evaluation, with its alert labels (rule's and series') and expanded annotations. */
export type ActiveSeries = { labels: Labels; annotations: Labels; value: number }

/** One alert's state before and after one evaluation; `new` had no alert, `deleted` keeps none. Times are epoch ms. */
export type AlertTransition = {
  fingerprint: string
  from: AlertState | 'new'
  to: AlertState | 'deleted'
  at: number
  /** The alert's value: this evaluation's when the condition holds, else the last one where it held. */
  value: number
}

export type AlertEvaluationOptions = {
  /** This evaluation's time, epoch ms. */
  at: number
  forSeconds: number
  keepFiringForSeconds: number
  resolvedRetentionSeconds?: number
}

export type AlertEvaluation = {
  /** Pending, firing and resolved (inactive, within retention) alerts by fingerprint. */
  alerts: Map<string, Alert>
  /** At most one per alert: its state before → after this evaluation (new → firing when `for` is 0). */
  transitions: AlertTransition[]
  /**
   * Firing alerts whose keepFiringSince was set or cleared with no state change. Persist these too: an alert
   * read back with keepFiringSince null would restart its keep_firing_for at every evaluation.
   */
  keepFiringChanges: string[]
}

/** Prometheus' resolvedRetention (rules/alerting.go): resolved alerts are kept, and re-sent, for 15 minutes. */
export const RESOLVED_RETENTION_SECONDS = 15 * 60
/** Prometheus' --rules.alert.resend-delay default. */
export const RESEND_DELAY_SECONDS = 60

export function evaluateAlerts(
  previous: ReadonlyMap<string, Alert>,
  active: readonly ActiveSeries[],
  { at, forSeconds, keepFiringForSeconds, resolvedRetentionSeconds = RESOLVED_RETENTION_SECONDS }: AlertEvaluationOptions,
): AlertEvaluation {
  const forMs = forSeconds * 1000
  const keepFiringForMs = keepFiringForSeconds * 1000
  const resolvedRetentionMs = resolvedRetentionSeconds * 1000
  const alerts = new Map<string, Alert>()
  const transitions: AlertTransition[] = []
  const keepFiringChanges: string[] = []

  for (const series of active) {
    const fingerprint = fingerprintOf(series.labels)
    if (alerts.has(fingerprint)) throw new Error(`two series with the same alert labels (${fingerprint}): ${JSON.stringify(series.labels)}`)
    const before = previous.get(fingerprint)
    let after: Alert
    if (before && before.state !== 'inactive') {
      after = { ...before, value: series.value, annotations: series.annotations, keepFiringSince: null }
      if (before.keepFiringSince !== null) keepFiringChanges.push(fingerprint)
    } else {
      // A resolved alert whose condition holds again is replaced: a new alert, pending from now.
      after = {
        fingerprint,
        labels: series.labels,
        annotations: series.annotations,
        state: 'pending',
        value: series.value,
        activeAt: at,
        firedAt: null,
        resolvedAt: null,
        lastSentAt: null,
        keepFiringSince: null,
      }
    }
    if (after.state === 'pending' && at - after.activeAt >= forMs) after = { ...after, state: 'firing', firedAt: at }
    alerts.set(fingerprint, after)
    if (after.state !== (before?.state ?? 'new'))
      transitions.push({ fingerprint, from: before?.state ?? 'new', to: after.state, at, value: after.value })
  }

  for (const [fingerprint, before] of previous) {
    if (alerts.has(fingerprint)) continue
    const keepFiringSince = before.keepFiringSince ?? at
    const keepFiring = before.state === 'firing' && keepFiringForMs > 0 && at - keepFiringSince < keepFiringForMs
    if (keepFiring) {
      if (before.keepFiringSince === null) keepFiringChanges.push(fingerprint)
      alerts.set(fingerprint, before.keepFiringSince === null ? { ...before, keepFiringSince } : before)
      continue
    }
    const deleted = before.state === 'pending' || (before.resolvedAt !== null && at - before.resolvedAt > resolvedRetentionMs)
    if (deleted) {
      transitions.push({ fingerprint, from: before.state, to: 'deleted', at, value: before.value })
      continue
    }
    if (before.state === 'inactive') {
      alerts.set(fingerprint, before)
      continue
    }
    // Prometheus leaves KeepFiringSince set on the resolved alert; cleared here, as Alert documents it (it
    // is read nowhere once inactive: a resolved alert whose condition holds again is replaced).
    alerts.set(fingerprint, { ...before, state: 'inactive', resolvedAt: at, keepFiringSince: null })
    transitions.push({ fingerprint, from: 'firing', to: 'inactive', at, value: before.value })
  }
  return { alerts, transitions, keepFiringChanges }
}

/**
 * Whether to send the alert at `at` (Alert.needsSending): never while pending; a resolved alert not yet
 * sent as resolved, at once; otherwise again once `resendDelaySeconds` have passed since the last send.
 * A resolved alert is so re-sent while it is retained.
 */
export function needsSending(alert: Alert, at: number, resendDelaySeconds = RESEND_DELAY_SECONDS): boolean {
  if (alert.state === 'pending') return false
  if (alert.resolvedAt !== null && (alert.lastSentAt === null || alert.resolvedAt > alert.lastSentAt)) return true
  return alert.lastSentAt === null || alert.lastSentAt + resendDelaySeconds * 1000 < at
}

export function markSent(alert: Alert, at: number): Alert {
  return { ...alert, lastSentAt: at }
}
