'use client'

import { ConfirmDeleteButton } from '@/components/forms/confirm-delete-button'
import { deleteAlertRuleAction } from '../actions'

/** "Delete rule", then a confirmation step that says what goes with it; the action redirects to /alerts. */
export function DeleteRuleButton({ ruleId, name, alertCount }: { ruleId: string; name: string; alertCount: number }) {
  return (
    <ConfirmDeleteButton action={deleteAlertRuleAction} fields={{ id: ruleId, confirm: 'delete' }} label="Delete rule" subject={name}>
      Delete {name}
      {alertCount > 0 && ` and its ${alertCount === 1 ? 'alert' : `${alertCount} alerts`}`}, with its state history? This cannot be undone.
    </ConfirmDeleteButton>
  )
}
