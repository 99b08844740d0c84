'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { requirePermission } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { computeLatencyHealth } from '@/lib/latency/health-repository'
import { saveBaselineWindow } from '@/lib/latency/repository'
import { baselineWindowInput } from '@/lib/latency/schemas'

export type BaselineWindowFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string[] | undefined> }

export async function saveBaselineWindowAction(_previous: BaselineWindowFormState, form: FormData): Promise<BaselineWindowFormState> {
  const admin = await requirePermission('inventory.write')
  const parsed = baselineWindowInput.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors }
  try {
    await saveBaselineWindow(parsed.data, { by: admin.id })
  } catch (error) {
    if (error instanceof NotFoundError) return { error: error.message }
    throw error
  }
  // Judge again now rather than at the worker's next pass, which skips a service with no new data.
  await computeLatencyHealth(parsed.data.service, { force: true })
  revalidatePath(`/services/${encodeURIComponent(parsed.data.service)}`)
  return { ok: `Baselines of ${parsed.data.service} now use the last ${parsed.data.days} days.` }
}
