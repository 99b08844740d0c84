// What a rule must pass beyond its schema before it is saved: templates that render, and no clash with
// the rules already stored. Issues name the field, as a 400 does; the API answers a clash with 409.
import type { FieldIssue } from '@/lib/errors'
import { findRuleConflicts } from './rule-conflicts'
import { checkTemplate } from './rule-templates'
import type { AlertRule, StoredAlertRule } from './schemas'

export function checkAlertRule(rule: AlertRule & { id?: string }, stored: readonly StoredAlertRule[]): FieldIssue[] {
  return [...checkHandWritable(rule), ...checkRuleTemplates(rule), ...checkRuleConflicts(rule, stored)]
}

/** Burn-rate rules come from an SLO (lib/slo/slo-rules.ts) and change with it: no one writes one by hand. */
export function checkHandWritable(rule: AlertRule): FieldIssue[] {
  return rule.condition.kind === 'slo_burn_rate'
    ? [{ path: 'condition.kind', message: 'burn-rate rules are generated from an SLO: create or edit the SLO on /slos' }]
    : []
}

/** Annotations whose mustache template would not render. */
export function checkRuleTemplates(rule: AlertRule): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const [name, text] of Object.entries(rule.annotations)) {
    const problem = checkTemplate(text, { kind: rule.condition.kind })
    if (problem) issues.push({ path: `annotations.${name}`, message: problem })
  }
  return issues
}

/** Clashes with the stored rules other than the rule itself (`id`, when it replaces one): a name taken, the same signal twice. */
export function checkRuleConflicts(rule: AlertRule & { id?: string }, stored: readonly StoredAlertRule[]): FieldIssue[] {
  const others = stored.filter((other) => other.id !== rule.id)
  return findRuleConflicts([...others, rule])
    .filter((conflict) => conflict.index === others.length)
    .map(({ path, message }) => ({ path, message }))
}
