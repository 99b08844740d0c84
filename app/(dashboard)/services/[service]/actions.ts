'use server'

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import { judgeAndSaveLatencyHealth } from '@/lib/latency/health-repository'
import { saveBaselineWindow } from '@/lib/latency/repository'
import { baselineWindowInput } from '@/lib/latency/schemas'

export const saveBaselineWindowAction = defineAction({
  permission: 'inventory.write',
  input: baselineWindowInput,
  run: ({ input, user }) => saveBaselineWindow(input, { by: user.id }),
  ok: (_saved, input) => `Baselines of ${input.service} now use the last ${input.days} days.`,
  after: [
    // Judge again now rather than at the worker's next pass, which skips a service with no new data.
    (_saved, input) => judgeAndSaveLatencyHealth(input.service, { force: true }),
    (_saved, input) => revalidatePath(`/services/${encodeURIComponent(input.service)}`),
  ],
})
