// Silences in the JSON of Alertmanager's API v2 (GET and POST /api/v2/silences, openapi.yaml's
// gettableSilence and postableSilence), so scripts written for an Alertmanager read and write ours:
// matchers as { name, value, isRegex, isEqual }, times as ISO instants, status { state }.
import { z } from 'zod'
import { SILENCE_STATES, silenceBody, silenceState, type Matcher, type SilenceRecord } from './silences'

export const alertmanagerMatcherSchema = z.object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() })

export const toAlertmanagerMatcher = ({ name, type, value }: Matcher) => ({
  name,
  value,
  isRegex: type === '=~' || type === '!~',
  isEqual: type === '=' || type === '=~',
})

export const gettableSilenceSchema = z.object({
  id: z.string(),
  status: z.object({ state: z.enum(SILENCE_STATES) }),
  updatedAt: z.string(),
  matchers: z.array(alertmanagerMatcherSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
})
export type GettableSilence = z.output<typeof gettableSilenceSchema>

export const toGettableSilence = (silence: SilenceRecord, now: number): GettableSilence => ({
  id: silence.id,
  status: { state: silenceState(silence, now) },
  updatedAt: new Date(silence.updatedAt).toISOString(),
  matchers: silence.matchers.map(toAlertmanagerMatcher),
  startsAt: new Date(silence.startsAt).toISOString(),
  endsAt: new Date(silence.endsAt).toISOString(),
  createdBy: silence.createdBy,
  comment: silence.comment,
})

export const silenceListQuery = z.object({
  state: z.enum(SILENCE_STATES, { error: 'expected active, pending or expired' }).optional(),
})

export const silenceIdParams = z.object({ id: z.uuid({ error: 'expected a silence id (a UUID)' }) })

/**
 * POST /api/v1/silences: silenceBody (matchers as Alertmanager's objects or as text). An `id` asks
 * Alertmanager to replace that silence; here it is refused rather than ignored, since a new silence
 * beside the old one is not what the caller meant.
 */
export const postableSilenceBody = silenceBody.safeExtend({
  id: z.undefined({ error: 'a silence cannot be changed: expire it and create another' }).optional(),
})

export const silenceCreatedSchema = z.object({ silenceID: z.string() })
