'use client'

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { ChartDataTable } from '@/components/charts/chart-data-table'
import { ChartFrame } from '@/components/charts/chart-frame'
import { ChartLegend } from '@/components/charts/chart-legend'
import { CHART_THEME } from '@/components/charts/chart-theme'
import { ChartTooltip } from '@/components/charts/chart-tooltip'
import { describeExtent } from '@/components/charts/describe-extent'
import { durationAxis } from '@/components/charts/duration-axis'
import { isolatedDot } from '@/components/charts/isolated-dot'
import { timeAxis } from '@/components/charts/time-axis'
import { stepWords, type CanaryChartRow } from '@/lib/canary/deployment-detail'
import { formatUtcMinute } from '@/lib/format/date'
import { formatDurationUs } from '@/lib/format/duration-us'
import { formatPercent } from '@/lib/format/percent'
import { formatRatioTick } from '@/lib/format/ratio-ticks'

/** The two versions, the same colours on every canary chart: the new one stands out, the old one recedes. */
export const CANARY_COLORS = { canary: 'var(--accent)', baseline: 'var(--muted)' } as const

const MINUTE_MS = 60_000
/** The axis of an error-free range: 0–1 %, not collapsed to 0. */
const EMPTY_RATIO_AXIS_MAX = 0.01

type Side = 'canary' | 'baseline'
const SIDES = ['canary', 'baseline'] as const

const SERIES: Record<'p95' | 'error_rate', { title: string; keys: Record<Side, keyof CanaryChartRow>; format: (value: number) => string }> =
  {
    p95: { title: 'p95 latency', keys: { canary: 'canaryP95Us', baseline: 'baselineP95Us' }, format: formatDurationUs },
    error_rate: {
      title: 'Error rate',
      keys: { canary: 'canaryErrorRatio', baseline: 'baselineErrorRatio' },
      format: (ratio) => formatPercent(ratio, 2),
    },
  }

export type CanaryComparisonMetric = keyof typeof SERIES

type Row = CanaryChartRow & { xUs: number }

/** Steps on the time axis: each point in the middle of its step, the range from the first step to the end of the last. */
export function canaryChartRange(rows: readonly CanaryChartRow[], stepMinutes: number) {
  const stepMs = stepMinutes * MINUTE_MS
  return {
    startUs: (rows[0]?.bucketMs ?? 0) * 1000,
    endUs: ((rows.at(-1)?.bucketMs ?? 0) + stepMs) * 1000,
    rows: rows.map((row): Row => ({ ...row, xUs: (row.bucketMs + stepMs / 2) * 1000 })),
  }
}

/** A step in a tooltip or a table row: its minute, and how long it lasts when longer than one. */
export const formatStep = (bucketMs: number, stepMinutes: number) =>
  stepMinutes === 1 ? formatUtcMinute(bucketMs) : `${formatUtcMinute(bucketMs)} + ${stepMinutes} min`

/** Canary and baseline side by side, step by step: one line each, over the minutes both served. */
export function CanaryComparisonChart({
  rows,
  stepMinutes,
  metric,
  canaryVersion,
  baselineVersion,
  height = 200,
  syncId,
}: {
  rows: readonly CanaryChartRow[]
  stepMinutes: number
  metric: CanaryComparisonMetric
  canaryVersion: string
  baselineVersion: string
  height?: number
  syncId?: string
}) {
  const { title, keys, format } = SERIES[metric]
  const range = canaryChartRange(rows, stepMinutes)
  const per = `per ${stepWords(stepMinutes)}`
  const value = (row: CanaryChartRow, side: Side) => row[keys[side]] as number | null
  const figure = (row: CanaryChartRow, side: Side) => {
    const number = value(row, side)
    return number === null ? '—' : format(number)
  }
  const extent = (side: Side) =>
    describeExtent(
      rows.map((row) => value(row, side)),
      format,
    ) ?? 'no data'
  const names = { canary: `canary ${canaryVersion}`, baseline: `baseline ${baselineVersion}` }
  const anyAboveZero = rows.some((row) => SIDES.some((side) => (value(row, side) ?? 0) > 0))
  return (
    <ChartFrame
      label={`${title} ${per}: ${names.canary}: ${extent('canary')}; ${names.baseline}: ${extent('baseline')}`}
      height={height}
      legend={
        <ChartLegend
          items={[
            { key: 'canary', label: names.canary, color: CANARY_COLORS.canary, mark: 'bold-line' },
            { key: 'baseline', label: names.baseline, color: CANARY_COLORS.baseline, mark: 'line' },
          ]}
        />
      }
      dataTable={
        <ChartDataTable
          caption={`${title} ${per}, canary and baseline`}
          columns={[stepMinutes === 1 ? 'Minute (UTC)' : 'From (UTC)', names.canary, names.baseline]}
          rows={rows.map((row) => [formatStep(row.bucketMs, stepMinutes), figure(row, 'canary'), figure(row, 'baseline')])}
        />
      }
    >
      <LineChart
        data={range.rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={CHART_THEME.margin}
        syncId={syncId}
        syncMethod="value"
        accessibilityLayer={false}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis(range)} />
        {metric === 'p95' ? (
          <YAxis {...durationAxis()} />
        ) : (
          <YAxis
            {...CHART_THEME.axis}
            type="number"
            domain={[0, anyAboveZero ? 'auto' : EMPTY_RATIO_AXIS_MAX]}
            tickFormatter={formatRatioTick}
            width={56}
          />
        )}
        <Line
          type="linear"
          dataKey={keys.baseline}
          name={names.baseline}
          stroke={CANARY_COLORS.baseline}
          strokeWidth={1.5}
          strokeDasharray="4 3"
          dot={isolatedDot(CANARY_COLORS.baseline)}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey={keys.canary}
          name={names.canary}
          stroke={CANARY_COLORS.canary}
          strokeWidth={2}
          dot={isolatedDot(CANARY_COLORS.canary)}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Tooltip
          cursor={CHART_THEME.lineCursor}
          isAnimationActive={false}
          content={(props) => <ComparisonTooltip {...props} figure={figure} names={names} stepMinutes={stepMinutes} />}
        />
      </LineChart>
    </ChartFrame>
  )
}

function ComparisonTooltip({
  active,
  payload,
  figure,
  names,
  stepMinutes,
}: TooltipContentProps & { figure: (row: CanaryChartRow, side: Side) => string; names: Record<Side, string>; stepMinutes: number }) {
  const row = active ? (payload[0]?.payload as Row | undefined) : undefined
  if (!row) return null
  return (
    <ChartTooltip
      title={formatStep(row.bucketMs, stepMinutes)}
      lines={[
        { label: names.canary, value: figure(row, 'canary'), color: CANARY_COLORS.canary, emphasis: true },
        { label: names.baseline, value: figure(row, 'baseline'), color: CANARY_COLORS.baseline },
      ]}
    />
  )
}
