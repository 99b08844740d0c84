'use client'

import { useMemo, useState, type ChangeEvent } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { DEFAULT_SILENCE_DURATION, SILENCE_DURATIONS, type SilencePrefill } from '@/lib/alerts/silence-form'
import { matcherMatches, parseMatchers } from '@/lib/alerts/silences'
import type { Labels } from '@/lib/alerts/schemas'
import { createSilenceAction } from '../actions'
import { MatcherChips } from './matcher-chips'

/** A firing or pending alert, for the preview of what the matchers would silence. */
export type PreviewAlert = { fingerprint: string; labels: Labels }

const UNTIL = ''
const PREVIEW_LIMIT = 8

/**
 * Matchers (typed as Alertmanager writes them, checked and matched against the alerts firing now as
 * they are typed), how long or until when, why; the server checks it all again.
 */
export function NewSilenceForm({ prefill, author, alerts }: { prefill: SilencePrefill; author: string; alerts: PreviewAlert[] }) {
  const { state, action, pending, fieldError: error } = useFormAction(createSilenceAction)
  // Controlled, so a refused post keeps what was typed (React resets a form's uncontrolled fields after its action).
  const [fields, setFields] = useState({
    matchers: prefill.matchers ?? '',
    duration: prefill.duration ?? DEFAULT_SILENCE_DURATION,
    startsAt: '',
    endsAt: '',
    comment: prefill.comment ?? '',
    createdBy: author,
  })
  const bind = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setFields((previous) => ({ ...previous, [name]: event.target.value })),
  })
  const { matchers: matchersText, duration } = fields
  const durations =
    SILENCE_DURATIONS.includes(duration as (typeof SILENCE_DURATIONS)[number]) || duration === UNTIL
      ? SILENCE_DURATIONS
      : [duration, ...SILENCE_DURATIONS]
  const parsed = useMemo(() => (matchersText.trim() ? parseMatchers(matchersText) : null), [matchersText])
  const matched = useMemo(
    () => (parsed?.ok ? alerts.filter((alert) => parsed.value.every((matcher) => matcherMatches(matcher, alert.labels))) : []),
    [parsed, alerts],
  )
  const described = (field: string) => (error(field) ? `silence-${field}-error` : undefined)
  // In duration mode the end is computed: a problem with it (already past) is the duration's.
  const durationError = duration === UNTIL ? error('duration') : (error('endsAt') ?? error('duration'))

  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="space-y-1.5 md:col-span-2">
        <Field label="Matchers" htmlFor="silence-matchers" error={error('matchers')}>
          <Input
            id="silence-matchers"
            {...bind('matchers')}
            placeholder='alertname="High p95 latency", service=~"transactions-.*"'
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            aria-invalid={Boolean(error('matchers'))}
            aria-describedby={described('matchers') ?? 'silence-matchers-preview'}
          />
        </Field>
        <div id="silence-matchers-preview" className="space-y-1.5 text-xs text-muted">
          {parsed === null ? (
            <p>
              Comma-separated: <code>name=&quot;value&quot;</code>, <code>!=</code>, <code>=~</code> and <code>!~</code> for a regex
              matching the whole value. An alert is silenced when every matcher matches its labels.
            </p>
          ) : parsed.ok ? (
            <>
              <MatcherChips matchers={parsed.value} label="Matchers as read" />
              <p>
                {alerts.length === 0
                  ? 'Nothing is firing or pending now to match against.'
                  : `Matches ${matched.length} of the ${alerts.length} firing or pending alert${alerts.length === 1 ? '' : 's'} now${matched.length > 0 ? ':' : '.'}`}
              </p>
              {matched.length > 0 && (
                <ul className="list-inside list-disc">
                  {matched.slice(0, PREVIEW_LIMIT).map((alert) => (
                    <li key={alert.fingerprint}>
                      {alert.labels.alertname ?? 'alert'}
                      {alert.labels.service && ` · ${alert.labels.service}`}
                      {alert.labels.operation && ` · ${alert.labels.operation}`}
                    </li>
                  ))}
                  {matched.length > PREVIEW_LIMIT && <li>and {matched.length - PREVIEW_LIMIT} more</li>}
                </ul>
              )}
            </>
          ) : (
            <p className="text-warn">{parsed.message}</p>
          )}
        </div>
      </div>

      <Field label="Duration" htmlFor="silence-duration" error={durationError}>
        <Select
          id="silence-duration"
          {...bind('duration')}
          aria-invalid={Boolean(durationError)}
          aria-describedby={durationError ? 'silence-duration-error' : undefined}
        >
          {durations.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
          <option value={UNTIL}>Until a set time…</option>
        </Select>
      </Field>
      <Field
        label="Starts at (UTC)"
        htmlFor="silence-startsAt"
        error={error('startsAt')}
        hint="Empty: now. A later start keeps it pending until then."
      >
        <Input
          id="silence-startsAt"
          {...bind('startsAt')}
          type="datetime-local"
          aria-invalid={Boolean(error('startsAt'))}
          aria-describedby={described('startsAt')}
        />
      </Field>
      {duration === UNTIL && (
        <Field label="Ends at (UTC)" htmlFor="silence-endsAt" error={error('endsAt')}>
          <Input
            id="silence-endsAt"
            {...bind('endsAt')}
            type="datetime-local"
            required
            aria-invalid={Boolean(error('endsAt'))}
            aria-describedby={described('endsAt')}
          />
        </Field>
      )}
      <div className="md:col-span-2">
        <Field label="Comment" htmlFor="silence-comment" error={error('comment')} hint="Why: the deploy, the incident, the ticket.">
          <textarea
            id="silence-comment"
            {...bind('comment')}
            rows={2}
            required
            maxLength={1000}
            aria-invalid={Boolean(error('comment'))}
            aria-describedby={described('comment')}
            className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-foreground placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-ring focus:outline-none aria-[invalid=true]:border-bad"
          />
        </Field>
      </div>
      <Field label="Created by" htmlFor="silence-createdBy" error={error('createdBy')}>
        <Input
          id="silence-createdBy"
          {...bind('createdBy')}
          maxLength={200}
          aria-invalid={Boolean(error('createdBy'))}
          aria-describedby={described('createdBy')}
        />
      </Field>

      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create silence'}
        </Button>
        <span role="status" aria-live="polite" className={state.error ? 'text-sm text-bad' : 'text-sm text-ok'}>
          {state.error ?? state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}
