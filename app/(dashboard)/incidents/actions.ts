'use server'

import { revalidatePath } from 'next/cache'
import { InvalidInputError } from '@/lib/errors'
import { defineAction } from '@/lib/http/define-action'
import { importIncidentsCsv, saveIncident } from '@/lib/incidents/repository'
import { incidentFormInput, incidentsCsvUpload } from '@/lib/incidents/schemas'

const refreshIncidentsPage = () => revalidatePath('/incidents')

export const recordIncidentAction = defineAction({
  permission: 'incidents.write',
  input: incidentFormInput,
  run: ({ input, user }) => saveIncident(input, { by: user.id }),
  ok: (saved) => `Recorded the incident on ${saved.services.join(', ')}.`,
  after: [refreshIncidentsPage],
})

export const importIncidentsCsvAction = defineAction({
  permission: 'incidents.write',
  input: incidentsCsvUpload,
  run: async ({ input, user }) => {
    const result = await importIncidentsCsv(await input.file.text(), { by: user.id, fileName: input.file.name })
    if (result.ok) return result
    // Every problem as its own entry, keyed by line (and column), so the form can list them all.
    const byKey = new Map<string, string[]>()
    for (const error of result.errors) {
      const key = `line ${error.line}${error.field ? ` (${error.field})` : ''}`
      byKey.set(key, [...(byKey.get(key) ?? []), error.message])
    }
    throw new InvalidInputError([...byKey].map(([path, messages]) => ({ path, message: messages.join('; ') })))
  },
  ok: ({ created, updated, unchanged }) =>
    `Imported: ${created} new, ${updated} updated${unchanged ? `, ${unchanged} already as in the file` : ''}.`,
  after: [refreshIncidentsPage],
})
