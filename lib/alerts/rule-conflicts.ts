// Rules that cannot live side by side, for the editor (stored rules plus the draft) and the YAML import.
//
//   same name (any case)                 a rule name is its alertname and how people find it: one rule per name;
//                                        with the same series, severity and labels too, both rules would
//                                        raise alerts with the same label set, so the same fingerprint
//   same signal, series, severity, labels under different names: every alert of one comes with an alert of
//                                        the other, routed alike: one problem, two notifications
//
// Tiered rules stay allowed: the same signal at a different severity (warning at 2 ×, critical at 4 ×), or
// told apart by a label. Selectors are compared as written: `GET /api/*` and `GET /api/pay` overlap, but
// whether that is meant is the author's call.
import type { AlertRule, Condition } from './schemas'

export type RuleConflict = {
  /** The later of the two rules in the list given: put stored rules first and the draft or import after. */
  index: number
  /** The earlier rule it conflicts with. */
  otherIndex: number
  /** The field to point at, as in AlertRule: `name`, `severity`, `selector`. */
  path: string
  message: string
}

type Candidate = AlertRule & { id?: string }

export function findRuleConflicts(rules: readonly Candidate[]): RuleConflict[] {
  const conflicts: RuleConflict[] = []
  const byName = new Map<string, number>()
  const bySignal = new Map<string, number>()
  rules.forEach((rule, index) => {
    const nameKey = rule.name.trim().toLowerCase()
    const sameName = byName.get(nameKey)
    if (sameName !== undefined && !sameRule(rules[sameName]!, rule)) {
      conflicts.push({ index, otherIndex: sameName, ...nameConflict(rules[sameName]!, rule) })
      return
    }
    if (sameName === undefined) byName.set(nameKey, index)
    if (!rule.enabled) return
    const signal = signalKey(rule)
    const sameSignal = bySignal.get(signal)
    if (sameSignal !== undefined && !sameRule(rules[sameSignal]!, rule)) {
      const other = rules[sameSignal]!
      conflicts.push({
        index,
        otherIndex: sameSignal,
        path: 'selector',
        message:
          `watches the same series as rule "${other.name}" with the same condition kind, severity and labels: ` +
          'both would fire for one problem and notify twice; merge them, or tell them apart by severity or a label',
      })
    } else if (sameSignal === undefined) bySignal.set(signal, index)
  })
  return conflicts
}

function nameConflict(earlier: Candidate, later: Candidate): Pick<RuleConflict, 'path' | 'message'> {
  const named = `another rule is named "${earlier.name}"`
  if (signalKey(earlier) === signalKey(later))
    return { path: 'name', message: `${named} and watches the same series with the same labels: both would raise the same alerts` }
  if (earlier.severity !== later.severity)
    return {
      path: 'name',
      message: `${named} (severity ${earlier.severity}): give each severity level its own name, such as ${later.name}${capitalize(later.severity)}`,
    }
  return { path: 'name', message: `${named}; rule names are unique, whatever their case` }
}

/** Two entries for one rule: the stored version and its draft carry the same id. */
const sameRule = (a: Candidate, b: Candidate) => a.id !== undefined && a.id === b.id

/**
 * What a rule's alerts are told apart by, apart from its name: the kind (and percentile: p50 and p99 are two
 * signals), the series it selects (an absent operation is every operation), severity and labels.
 */
function signalKey(rule: AlertRule): string {
  const { service, operation = '*', spanKind = '' } = rule.selector
  const labels = Object.entries(rule.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([signalOf(rule.condition), service, operation, spanKind, rule.severity, labels])
}

const signalOf = (condition: Condition) =>
  condition.kind === 'latency_threshold' ? `${condition.kind}:${condition.percentile}` : condition.kind

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
