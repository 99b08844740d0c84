'use server'
// Beside the new-rule page, the first page that posts it (the edit page's editor posts it too).

import { revalidatePath } from 'next/cache'
import { parseRuleJson } from '@/lib/alerts/parse-rule-json'
import { saveAlertRule } from '@/lib/alerts/rules-repository'
import { saveAlertRuleForm } from '@/lib/alerts/schemas'
import { defineAction } from '@/lib/http/define-action'

/** Creates or replaces a rule (admins); field errors come back under the rule's paths (`condition.aboveMs`). */
export const saveAlertRuleAction = defineAction({
  permission: 'alerts.write',
  input: saveAlertRuleForm,
  run: ({ input, user }) => saveAlertRule(parseRuleJson(input.rule), { id: input.id, by: user.id }),
  ok: (rule) => `Saved ${rule.name}.`,
  after: [() => revalidatePath('/alerts')],
  redirectTo: (rule) => `/alerts/rules/${rule.id}`,
})
