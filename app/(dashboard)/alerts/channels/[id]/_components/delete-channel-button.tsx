'use client'

import { ConfirmDeleteButton } from '@/components/forms/confirm-delete-button'
import { deleteChannelAction } from '../actions'

/** "Delete channel", then a confirmation naming the rules that still send to it. */
export function DeleteChannelButton({ channelId, name, usedBy }: { channelId: string; name: string; usedBy: string[] }) {
  return (
    <ConfirmDeleteButton action={deleteChannelAction} fields={{ id: channelId }} label="Delete channel" subject={name}>
      Delete {name} with its delivery log?
      {usedBy.length > 0 && ` ${usedBy.join(', ')} still ${usedBy.length === 1 ? 'names' : 'name'} it and will notify no one here.`}
    </ConfirmDeleteButton>
  )
}
