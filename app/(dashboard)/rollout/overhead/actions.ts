'use server'

import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { InvalidInputError } from '@/lib/errors'
import { defineAction } from '@/lib/http/define-action'
import { measurementFromK6 } from '@/lib/overhead/k6-measurement'
import { saveOverheadMeasurement } from '@/lib/overhead/repository'
import { overheadK6FormInput, overheadMeasurementFormInput, type OverheadMeasurementInput } from '@/lib/overhead/schemas'

const refreshOverheadPages = () => {
  revalidatePath('/rollout/overhead')
  revalidatePath('/rollout')
  revalidatePath('/')
}

const formatOverhead = (overheadMs: number) => `${overheadMs.toFixed(2)} ms`

export const saveOverheadMeasurementAction = defineAction({
  permission: 'incidents.write',
  input: overheadMeasurementFormInput,
  run: ({ input, user }) => saveOverheadMeasurement(input, { source: 'form', by: user.id }),
  ok: (saved) => `Saved: ${saved.service} ${formatOverhead(saved.overheadMs)} overhead (${saved.environment}).`,
  after: [refreshOverheadPages],
})

/** The form posts each file's text under onSummary / offSummary: a problem in one is that field's error, saying where in the file. */
function measurementFromFiles({ onSummary, offSummary, ...context }: z.output<typeof overheadK6FormInput>): OverheadMeasurementInput {
  const read = (field: 'onSummary' | 'offSummary', text: string): unknown => {
    try {
      return JSON.parse(text)
    } catch {
      throw new InvalidInputError([{ path: field, message: 'not a JSON file' }])
    }
  }
  try {
    return measurementFromK6({ ...context, on: read('onSummary', onSummary), off: read('offSummary', offSummary) }, new Date()).measurement
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    throw new InvalidInputError(
      error.issues.map((issue) => {
        const side = /^(on|off)\.(.*)$/.exec(issue.path) // on.metrics.http_req_duration.med
        return side ? { path: `${side[1]}Summary`, message: `${side[2]}: ${issue.message}` } : issue
      }),
    )
  }
}

export const saveK6MeasurementAction = defineAction({
  permission: 'incidents.write',
  input: overheadK6FormInput,
  run: async ({ input, user }) => saveOverheadMeasurement(measurementFromFiles(input), { source: 'k6', by: user.id }),
  ok: (saved) => `Saved from k6: ${saved.service} ${formatOverhead(saved.overheadMs)} overhead (${saved.environment}).`,
  after: [refreshOverheadPages],
})
