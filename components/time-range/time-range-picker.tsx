'use client'

import { CalendarRange, RefreshCw } from 'lucide-react'
import { useId, useState } from 'react'
import { useSearchParamsUpdate } from '@/components/shell/use-search-params-update'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/cn'
import { PRESETS, type Preset, type TimeRange } from '@/lib/time-range/time-range'
import { fromMicros } from '@/lib/time/micros'

const PRESET_NAMES = Object.keys(PRESETS) as Preset[]

/** `datetime-local` values are read and shown as UTC, the dashboard's one clock. */
const toLocalInput = (us: number) => fromMicros(us).toISOString().slice(0, 16)
const fromLocalInput = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : null)

/**
 * Last 1 h … 30 d, or a custom UTC range. Writes the URL (a history entry per change, so back and
 * forward step through the views); pages read their range from it.
 */
export function TimeRangePicker({ range, updatedAtUs, fetching }: { range: TimeRange; updatedAtUs?: number; fetching?: boolean }) {
  const update = useSearchParamsUpdate()
  const [customOpen, setCustomOpen] = useState(false)
  const [from, setFrom] = useState(() => toLocalInput(range.startUs))
  const [to, setTo] = useState(() => toLocalInput(range.endUs))
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  const applyCustom = () => {
    const fromIso = fromLocalInput(from)
    const toIso = fromLocalInput(to)
    if (!fromIso || !toIso) return setError('Pick both a start and an end.')
    if (Date.parse(toIso) <= Date.parse(fromIso)) return setError('The end must be after the start.')
    setError(null)
    setCustomOpen(false)
    update({ range: null, from: fromIso, to: toIso }, { push: true })
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="group" aria-label="Time range" className="inline-flex rounded-md border border-border bg-surface p-0.5 shadow-xs">
        {PRESET_NAMES.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={range.kind === preset}
            title={PRESETS[preset].label}
            onClick={() => update({ range: preset, from: null, to: null }, { push: true })}
            className={cn(
              'h-7 rounded px-2.5 text-xs font-medium text-muted hover:text-foreground',
              range.kind === preset && 'bg-accent-soft text-accent',
            )}
          >
            {preset}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={range.kind === 'custom'}
          aria-expanded={customOpen}
          aria-controls={`${id}-custom`}
          onClick={() => setCustomOpen((open) => !open)}
          className={cn(
            'inline-flex h-7 items-center gap-1 rounded px-2.5 text-xs font-medium text-muted hover:text-foreground',
            range.kind === 'custom' && 'bg-accent-soft text-accent',
          )}
        >
          <CalendarRange className="size-3.5" aria-hidden />
          Custom
        </button>
      </div>
      <span className="inline-flex items-center gap-1.5 text-xs text-muted" aria-live="polite">
        {range.live ? (
          <>
            <RefreshCw className={cn('size-3.5', fetching && 'animate-spin')} aria-hidden />
            {fetching ? 'Refreshing…' : 'Live · refreshes every minute'}
          </>
        ) : (
          fetching && 'Loading…'
        )}
        {updatedAtUs !== undefined && !fetching && <span className="sr-only">Updated {fromMicros(updatedAtUs).toISOString()}</span>}
      </span>
      {customOpen && (
        <form
          id={`${id}-custom`}
          onSubmit={(event) => {
            event.preventDefault()
            applyCustom()
          }}
          className="flex w-full flex-wrap items-end gap-2 rounded-md border border-border bg-surface p-3 shadow-xs"
        >
          <label className="text-xs text-muted">
            From (UTC)
            <input
              type="datetime-local"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              className="mt-1 block h-8 rounded-md border border-border bg-background px-2 text-sm text-foreground"
            />
          </label>
          <label className="text-xs text-muted">
            To (UTC)
            <input
              type="datetime-local"
              value={to}
              onChange={(event) => setTo(event.target.value)}
              className="mt-1 block h-8 rounded-md border border-border bg-background px-2 text-sm text-foreground"
            />
          </label>
          <Button type="submit" size="sm">
            Apply
          </Button>
          {error && (
            <p role="alert" className="w-full text-xs text-bad">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  )
}
