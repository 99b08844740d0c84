// What a rule's values are measured in, and the number they are compared with, per condition kind: the
// backtest, the alert table and the rule page read them.
import type { AlertRule, RuleBacktest } from './schemas'

/** The unit a rule's values are in. */
export function unitOf(rule: AlertRule): RuleBacktest['unit'] {
  switch (rule.condition.kind) {
    case 'latency_threshold':
      return 'ms'
    case 'latency_baseline':
      return rule.condition.factor !== undefined ? 'factor' : 'deviation'
    case 'error_rate':
    case 'trace_reliability':
      return 'ratio'
    case 'no_data':
      return 'minutes'
    case 'slo_burn_rate':
      return 'burn_rate'
    case 'canary_regression':
      return 'failing_metrics'
  }
}

/** The number a rule's value is compared with, in that unit. */
export function thresholdOf(rule: AlertRule): number {
  const { condition } = rule
  switch (condition.kind) {
    case 'latency_threshold':
      return condition.aboveMs
    case 'latency_baseline':
      return condition.factor ?? condition.deviation!
    case 'error_rate':
      return condition.above
    case 'trace_reliability':
      return condition.below
    case 'no_data':
      return condition.silentFor / 60
    case 'slo_burn_rate':
      return condition.factor
    case 'canary_regression':
      return 0 // fires on any failing metric: the verdict is fail
  }
}
