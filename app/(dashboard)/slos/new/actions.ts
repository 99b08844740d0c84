'use server'
// Beside the new-SLO page, the first page that posts it (the edit page's form posts it too).

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import { sloFormInput, sloFromForm } from '@/lib/slo/slo-form'
import { saveSlo } from '@/lib/slo/slos-repository'

/** Creates or replaces an SLO and its burn-rate rules (admins); field errors come back under the SLO's paths. */
export const saveSloAction = defineAction({
  permission: 'slos.write',
  input: sloFormInput,
  run: ({ input, user }) =>
    saveSlo(sloFromForm(input), {
      id: input.id,
      by: user.id,
      expectedVersion: input.version === undefined ? undefined : Number(input.version),
    }),
  ok: (slo) => `Saved ${slo.name}.`,
  after: [() => revalidatePath('/slos'), () => revalidatePath('/alerts')],
  redirectTo: (slo) => `/slos/${slo.id}`,
})
