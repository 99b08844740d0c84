'use client'

import { LineChart, usePlotArea, useXAxisScale, XAxis, YAxis } from 'recharts'
import { formatDateTime } from '@/lib/format/date'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend, type ChartLegendItem } from './chart-legend'
import { CHART_THEME } from './chart-theme'
import { timeAxis } from './time-axis'

type Interval = { startMs: number; endMs: number }

/** What an alert rule actually did on one series: the intervals it was recorded pending and firing (epoch ms). */
export type RecordedStates = { pending: readonly Interval[]; firing: readonly Interval[] }

/**
 * Pixels left of the plot in the charts that draw a strip: the value axis of a backtest chart, an empty
 * gutter in a strip-only chart. The same in both, so strips stacked on one page share their time axis.
 */
export const VALUE_AXIS_WIDTH = 72
const STRIP_HEIGHT = 8
/** Pending is drawn half as tall as firing: told apart by shape, not only by hue (amber and red at one lightness in the light theme). */
const PENDING_HEIGHT = 4
const STRIP_GAP = 10
/** Room above the plot a chart adds to its top margin for the strip. */
export const RECORDED_STRIP_SPACE = STRIP_HEIGHT + STRIP_GAP

export const RECORDED_LEGEND: readonly ChartLegendItem[] = [
  { key: 'recorded-pending', label: 'recorded: pending', color: CHART_THEME.color.p99, mark: 'bar' },
  { key: 'recorded-firing', label: 'recorded: firing', color: CHART_THEME.color.bad, mark: 'bar' },
]

/** "recorded: fired 2 times", for a chart's accessible label. */
export function describeRecorded({ pending, firing }: RecordedStates): string {
  if (firing.length) return `recorded: fired ${firing.length} time${firing.length === 1 ? '' : 's'}`
  return pending.length ? 'recorded: pending, never fired' : 'recorded: never pending or firing'
}

/** The recorded state at an instant, for a tooltip. */
export function recordedStateAt({ pending, firing }: RecordedStates, atMs: number): 'firing' | 'pending' | 'quiet' {
  const within = ({ startMs, endMs }: Interval) => startMs <= atMs && atMs < endMs
  return firing.some(within) ? 'firing' : pending.some(within) ? 'pending' : 'quiet'
}

/** The intervals as a screen-reader table, in time order. */
export function RecordedStatesTable({ caption, recorded }: { caption: string; recorded: RecordedStates }) {
  const rows = [
    ...recorded.pending.map((interval) => ({ state: 'pending', ...interval })),
    ...recorded.firing.map((interval) => ({ state: 'firing', ...interval })),
  ].sort((a, b) => a.startMs - b.startMs)
  return (
    <ChartDataTable
      caption={caption}
      columns={['Recorded state', 'From', 'To']}
      rows={rows.map(({ state, startMs, endMs }) => [state, formatDateTime(new Date(startMs)), formatDateTime(new Date(endMs))])}
    />
  )
}

/**
 * Inside a cartesian chart whose x-axis is in µs (timeAxis): the recorded intervals as a thin strip just above
 * the plot, on its time scale, over a track spanning the range; "recorded" in the gutter names it. The
 * chart leaves RECORDED_STRIP_SPACE for it in its top margin.
 */
export function RecordedStateStrip({ recorded }: { recorded: RecordedStates }) {
  const plot = usePlotArea()
  const xScale = useXAxisScale()
  if (!plot || !xScale) return null
  const top = plot.y - RECORDED_STRIP_SPACE
  const xOf = (ms: number) => Math.min(Math.max(xScale(ms * 1000) ?? plot.x, plot.x), plot.x + plot.width)
  const bar = (state: 'pending' | 'firing', { startMs, endMs }: Interval) => {
    const height = state === 'firing' ? STRIP_HEIGHT : PENDING_HEIGHT
    const x = xOf(startMs)
    return (
      <rect
        key={`${state}-${startMs}`}
        x={x}
        y={top + (STRIP_HEIGHT - height) / 2}
        // At least a pixel: a one-minute pending on a 30-day axis stays visible.
        width={Math.max(xOf(endMs) - x, 1)}
        height={height}
        fill={state === 'firing' ? CHART_THEME.color.bad : CHART_THEME.color.p99}
      >
        <title>{`recorded ${state}, ${formatDateTime(new Date(startMs))} – ${formatDateTime(new Date(endMs))} UTC`}</title>
      </rect>
    )
  }
  return (
    <g className="recorded-state-strip">
      <text
        x={plot.x - 6}
        y={top + STRIP_HEIGHT / 2}
        textAnchor="end"
        dominantBaseline="central"
        fontSize={10}
        fill={CHART_THEME.axis.tick.fill}
      >
        recorded
      </text>
      <rect x={plot.x} y={top} width={plot.width} height={STRIP_HEIGHT} rx={2} fill={CHART_THEME.grid.stroke} />
      {recorded.pending.map((interval) => bar('pending', interval))}
      {recorded.firing.map((interval) => bar('firing', interval))}
    </g>
  )
}

/** Only the strip, on the time axis of the backtest charts above it: a series with recorded alerts but no values charted. */
export function RecordedStateChart({
  label,
  recorded,
  fromMs,
  toMs,
}: {
  label: string
  recorded: RecordedStates
  fromMs: number
  toMs: number
}) {
  // Two rows at the range's ends, so the axes have a domain to draw; no series is drawn from them.
  const rows = [{ xUs: fromMs * 1000 }, { xUs: toMs * 1000 }]
  return (
    <ChartFrame
      label={`${label}: ${describeRecorded(recorded)} over the range`}
      height={CHART_THEME.margin.top + RECORDED_STRIP_SPACE + 40}
      legend={<ChartLegend items={RECORDED_LEGEND} />}
      dataTable={<RecordedStatesTable caption={`Recorded intervals of ${label}`} recorded={recorded} />}
    >
      <LineChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ ...CHART_THEME.margin, top: CHART_THEME.margin.top + RECORDED_STRIP_SPACE }}
        accessibilityLayer={false}
      >
        <XAxis {...timeAxis({ startUs: fromMs * 1000, endUs: toMs * 1000 })} />
        <YAxis width={VALUE_AXIS_WIDTH} tick={false} tickLine={false} axisLine={false} />
        <RecordedStateStrip recorded={recorded} />
      </LineChart>
    </ChartFrame>
  )
}
