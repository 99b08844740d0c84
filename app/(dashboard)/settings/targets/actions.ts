'use server'

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import { saveRolloutSettings } from '@/lib/rollout/override-repository'
import { rolloutSettingsInput } from '@/lib/rollout/schemas'
import { saveTarget } from '@/lib/targets/repository'
import { targetInput } from '@/lib/targets/schemas'

export const saveTargetAction = defineAction({
  permission: 'targets.write',
  input: targetInput,
  run: ({ input, user }) => saveTarget(input, { by: user.id }),
  ok: (target) => `Saved ${target.label}.`,
  after: [() => revalidatePath('/settings/targets'), () => revalidatePath('/')],
})

export const saveRolloutSettingsAction = defineAction({
  permission: 'rollout.configure',
  input: rolloutSettingsInput,
  run: ({ input, user }) =>
    saveRolloutSettings(
      {
        startDate: input.startDate,
        verifyDays: input.verifyDays,
        minCompleteShare: input.minCompletePercent / 100,
        minKeyAttributeShare: input.minKeyAttributePercent / 100,
      },
      { by: user.id },
    ),
  ok: () => 'Saved. Statuses are computed again at the worker’s next pass.',
  after: [() => revalidatePath('/settings/targets'), () => revalidatePath('/rollout'), () => revalidatePath('/')],
})
