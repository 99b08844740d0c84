// A rule posted as JSON text (the editor's hidden field): parsed with the rule's schema, every issue
// under its path in the rule, so the form can show it beside its field.
import { InvalidInputError } from '@/lib/errors'
import { alertRuleInput, type AlertRule } from './schemas'

export function parseRuleJson(text: string): AlertRule {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new InvalidInputError([{ path: 'rule', message: 'the rule is not JSON' }])
  }
  const parsed = alertRuleInput.safeParse(json)
  if (!parsed.success)
    throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'rule', message: issue.message })))
  return parsed.data
}
