'use client'

import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatDuration } from '@/lib/format/duration'
import { formatDateTime, formatDay } from '@/lib/format/date'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend } from './chart-legend'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip } from './chart-tooltip'

export type TimeToResolveDot = { startedAtMs: number; timeToResolveMs: number; cohort: 'before' | 'after'; services: readonly string[] }

const COLOR = { before: 'var(--warn)', after: 'var(--accent)' } as const
const LABEL = { before: 'before go-live', after: 'after go-live' } as const
/** A log axis has no 0: a time-to-resolve under a minute is drawn at one minute. */
const FLOOR_MS = 60_000
const CANDIDATE_TICKS_MS = [60_000, 600_000, 3_600_000, 6 * 3_600_000, 86_400_000, 7 * 86_400_000, 30 * 86_400_000]

/**
 * Each resolved incident as a dot (start time across, time-to-resolve up, log scale), coloured by
 * whether it began before or after its services' tracing went live, with each cohort's median dashed.
 */
export function TimeToResolveChart({
  dots,
  medianBeforeMs,
  medianAfterMs,
  height = 240,
}: {
  dots: readonly TimeToResolveDot[]
  medianBeforeMs: number | null
  medianAfterMs: number | null
  height?: number
}) {
  const rows = dots.map((dot) => ({ ...dot, y: Math.max(FLOOR_MS, dot.timeToResolveMs) }))
  const before = rows.filter((row) => row.cohort === 'before')
  const after = rows.filter((row) => row.cohort === 'after')
  const highest = Math.max(FLOOR_MS * 10, ...rows.map((row) => row.y))
  const ticks = CANDIDATE_TICKS_MS.filter((tick) => tick <= highest * 1.5)
  const times = rows.map((row) => row.startedAtMs)
  const span = times.length ? [Math.min(...times), Math.max(...times)] : [0, 1]
  const pad = Math.max(86_400_000, (span[1]! - span[0]!) * 0.03)
  const median = (ms: number | null) => (ms === null ? 'too few' : formatDuration(ms))

  return (
    <ChartFrame
      label={`Time to resolve of ${rows.length} resolved incidents by start: median ${median(medianBeforeMs)} before go-live (${before.length}), ${median(medianAfterMs)} after (${after.length})`}
      height={height}
      legend={
        <ChartLegend
          items={[
            { key: 'before', label: `${LABEL.before} (${before.length}), median dashed`, color: COLOR.before, mark: 'bar' },
            { key: 'after', label: `${LABEL.after} (${after.length}), median dashed`, color: COLOR.after, mark: 'bar' },
          ]}
        />
      }
      dataTable={
        <ChartDataTable
          caption="Resolved incidents: start, time to resolve, before or after go-live"
          columns={['Started', 'Time to resolve', 'Cohort', 'Services']}
          rows={rows.map((row) => [
            formatDateTime(new Date(row.startedAtMs)),
            formatDuration(row.timeToResolveMs),
            LABEL[row.cohort],
            row.services.join(', '),
          ])}
        />
      }
    >
      <ScatterChart responsive style={{ width: '100%', height: '100%' }} margin={CHART_THEME.margin} accessibilityLayer={false}>
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis
          {...CHART_THEME.axis}
          dataKey="startedAtMs"
          type="number"
          domain={[span[0]! - pad, span[1]! + pad]}
          tickFormatter={(ms: number) => formatDay(new Date(ms))}
          minTickGap={24}
        />
        <YAxis
          {...CHART_THEME.axis}
          dataKey="y"
          type="number"
          scale="log"
          domain={[FLOOR_MS, ticks.at(-1) ?? highest]}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={(ms: number) => formatDuration(ms).replaceAll(' ', '\u00a0')}
          width={64}
        />
        <Tooltip cursor={false} content={(props) => <DotTooltip {...props} />} />
        {medianBeforeMs !== null && (
          <ReferenceLine
            y={Math.max(FLOOR_MS, medianBeforeMs)}
            stroke={COLOR.before}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            ifOverflow="hidden"
          />
        )}
        {medianAfterMs !== null && (
          <ReferenceLine
            y={Math.max(FLOOR_MS, medianAfterMs)}
            stroke={COLOR.after}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            ifOverflow="hidden"
          />
        )}
        <Scatter name={LABEL.before} data={before} fill={COLOR.before} fillOpacity={0.75} isAnimationActive={false} />
        <Scatter name={LABEL.after} data={after} fill={COLOR.after} fillOpacity={0.75} shape="diamond" isAnimationActive={false} />
      </ScatterChart>
    </ChartFrame>
  )
}

function DotTooltip({ active, payload }: TooltipContentProps) {
  const dot = payload?.[0]?.payload as (TimeToResolveDot & { y: number }) | undefined
  if (!active || !dot) return null
  return (
    <ChartTooltip
      title={formatDateTime(new Date(dot.startedAtMs))}
      lines={[
        { label: 'time to resolve', value: formatDuration(dot.timeToResolveMs), color: COLOR[dot.cohort], emphasis: true },
        { label: 'cohort', value: LABEL[dot.cohort] },
      ]}
      footer={dot.services.join(', ')}
    />
  )
}
