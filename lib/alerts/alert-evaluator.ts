// The worker's alert stage: every enabled rule over the leased services' series, at each service's
// evaluation instant (its watermark, to the minute: the data is complete there, wherever the wall clock
// is). Alerts move as Prometheus moves them (alert-state.ts); rows are written on transitions only, with
// their history and annotations rendered for them alone, and each service remembers the instant its
// series were last evaluated at, in the same transaction, so a restart or a second worker never
// evaluates an instant twice.
import { listJudgementTargets } from '@/lib/latency/judgement-rows-repository'
import { floorTo, MINUTE_US } from '@/lib/time/time-buckets'
import { evaluateAlerts, type ActiveSeries } from './alert-state'
import { listEvaluationCursors, pairKey, saveEvaluations, type AlertChange, type EvaluatedService } from './alerts-repository'
import { fingerprintOf } from './fingerprint'
import { computeRuleValues, serviceMatches, WindowCache, type SeriesValue } from './rule-values'
import { listAlertRules } from './rules-repository'
import { listServiceSamples } from './samples-repository'
import type { Alert, Condition, Labels, StoredAlertRule } from './schemas'
import { listAlertsByPair } from './stored-alerts-repository'

export type AlertStageReport = {
  rules: number
  unreadableRules: number
  /** (rule, service) pairs evaluated; services already evaluated at their instant are skipped. */
  evaluated: number
  series: number
  transitions: number
  firing: number
  phases: { read: number; evaluate: number; save: number }
}

/** Renders a rule's annotation templates for one series (lib/alerts/rule-templates.ts); called for the alerts a pass writes. */
export type Annotate = (rule: StoredAlertRule, value: SeriesValue) => Labels

export async function evaluateAndSaveAlerts(
  services: readonly string[],
  { now, annotate }: { now: Date; annotate: Annotate },
): Promise<AlertStageReport> {
  const report: AlertStageReport = {
    rules: 0,
    unreadableRules: 0,
    evaluated: 0,
    series: 0,
    transitions: 0,
    firing: 0,
    phases: { read: 0, evaluate: 0, save: 0 },
  }
  const started = performance.now()
  const [{ rules: allRules, unreadable }, targets, evaluatedAt] = await Promise.all([
    listAlertRules({ enabledOnly: true, generated: false }),
    listJudgementTargets(services),
    listEvaluationCursors(services),
  ])
  // An SLO's burn-rate rules are judged by the SLO stage, over its accounted events (lib/slo/slo-stage.ts).
  const rules = allRules.filter((rule) => rule.condition.kind !== 'slo_burn_rate')
  report.rules = rules.length
  report.unreadableRules = unreadable.length
  if (rules.length === 0 || services.length === 0) return report

  // Each service is judged at its own edge: the live cursor while history backfills, else its watermark.
  const atByService = new Map(
    targets.map((target) => {
      const edge = Math.max(target.watermark.getTime(), target.liveWatermark?.getTime() ?? 0)
      return [target.service, floorTo(edge * 1000, MINUTE_US) / 1000]
    }),
  )
  const dueServices = [...atByService.keys()].filter((service) => (evaluatedAt.get(service) ?? -Infinity) < atByService.get(service)!)
  if (dueServices.length === 0) return report

  // Each service's rows back as far as the longest window of a rule matching it that reads rows (no-data and canary rules read none).
  const cache = new WindowCache()
  const ranges = new Map(
    dueServices.map((service) => {
      const at = atByService.get(service)!
      const windowMs = Math.max(
        0,
        ...rules
          .filter((rule) => !READS_NO_ROWS.has(rule.condition.kind) && serviceMatches(rule.selector, service, cache))
          .map((rule) => rule.window * 1000),
      )
      return [service, { startMs: at - windowMs, endMs: at }]
    }),
  )
  const [samples, previousOf] = await Promise.all([
    listServiceSamples({
      ranges,
      now,
      baselines: rules.some((rule) => rule.condition.kind === 'latency_baseline'),
      lastSpan: rules.some((rule) => rule.condition.kind === 'no_data'),
      // lib/canary's stage judged the deployments earlier in this pass: their verdicts are current.
      deployments: rules.some((rule) => rule.condition.kind === 'canary_regression'),
    }),
    listAlertsByPair(
      rules.map((rule) => rule.id),
      dueServices,
    ),
  ])
  report.phases.read = performance.now() - started

  const evaluateStarted = performance.now()
  const changes: AlertChange[] = []
  const evaluated: EvaluatedService[] = []
  for (const service of dueServices) {
    const at = atByService.get(service)!
    evaluated.push({ service, at, previousAt: evaluatedAt.get(service) ?? null })
    for (const rule of rules) {
      const values = computeRuleValues(rule, samples.get(service)!, at, cache)
      report.evaluated += 1
      report.series += values.length
      const holding = values.filter((value) => value.holds)
      // Annotations are rendered below, for the alerts this evaluation writes; the others keep their stored ones.
      const active: ActiveSeries[] = holding.map((value) => ({ labels: value.labels, annotations: UNRENDERED, value: value.value }))
      const previous = previousOf.get(pairKey(rule.id, service)) ?? NO_ALERTS
      const evaluation = evaluateAlerts(previous, active, { at, forSeconds: rule.for, keepFiringForSeconds: rule.keepFiringFor })
      for (const alert of evaluation.alerts.values()) if (alert.state === 'firing') report.firing += 1
      // Value and annotations of an ongoing alert are refreshed on its transitions only: rows change when states do.
      if (evaluation.transitions.length === 0 && evaluation.keepFiringChanges.length === 0) continue
      const touched = new Set(evaluation.transitions.map((transition) => transition.fingerprint))
      for (const fingerprint of evaluation.keepFiringChanges) touched.add(fingerprint)
      renderAnnotations(rule, holding, touched, evaluation.alerts, annotate)
      changes.push({ rule, service, previous, alerts: evaluation.alerts, transitions: evaluation.transitions, touched: [...touched] })
    }
  }
  report.phases.evaluate = performance.now() - evaluateStarted

  const saveStarted = performance.now()
  report.transitions = await saveEvaluations(evaluated, changes)
  report.phases.save = performance.now() - saveStarted
  return report
}

/** Kinds whose values need no rollup rows: silence is read from the last span, a canary from its deployment. */
const READS_NO_ROWS: ReadonlySet<Condition['kind']> = new Set(['no_data', 'canary_regression'])

/** Stands for annotations not rendered: an alert carries it only while untouched, and untouched alerts are not written. */
const UNRENDERED: Labels = Object.freeze({})
const NO_ALERTS: ReadonlyMap<string, Alert> = new Map()

/**
 * Renders the annotations of the touched alerts whose condition holds in this evaluation (new, pending
 * to firing, resolved and holding again, keep_firing_for cleared): replaced in `alerts`. Touched alerts
 * that no longer hold keep the annotations they were stored with, as evaluateAlerts leaves them.
 */
function renderAnnotations(
  rule: StoredAlertRule,
  holding: readonly SeriesValue[],
  touched: ReadonlySet<string>,
  alerts: Map<string, Alert>,
  annotate: Annotate,
) {
  for (const value of holding) {
    const fingerprint = fingerprintOf(value.labels)
    const alert = touched.has(fingerprint) ? alerts.get(fingerprint) : undefined
    if (alert?.annotations === UNRENDERED) alerts.set(fingerprint, { ...alert, annotations: annotate(rule, value) })
  }
}
