'use server'

import { revalidatePath } from 'next/cache'
import { InvalidInputError } from '@/lib/errors'
import { defineAction } from '@/lib/http/define-action'
import { correctionForm, correctionInput, deleteCorrectionForm, deleteSloForm } from '@/lib/slo/schemas'
import { addCorrection, deleteCorrection } from '@/lib/slo/corrections-repository'
import { deleteSlo } from '@/lib/slo/slos-repository'

const refresh = (sloId: string) => () => {
  revalidatePath(`/slos/${sloId}`)
  revalidatePath('/slos')
}

/** A maintenance window or known-bad period, typed in UTC; the budget is re-counted without it on the worker's next pass. */
export const addCorrectionAction = defineAction({
  permission: 'slos.write',
  input: correctionForm,
  run: ({ input, user }) => {
    // datetime-local has no zone: the form says UTC, so the text is read as UTC.
    const utc = (value: string) => (/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)
    const parsed = correctionInput.safeParse({ startsAt: utc(input.startsAt), endsAt: utc(input.endsAt), reason: input.reason ?? '' })
    if (!parsed.success)
      throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))
    return addCorrection(input.sloId, parsed.data, { by: user.id, author: user.email })
  },
  ok: () => 'Correction added: the budget is re-counted without it within a minute.',
  after: [(_result, input) => refresh(input.sloId)()],
})

export const deleteCorrectionAction = defineAction({
  permission: 'slos.write',
  input: deleteCorrectionForm,
  run: ({ input, user }) => deleteCorrection(input.sloId, input.correctionId, { by: user.id }),
  ok: () => 'Correction removed: its minutes count again from the next pass.',
  after: [(_result, input) => refresh(input.sloId)()],
})

/** Deletes the SLO with its burn-rate rules, their alerts and its accounting (admins). */
export const deleteSloAction = defineAction({
  permission: 'slos.write',
  input: deleteSloForm,
  run: ({ input, user }) => deleteSlo(input.id, { by: user.id }),
  ok: ({ name }) => `Deleted ${name}.`,
  after: [() => revalidatePath('/slos'), () => revalidatePath('/alerts')],
  redirectTo: () => '/slos',
})
