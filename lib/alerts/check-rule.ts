// What a rule must pass beyond its schema before it is saved: templates that render, and no clash with
// the rules already stored. Issues name the field, as a 400 does.
import type { FieldIssue } from '@/lib/errors'
import { findRuleConflicts } from './rule-conflicts'
import { checkTemplate } from './rule-templates'
import type { AlertRule, StoredAlertRule } from './schemas'

export function checkAlertRule(rule: AlertRule & { id?: string }, stored: readonly StoredAlertRule[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const [name, text] of Object.entries(rule.annotations)) {
    const problem = checkTemplate(text)
    if (problem) issues.push({ path: `annotations.${name}`, message: problem })
  }
  const others = stored.filter((other) => other.id !== rule.id)
  for (const conflict of findRuleConflicts([...others, rule]))
    if (conflict.index === others.length) issues.push({ path: conflict.path, message: conflict.message })
  return issues
}
