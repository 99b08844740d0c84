'use client'

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatDateTime } from '@/lib/format/date'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend } from './chart-legend'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip } from './chart-tooltip'
import { timeAxis } from './time-axis'

export type OverheadPoint = { measuredAtUs: number; overheadMs: number; p95DeltaMs: number; environment: string }

const DAY_US = 86_400_000_000
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const formatMs = (ms: number) => `${ms.toFixed(Math.abs(ms) < 10 ? 2 : 1)} ms`

/** One service's measurements over time: the overhead (mean or p50 difference), the p95 difference, and the target as a line. */
export function OverheadHistoryChart({
  service,
  points,
  targetMs,
  height = 160,
}: {
  service: string
  points: readonly OverheadPoint[]
  targetMs: number | null
  height?: number
}) {
  const first = points[0]?.measuredAtUs ?? 0
  const last = points.at(-1)?.measuredAtUs ?? 0
  // A little room either side, so a lone point or the last one is not cut in half by the frame.
  const padUs = Math.max((last - first) * 0.05, DAY_US / 2)
  const rows = points.map((point) => ({ ...point, xUs: point.measuredAtUs }))
  const legend = [
    { key: 'overhead', label: 'overhead', color: CHART_THEME.color.p95, mark: 'bold-line' as const },
    { key: 'p95', label: 'p95 on − off', color: CHART_THEME.color.p50, mark: 'line' as const },
    ...(targetMs !== null
      ? [{ key: 'target', label: `target < ${targetMs} ms`, color: CHART_THEME.color.p99, mark: 'line' as const }]
      : []),
  ]
  return (
    <ChartFrame
      label={`${service}: tracing overhead over ${points.length} ${points.length === 1 ? 'measurement' : 'measurements'}, latest ${formatMs(points.at(-1)?.overheadMs ?? 0)}`}
      height={height}
      legend={<ChartLegend items={legend} />}
      dataTable={
        <ChartDataTable
          caption={`Overhead measurements of ${service}`}
          columns={['Measured', 'Overhead', 'p95 on − off', 'Environment']}
          rows={points.map((point) => [
            formatDateTime(new Date(point.measuredAtUs / 1000)),
            formatMs(point.overheadMs),
            formatMs(point.p95DeltaMs),
            point.environment,
          ])}
        />
      }
    >
      <LineChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={CHART_THEME.margin} accessibilityLayer={false}>
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis({ startUs: first - padUs, endUs: last + padUs })} />
        <YAxis
          {...CHART_THEME.axis}
          type="number"
          domain={[(min: number) => Math.min(0, min), 'auto']}
          width={64}
          tickFormatter={(tick: number) => `${COMPACT.format(tick)} ms`}
        />
        {targetMs !== null && <ReferenceLine y={targetMs} stroke={CHART_THEME.color.p99} strokeDasharray="4 4" ifOverflow="extendDomain" />}
        <Tooltip cursor={CHART_THEME.lineCursor} isAnimationActive={false} content={(props) => <OverheadTooltip {...props} />} />
        <Line dataKey="p95DeltaMs" stroke={CHART_THEME.color.p50} strokeWidth={1.5} dot={{ r: 2.5 }} isAnimationActive={false} />
        <Line dataKey="overheadMs" stroke={CHART_THEME.color.p95} strokeWidth={2.5} dot={{ r: 3.5 }} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  )
}

function OverheadTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload[0]?.payload as OverheadPoint | undefined) : undefined
  if (!point) return null
  return (
    <ChartTooltip
      title={formatDateTime(new Date(point.measuredAtUs / 1000))}
      lines={[
        { label: 'overhead', value: formatMs(point.overheadMs), color: CHART_THEME.color.p95, emphasis: true },
        { label: 'p95 on − off', value: formatMs(point.p95DeltaMs), color: CHART_THEME.color.p50 },
        { label: 'environment', value: point.environment },
      ]}
    />
  )
}
