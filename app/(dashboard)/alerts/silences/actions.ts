'use server'

import { revalidatePath } from 'next/cache'
import { silenceFormInput, silenceFromForm, silenceReferenceInput } from '@/lib/alerts/silence-form'
import { createSilence, expireSilence } from '@/lib/alerts/silences-repository'
import { defineAction } from '@/lib/http/define-action'

const refreshSilencedPages = () => {
  revalidatePath('/alerts/silences')
  revalidatePath('/alerts')
}

/** A silence from the form (admins), starting now unless a start is given; then its row on the page. */
export const createSilenceAction = defineAction({
  permission: 'alerts.write',
  input: silenceFormInput,
  run: ({ input, user }) => {
    const now = Date.now()
    return createSilence(silenceFromForm(input, { now, author: user.email }), { by: user.id, now })
  },
  ok: () => 'Silence created.',
  after: [refreshSilencedPages],
  redirectTo: (silence) => `/alerts/silences#silence-${silence.id}`,
})

export const expireSilenceAction = defineAction({
  permission: 'alerts.write',
  input: silenceReferenceInput,
  run: ({ input, user }) => expireSilence(input.silenceId, { by: user.id }),
  ok: ({ expired }) => (expired ? 'Expired: matching alerts notify again.' : 'It had already ended.'),
  after: [refreshSilencedPages],
})
