'use client'

import { useState } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { CHANNEL_TYPE_LABELS, CHANNEL_TYPES, type ChannelType, type ChannelView } from '@/lib/notifications/schemas'
import { saveChannelAction } from '../actions'

const URL_LABEL: Record<ChannelType, string | null> = {
  alertmanager: 'Receiver URL',
  slack: null,
  pagerduty: 'Events API URL',
  webhook: 'Webhook URL',
}
const URL_HINT: Record<ChannelType, string> = {
  alertmanager: 'Where Alertmanager would POST: any webhook_config receiver, e.g. http://alert-bridge:9094/alerts',
  slack: '',
  pagerduty: 'PagerDuty’s own unless you proxy it (EU accounts: https://events.eu.pagerduty.com/v2/enqueue)',
  webhook: 'Receives Spanlens’ JSON, signed in the X-Spanlens-Signature header',
}
const SECRET_LABEL: Record<ChannelType, string> = {
  alertmanager: 'Bearer token (optional)',
  slack: 'Incoming-webhook URL',
  pagerduty: 'Integration (routing) key',
  webhook: 'Signing secret',
}

type Values = {
  name: string
  type: ChannelType
  url: string
  groupBy: string
  groupWait: string
  groupInterval: string
  repeatInterval: string
  sendResolved: boolean
  enabled: boolean
}

const valuesOf = (channel: ChannelView | null): Values => ({
  name: channel?.name ?? '',
  type: channel?.type ?? 'alertmanager',
  url: channel?.url ?? '',
  groupBy: (channel?.settings.groupBy ?? ['alertname']).join(', '),
  groupWait: formatPrometheusDuration(channel?.settings.groupWait ?? 30),
  groupInterval: formatPrometheusDuration(channel?.settings.groupInterval ?? 300),
  repeatInterval: formatPrometheusDuration(channel?.settings.repeatInterval ?? 4 * 3600),
  sendResolved: channel?.settings.sendResolved ?? true,
  enabled: channel?.enabled ?? true,
})

/**
 * A channel's type, address and secret, and how its alerts are grouped (Alertmanager's route settings).
 * The secret is write-only: an edit shows whether one is set and leaves it as it is unless a new one is typed.
 */
export function ChannelForm({ channel }: { channel: ChannelView | null }) {
  const { state, action, pending, fieldError: error } = useFormAction(saveChannelAction)
  const [values, setValues] = useState(() => valuesOf(channel))
  const [secret, setSecret] = useState('')
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }))
  const urlLabel = URL_LABEL[values.type]
  const secretKept = channel !== null && channel.type === values.type && channel.secret.set
  return (
    <form action={action} className="space-y-6" noValidate aria-label={channel ? `Edit ${channel.name}` : 'New channel'}>
      {channel && <input type="hidden" name="id" value={channel.id} />}
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-foreground">Where</legend>
        <Field label="Name" htmlFor="channel-name" error={error('name')} hint="What rules list under channels:, e.g. sre-oncall">
          <Input
            id="channel-name"
            name="name"
            value={values.name}
            onChange={(event) => set('name')(event.target.value)}
            aria-invalid={Boolean(error('name'))}
            autoComplete="off"
          />
        </Field>
        <Field label="Type" htmlFor="channel-type" error={error('type')}>
          <Select id="channel-type" name="type" value={values.type} onChange={(event) => set('type')(event.target.value as ChannelType)}>
            {CHANNEL_TYPES.map((type) => (
              <option key={type} value={type}>
                {CHANNEL_TYPE_LABELS[type]}
              </option>
            ))}
          </Select>
        </Field>
        {urlLabel && (
          <Field label={urlLabel} htmlFor="channel-url" error={error('url')} hint={URL_HINT[values.type]}>
            <Input
              id="channel-url"
              name="url"
              type="url"
              value={values.url}
              placeholder={values.type === 'pagerduty' ? 'https://events.pagerduty.com/v2/enqueue' : 'https://'}
              onChange={(event) => set('url')(event.target.value)}
              aria-invalid={Boolean(error('url'))}
            />
          </Field>
        )}
        <Field
          label={SECRET_LABEL[values.type]}
          htmlFor="channel-secret"
          error={error('secret')}
          hint={
            secretKept
              ? `Set (${channel.secret.hint}). Leave empty to keep it; it is never shown again.`
              : 'Write-only: it is never shown after saving.'
          }
        >
          <Input
            id="channel-secret"
            name="secret"
            type="password"
            autoComplete="new-password"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            aria-invalid={Boolean(error('secret'))}
          />
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-foreground">Grouping (as Alertmanager’s route)</legend>
        <Field label="Group by" htmlFor="channel-group-by" error={error('groupBy')} hint='Labels; "..." makes every alert its own message'>
          <Input id="channel-group-by" name="groupBy" value={values.groupBy} onChange={(event) => set('groupBy')(event.target.value)} />
        </Field>
        <Field label="Group wait" htmlFor="channel-group-wait" error={error('groupWait')} hint="Before a new group’s first message">
          <Input
            id="channel-group-wait"
            name="groupWait"
            value={values.groupWait}
            onChange={(event) => set('groupWait')(event.target.value)}
          />
        </Field>
        <Field label="Group interval" htmlFor="channel-group-interval" error={error('groupInterval')} hint="Between messages about changes">
          <Input
            id="channel-group-interval"
            name="groupInterval"
            value={values.groupInterval}
            onChange={(event) => set('groupInterval')(event.target.value)}
          />
        </Field>
        <Field label="Repeat interval" htmlFor="channel-repeat-interval" error={error('repeatInterval')} hint="Re-send while still firing">
          <Input
            id="channel-repeat-interval"
            name="repeatInterval"
            value={values.repeatInterval}
            onChange={(event) => set('repeatInterval')(event.target.value)}
          />
        </Field>
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="sendResolved"
            checked={values.sendResolved}
            onChange={(event) => set('sendResolved')(event.target.checked)}
            className="size-4 accent-accent"
          />
          Send resolved notifications
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="enabled"
            checked={values.enabled}
            onChange={(event) => set('enabled')(event.target.checked)}
            className="size-4 accent-accent"
          />
          Enabled
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : channel ? 'Save channel' : 'Create channel'}
        </Button>
        <span role="alert" className="text-sm text-bad">
          {state.error ?? (state.fieldErrors ? 'Fix the fields marked above.' : '')}
        </span>
      </div>
    </form>
  )
}
