'use client'

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatStepRange } from '@/lib/format/time-ticks'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend } from './chart-legend'
import { useChartMarkers, type ChartMarker } from './chart-markers'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip } from './chart-tooltip'
import { describeExtent } from './describe-extent'
import { formatCount } from './format-count'
import { stepMiddleUs, timeAxis } from './time-axis'

export type RatePoint = { bucketStartUs: number; value: number | null }

export type RateChartProps = {
  series: readonly RatePoint[]
  /** e.g. "spans/min" */
  unit: string
  startUs: number
  endUs: number
  stepUs: number
  height?: number
  syncId?: string
  /** Events to mark on the time axis (deployments): a line each, and a flag that links to it. */
  markers?: readonly ChartMarker[]
  /** Values are extrapolated from sampled spans: legend and tooltip say so. */
  estimated?: boolean
}

type RateRow = RatePoint & { xUs: number }

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
/** The axis of an all-zero range: 0–1, not collapsed to 0. */
const EMPTY_AXIS_MAX = 1

/** A rate per step (throughput), as bars; null steps stay empty. */
export function RateChart({ series, unit, startUs, endUs, stepUs, height = 160, syncId, markers, estimated = false }: RateChartProps) {
  const rows: RateRow[] = series.map((point) => ({ ...point, xUs: stepMiddleUs(point.bucketStartUs, stepUs) }))
  const marks = useChartMarkers(markers, startUs, endUs)
  const name = estimated ? `${unit} (estimated)` : unit
  const extent = describeExtent(
    series.map((point) => point.value),
    formatCount,
  )
  const value = (row: RatePoint) => (row.value === null ? '—' : `${formatCount(row.value)} ${unit}`)

  return (
    <ChartFrame
      label={extent ? `${name}, ${extent} over the range` : `${name}: no data in the range`}
      height={height}
      overlay={marks.overlay}
      legend={<ChartLegend items={[{ key: 'rate', label: name, color: CHART_THEME.color.rate, mark: 'bar' }]} />}
      dataTable={
        <ChartDataTable
          caption={`Rate per step, ${name}`}
          columns={['Step', name]}
          rows={rows.map((row) => [formatStepRange(row.bucketStartUs, stepUs), value(row)])}
        />
      }
    >
      <BarChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={marks.margin}
        syncId={syncId}
        syncMethod="value"
        accessibilityLayer={false}
        barCategoryGap="15%"
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis({ startUs, endUs })} />
        <YAxis
          {...CHART_THEME.axis}
          type="number"
          domain={[0, series.some((point) => (point.value ?? 0) > 0) ? 'auto' : EMPTY_AXIS_MAX]}
          allowDecimals
          tickFormatter={(tick: number) => COMPACT.format(tick)}
          width={CHART_THEME.yAxisWidth}
        />
        <Tooltip
          cursor={CHART_THEME.barCursor}
          filterNull={false}
          isAnimationActive={false}
          content={(props) => (
            <RateTooltip {...props} rows={rows} stepUs={stepUs} seriesLabel={estimated ? 'estimated rate' : 'rate'} format={value} />
          )}
        />
        <Bar dataKey="value" name={name} fill={CHART_THEME.color.rate} fillOpacity={0.75} isAnimationActive={false} />
        {marks.lines}
      </BarChart>
    </ChartFrame>
  )
}

function RateTooltip({
  active,
  payload,
  activeIndex,
  rows,
  stepUs,
  seriesLabel,
  format,
}: TooltipContentProps & { rows: readonly RateRow[]; stepUs: number; seriesLabel: string; format: (row: RatePoint) => string }) {
  const row = active ? ((payload[0]?.payload as RateRow | undefined) ?? rows[Number(activeIndex)]) : undefined
  if (!row) return null
  return (
    <ChartTooltip
      title={formatStepRange(row.bucketStartUs, stepUs)}
      lines={[{ label: seriesLabel, value: format(row), color: CHART_THEME.color.rate, emphasis: true }]}
    />
  )
}
