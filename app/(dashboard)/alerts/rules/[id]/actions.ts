'use server'

import { revalidatePath } from 'next/cache'
import { deleteAlertRule } from '@/lib/alerts/rules-repository'
import { deleteAlertRuleForm } from '@/lib/alerts/schemas'
import { defineAction } from '@/lib/http/define-action'

/** Deletes a rule with its alerts and their history (admins, after the confirmation step), then back to /alerts. */
export const deleteAlertRuleAction = defineAction({
  permission: 'alerts.write',
  input: deleteAlertRuleForm,
  run: ({ input, user }) => deleteAlertRule(input.id, { by: user.id }),
  ok: (rule) => `Deleted ${rule.name}.`,
  after: [() => revalidatePath('/alerts')],
  redirectTo: () => '/alerts',
})
