'use client'

import { useState } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { InvalidInputError } from '@/lib/errors'
import { formatPercent } from '@/lib/format/percent'
import { formatDeltaMs, formatLatencyMs } from '@/lib/format/latency-ms'
import { overheadFromK6, parseK6SummaryText, type K6Summary } from '@/lib/overhead/k6-summary'
import { computeOverheadMs } from '@/lib/overhead/overhead-ms'
import { saveK6MeasurementAction } from '../actions'
import { MeasurementContextFields } from './measurement-context-fields'

type Side = 'on' | 'off'
type Read = { fileName: string; text: string; summary: K6Summary } | { fileName: string; problem: string }

const SIDES: { side: Side; field: 'onSummary' | 'offSummary'; label: string }[] = [
  { side: 'on', field: 'onSummary', label: 'k6 summary, tracing on' },
  { side: 'off', field: 'offSummary', label: 'k6 summary, tracing off' },
]

/**
 * Two k6 end-of-test summaries (--summary-export or handleSummary() JSON). Each file is read here for
 * the preview; its text is posted and read again by the server, which decides.
 */
export function K6UploadForm({ services, nowUtc }: { services: readonly string[]; nowUtc: string }) {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(saveK6MeasurementAction)
  const [files, setFiles] = useState<Partial<Record<Side, Read>>>({})
  const choose = async (side: Side, file: File | undefined) => {
    if (!file) return setFiles((current) => ({ ...current, [side]: undefined }))
    const text = await file.text()
    try {
      setFiles((current) => ({ ...current, [side]: { fileName: file.name, text, summary: parseK6SummaryText(text) } }))
    } catch (problem) {
      const message =
        problem instanceof InvalidInputError
          ? problem.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
          : 'could not be read'
      setFiles((current) => ({ ...current, [side]: { fileName: file.name, problem: message } }))
    }
  }
  const on = files.on && 'summary' in files.on ? files.on : null
  const off = files.off && 'summary' in files.off ? files.off : null
  return (
    <form
      ref={formRef}
      action={action}
      className="grid gap-4 md:grid-cols-2"
      noValidate
      aria-label="Upload k6 summaries"
      onReset={() => setFiles({})}
    >
      {SIDES.map(({ side, field, label }) => {
        const read = files[side]
        const problem = (read && 'problem' in read ? read.problem : undefined) ?? error(field)
        return (
          <Field key={side} label={label} htmlFor={`k6-${side}`} error={problem} hint="--summary-export file or handleSummary() JSON">
            <Input
              id={`k6-${side}`}
              type="file"
              accept=".json,application/json"
              aria-invalid={Boolean(problem)}
              onChange={(event) => void choose(side, event.currentTarget.files?.[0])}
              className="h-auto py-1.5"
            />
            <input type="hidden" name={field} value={read && 'text' in read ? read.text : ''} />
          </Field>
        )
      })}
      {on && off && <K6Preview on={on.summary} off={off.summary} />}
      <MeasurementContextFields idPrefix="k6" services={services} nowUtc={nowUtc} error={error} optionalTime />
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending || !on || !off}>
          {pending ? 'Saving…' : 'Save measurement'}
        </Button>
        <span role="status" aria-live="polite" className={state.error ? 'text-sm text-bad' : 'text-sm text-ok'}>
          {state.error ?? state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}

function K6Preview({ on, off }: { on: K6Summary; off: K6Summary }) {
  const overhead = overheadFromK6(on, off)
  const overheadMs = computeOverheadMs({
    p50OnMs: on.durationMs.p50,
    p50OffMs: off.durationMs.p50,
    meanOnMs: on.durationMs.avg,
    meanOffMs: off.durationMs.avg,
  })
  const rows: [string, string, string, string][] = [
    ['p50 (med)', formatLatencyMs(on.durationMs.p50), formatLatencyMs(off.durationMs.p50), formatDeltaMs(overhead.p50DeltaMs)],
    ['p95', formatLatencyMs(on.durationMs.p95), formatLatencyMs(off.durationMs.p95), formatDeltaMs(overhead.p95DeltaMs)],
    ['mean (avg)', formatLatencyMs(on.durationMs.avg), formatLatencyMs(off.durationMs.avg), formatDeltaMs(overhead.meanDeltaMs)],
    ['requests', on.requests?.toLocaleString('en') ?? 'missing', off.requests?.toLocaleString('en') ?? 'missing', ''],
    [
      'failed',
      on.failedShare === null ? '—' : formatPercent(on.failedShare, 1),
      off.failedShare === null ? '—' : formatPercent(off.failedShare, 1),
      '',
    ],
  ]
  return (
    <div className="rounded-md border border-border bg-surface-muted p-4 md:col-span-2" data-testid="k6-preview">
      <p className="mb-2 text-sm">
        Overhead to be saved: <strong className="tabular-nums">{formatDeltaMs(overheadMs)}</strong>{' '}
        <span className="text-muted">(mean with tracing on − off; http_req_duration)</span>
      </p>
      <table className="w-full text-sm" aria-label="Parsed k6 figures">
        <thead>
          <tr className="text-left text-xs text-muted">
            <th scope="col" className="py-1 font-medium">
              http_req_duration
            </th>
            <th scope="col" className="py-1 font-medium">
              Tracing on
            </th>
            <th scope="col" className="py-1 font-medium">
              Tracing off
            </th>
            <th scope="col" className="py-1 font-medium">
              On − off
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map(([label, ...cells]) => (
            <tr key={label}>
              <th scope="row" className="py-1 text-left font-normal text-muted">
                {label}
              </th>
              {cells.map((cell, index) => (
                <td key={index} className="py-1">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {[on, off].some((summary) => (summary.failedShare ?? 0) > 0.01) && (
        <p className="mt-2 text-xs text-warn">More than 1 % of the requests of a run failed: their latencies are in these figures too.</p>
      )}
    </div>
  )
}
