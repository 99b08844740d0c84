'use server'

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import { clearRolloutOverride, saveRolloutOverride } from '@/lib/rollout/override-repository'
import { clearOverrideInput, rolloutOverrideInput } from '@/lib/rollout/schemas'

const refreshRollout = () => {
  revalidatePath('/rollout')
  revalidatePath('/')
}

export const overrideRolloutStatusAction = defineAction({
  permission: 'rollout.override',
  input: rolloutOverrideInput,
  run: ({ input, user }) => saveRolloutOverride(input, { by: user.id }),
  ok: (override) =>
    `${override.service} now counts as ${override.status.replace('_', ' ')}${override.expiresAt ? ` until ${override.expiresAt.toISOString().slice(0, 10)}` : ''}.`,
  after: [refreshRollout],
})

export const clearRolloutOverrideAction = defineAction({
  permission: 'rollout.configure',
  input: clearOverrideInput,
  run: ({ input, user }) => clearRolloutOverride(input.overrideId, { by: user.id }),
  ok: (override) => `${override.service} is back to its computed status.`,
  after: [refreshRollout],
})
