// An SLO's burn-rate rules judged at its instant, as the alert evaluator judges any rule
// (lib/alerts/alert-state.ts: pending, firing, resolved and kept), from the tiers its figures say hold, under a
// cursor of its own (`slo:<id>`), so a second worker or a rerun at the same instant changes nothing. The alerts
// are stored with every other alert: /alerts lists them, the notifications stage groups, silences and sends them.
import { evaluateAlerts, type ActiveSeries } from '@/lib/alerts/alert-state'
import type { Annotate } from '@/lib/alerts/alert-evaluator'
import { listEvaluationCursors, pairKey, saveEvaluations, type AlertChange, type EvaluatedService } from '@/lib/alerts/alerts-repository'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import type { Alert, Labels, StoredAlertRule } from '@/lib/alerts/schemas'
import { listAlertsByPair } from '@/lib/alerts/stored-alerts-repository'
import type { StoredSlo } from './schemas'
import type { SloStatus } from './slo-status'

/** Judges each SLO's generated rules at its instant, as the alert evaluator judges any rule, under the SLO's own cursor. */
export async function judgeBurnRateAlerts(
  slos: readonly StoredSlo[],
  statuses: readonly { sloId: string; atMs: number; status: SloStatus }[],
  annotate: Annotate,
) {
  const { rules } = await listAlertRules({ enabledOnly: true, generated: true })
  const burnRules = rules.filter((rule) => rule.condition.kind === 'slo_burn_rate')
  const cursorOf = (sloId: string) => `slo:${sloId}`
  const serviceOf = (slo: StoredSlo) => slo.service ?? slo.name
  const [cursors, previousOf] = await Promise.all([
    listEvaluationCursors(slos.map((slo) => cursorOf(slo.id))),
    listAlertsByPair(
      burnRules.map((rule) => rule.id),
      [...new Set(slos.map(serviceOf))],
    ),
  ])
  const evaluated: EvaluatedService[] = []
  const changes: AlertChange[] = []
  let firing = 0
  for (const { sloId, atMs, status } of statuses) {
    const slo = slos.find((candidate) => candidate.id === sloId)!
    const previousAt = cursors.get(cursorOf(sloId)) ?? null
    if (previousAt !== null && previousAt >= atMs) continue
    evaluated.push({ service: cursorOf(sloId), at: atMs, previousAt })
    for (const rule of burnRules) {
      if (rule.condition.kind !== 'slo_burn_rate' || rule.condition.slo !== slo.name) continue
      const { tier } = rule.condition
      const judged = status.tiers.find((candidate) => candidate.tier === tier)
      const service = serviceOf(slo)
      const labels = burnLabels(rule, service)
      const active: ActiveSeries[] = judged?.holds
        ? [
            {
              labels,
              annotations: annotate(rule, {
                labels,
                value: round(judged.longBurn!),
                threshold: judged.factor,
                holds: true,
                spans: judged.shortEvents,
              }),
              value: judged.longBurn!,
            },
          ]
        : []
      const previous = previousOf.get(pairKey(rule.id, service)) ?? NO_ALERTS
      const evaluation = evaluateAlerts(previous, active, { at: atMs, forSeconds: rule.for, keepFiringForSeconds: rule.keepFiringFor })
      for (const alert of evaluation.alerts.values()) if (alert.state === 'firing') firing += 1
      if (evaluation.transitions.length === 0 && evaluation.keepFiringChanges.length === 0) continue
      const touched = [...new Set([...evaluation.transitions.map((transition) => transition.fingerprint), ...evaluation.keepFiringChanges])]
      changes.push({
        rule,
        service,
        cursor: cursorOf(sloId),
        previous,
        alerts: evaluation.alerts,
        transitions: evaluation.transitions,
        touched,
      })
    }
  }
  const transitions = await saveEvaluations(evaluated, changes)
  return { firing, transitions }
}

const NO_ALERTS: ReadonlyMap<string, Alert> = new Map()
const round = (value: number) => Math.round(value * 10) / 10

function burnLabels(rule: StoredAlertRule, service: string): Labels {
  return { ...rule.labels, alertname: rule.name, service, severity: rule.severity }
}
