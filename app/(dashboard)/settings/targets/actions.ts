'use server'

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import { saveTarget } from '@/lib/targets/repository'
import { targetInput } from '@/lib/targets/schemas'

export const saveTargetAction = defineAction({
  permission: 'targets.write',
  input: targetInput,
  run: ({ input, user }) => saveTarget(input, { by: user.id }),
  ok: (target) => `Saved ${target.label}.`,
  after: [() => revalidatePath('/settings/targets'), () => revalidatePath('/')],
})
