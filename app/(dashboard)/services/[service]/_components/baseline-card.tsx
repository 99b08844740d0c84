'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { formatMoment } from '@/lib/format/date'
import { formatDurationUs } from '@/lib/format/duration-us'
import { MAX_BASELINE_WINDOW_DAYS, type ServiceView } from '@/lib/latency/schemas'
import type { FormState } from '@/lib/http/form-state'
import { saveBaselineWindowAction } from '../actions'
import { fromMicros } from '@/lib/time/micros'

/** What the service's baseline is, and (for admins) how many trailing days it is built from. */
export function BaselineCard({ view, canConfigure }: { view: ServiceView; canConfigure: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveBaselineWindowAction, {})
  const { verdict, baselineWindow } = view
  const band = verdict?.baselineP95 ?? null
  const message = state.error ?? state.fieldErrors?.days?.[0]
  return (
    <Card>
      <CardHeader
        title="Baseline"
        description={`Trailing ${baselineWindow.days} days${baselineWindow.custom ? ' (set for this service)' : ' (the default)'}; hour-of-day bands once each hour has 3 days of data`}
      />
      <CardBody className="space-y-3 text-sm">
        {band ? (
          <p>
            p95 normally <strong className="tabular-nums">{formatDurationUs(band.centerUs)}</strong>, band {formatDurationUs(band.lowerUs)}–
            {formatDurationUs(band.upperUs)} ({verdict?.baselineKind === 'seasonal' ? 'this hour of day' : 'any hour'}).
            {verdict?.judgedToUs !== null && verdict?.judgedToUs !== undefined && (
              <span className="text-muted">
                {' '}
                Judged on data to {formatMoment(fromMicros(verdict.judgedToUs), fromMicros(view.generatedAtUs))}.
              </span>
            )}
          </p>
        ) : (
          <p className="text-muted">
            {verdict?.insufficientReason ? `Not enough data yet: ${verdict.insufficientReason}.` : 'Not judged yet.'}
          </p>
        )}
        {canConfigure && (
          <form action={action} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="service" value={view.service} />
            <label className="text-xs text-muted">
              Window (days)
              <input
                name="days"
                type="number"
                min={1}
                max={MAX_BASELINE_WINDOW_DAYS}
                defaultValue={baselineWindow.days}
                aria-invalid={Boolean(message)}
                className="mt-1 block h-8 w-24 rounded-md border border-border bg-background px-2 text-sm text-foreground"
              />
            </label>
            <Button type="submit" size="sm" variant="secondary" disabled={pending}>
              {pending ? 'Saving…' : 'Save'}
            </Button>
            <span role="status" aria-live="polite" className={`w-full text-xs ${message ? 'text-bad' : 'text-ok'}`}>
              {message ?? state.ok ?? ''}
            </span>
          </form>
        )}
      </CardBody>
    </Card>
  )
}
