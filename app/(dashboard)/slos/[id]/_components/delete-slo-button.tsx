'use client'

import { ConfirmDeleteButton } from '@/components/forms/confirm-delete-button'
import { deleteSloAction } from '../actions'

export function DeleteSloButton({ sloId, name, ruleCount }: { sloId: string; name: string; ruleCount: number }) {
  return (
    <ConfirmDeleteButton action={deleteSloAction} fields={{ id: sloId, confirm: 'delete' }} label="Delete SLO" subject={name}>
      Delete {name}
      {ruleCount > 0 && ` with its ${ruleCount} burn-rate rule${ruleCount === 1 ? '' : 's'} and their alerts`}, its corrections and its
      accounting? This cannot be undone.
    </ConfirmDeleteButton>
  )
}
