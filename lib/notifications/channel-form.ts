// The channel form's fields (all strings, as a browser posts them) into a channel: group-by labels as a
// comma-separated list, checkboxes present or absent, an empty secret kept as it is. Then channelInput.
import { z } from 'zod'
import { channelInput } from './schemas'

const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : undefined)

export function channelFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const type = text(form, 'type')
  const groupBy = text(form, 'groupBy')
  const blankToUndefined = (name: string) => text(form, name) || undefined
  return {
    name: text(form, 'name'),
    type,
    // Slack's only address is its secret webhook URL.
    url: type === 'slack' ? undefined : blankToUndefined('url'),
    secret: blankToUndefined('secret'),
    enabled: form.enabled !== undefined,
    sendResolved: form.sendResolved !== undefined,
    groupBy: groupBy === undefined || groupBy === '' ? undefined : groupBy.split(/[\s,]+/).filter(Boolean),
    groupWait: blankToUndefined('groupWait'),
    groupInterval: blankToUndefined('groupInterval'),
    repeatInterval: blankToUndefined('repeatInterval'),
  }
}

/** The form as posted: an optional id (an edit) beside the channel's fields, errors named by field. */
export const channelForm = z.preprocess(
  (form) => {
    const fields = typeof form === 'object' && form !== null ? (form as Record<string, unknown>) : {}
    return { id: text(fields, 'id') || undefined, ...channelFromForm(fields) }
  },
  z.intersection(z.object({ id: z.uuid('not a channel id').optional() }), channelInput),
)

export const channelReference = z.object({ id: z.uuid('not a channel id') })
