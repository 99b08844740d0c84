// The time range of a page, as the URL carries it: a preset relative to now (live: refreshed) or a
// fixed custom range. Parsed with zod at the page boundary; resolved to µs bounds and a chart step.
import { z } from 'zod'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { fromMicros } from '@/lib/time/micros'

export const PRESETS = {
  '1h': { label: 'Last hour', lengthUs: HOUR_US, stepUs: MINUTE_US },
  '6h': { label: 'Last 6 hours', lengthUs: 6 * HOUR_US, stepUs: 5 * MINUTE_US },
  '24h': { label: 'Last 24 hours', lengthUs: 24 * HOUR_US, stepUs: 15 * MINUTE_US },
  '7d': { label: 'Last 7 days', lengthUs: 7 * DAY_US, stepUs: HOUR_US },
  '30d': { label: 'Last 30 days', lengthUs: 30 * DAY_US, stepUs: 6 * HOUR_US },
} as const
export type Preset = keyof typeof PRESETS
export const DEFAULT_PRESET: Preset = '6h'

/** Chart steps a custom range may use; the finest giving at most MAX_POINTS points is chosen. */
const STEPS_US = [MINUTE_US, 5 * MINUTE_US, 15 * MINUTE_US, HOUR_US, 6 * HOUR_US, DAY_US]
const MAX_POINTS = 200
/** Custom ranges older than this read coarser data than they would show; refuse them rather than mislead. */
const MAX_CUSTOM_LENGTH_US = 400 * DAY_US

/** Instants a range may name: the Unix era up to the last moment ISO 8601's four-digit years can write. */
const EARLIEST_MS = Date.UTC(1970, 0, 1)
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO date-time, e.g. 2026-11-24T09:00:00Z' }).refine((value) => {
  const ms = Date.parse(value)
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS
}, 'must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z')

/** The URL's range params. `range` wins unless `from` and `to` are both given. */
export const timeRangeParams = z
  .object({
    range: z.enum(Object.keys(PRESETS) as [Preset, ...Preset[]], { error: `one of ${Object.keys(PRESETS).join(', ')}` }).optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
  })
  .superRefine((params, ctx) => {
    if ((params.from === undefined) !== (params.to === undefined))
      ctx.addIssue({ code: 'custom', path: [params.from ? 'to' : 'from'], message: 'a custom range needs both from and to' })
    if (params.from && params.to) {
      const length = Date.parse(params.to) - Date.parse(params.from)
      if (length <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' })
      else if (length * 1000 > MAX_CUSTOM_LENGTH_US)
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'a custom range can span at most 400 days' })
    }
  })
export type TimeRangeParams = z.infer<typeof timeRangeParams>

export type TimeRange = {
  /** The preset, or 'custom'. */
  kind: Preset | 'custom'
  label: string
  startUs: number
  endUs: number
  stepUs: number
  /** Presets move with the clock: pages refresh them. */
  live: boolean
}

export function resolveTimeRange(params: TimeRangeParams, nowUs: number): TimeRange {
  if (params.from && params.to) {
    const startUs = Date.parse(params.from) * 1000
    const endUs = Date.parse(params.to) * 1000
    const stepUs = STEPS_US.find((step) => (endUs - startUs) / step <= MAX_POINTS) ?? DAY_US
    return { kind: 'custom', label: 'Custom range', startUs, endUs, stepUs, live: false }
  }
  const kind = params.range ?? DEFAULT_PRESET
  const preset = PRESETS[kind]
  // Bucket edges on whole steps, so points line up with the rollups and refreshes reuse them.
  const endUs = Math.ceil(nowUs / preset.stepUs) * preset.stepUs
  return { kind, label: preset.label, startUs: endUs - preset.lengthUs, endUs, stepUs: preset.stepUs, live: true }
}

/** The URL query for a range (presets by name, custom by instants). */
export function timeRangeQuery(range: Pick<TimeRange, 'kind' | 'startUs' | 'endUs'>): Record<string, string> {
  if (range.kind !== 'custom') return { range: range.kind }
  return { from: fromMicros(range.startUs).toISOString(), to: fromMicros(range.endUs).toISOString() }
}
