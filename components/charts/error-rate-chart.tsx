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

export type ErrorRatePoint = { bucketStartUs: number; errorRatio: number | null; errors: number; count: number }

export type ErrorRateChartProps = {
  series: readonly ErrorRatePoint[]
  startUs: number
  endUs: number
  stepUs: number
  height?: number
  syncId?: string
  /** Events to mark on the time axis (deployments): a line each, and a flag that links to it. */
  markers?: readonly ChartMarker[]
}

type ErrorRateRow = ErrorRatePoint & { xUs: number }

/** The axis of an error-free range: 0–1 %, not collapsed to 0. */
const EMPTY_AXIS_MAX_RATIO = 0.01

/** "0.25 %", "2.5 %", "33.3 %" */
/** Axis ticks and tooltips: as few digits as the scale needs, a non-breaking space before %. */
const formatRatioTick = (ratio: number) => `${(ratio * 100).toLocaleString('en', { maximumFractionDigits: ratio < 0.01 ? 2 : 1 })}\u00a0%`

const spansText = (row: ErrorRatePoint) =>
  row.count === 0
    ? 'No spans in this step'
    : `${formatCount(row.errors)} of ${formatCount(row.count)} spans${row.errorRatio === null ? '' : ` (${formatRatioTick(row.errorRatio)})`}`

/** The share of spans in error per step, as bars in the bad colour. */
export function ErrorRateChart({ series, startUs, endUs, stepUs, height = 160, syncId, markers }: ErrorRateChartProps) {
  const rows: ErrorRateRow[] = series.map((point) => ({ ...point, xUs: stepMiddleUs(point.bucketStartUs, stepUs) }))
  const marks = useChartMarkers(markers, startUs, endUs)
  const extent = describeExtent(
    series.map((point) => point.errorRatio),
    formatRatioTick,
  )

  return (
    <ChartFrame
      label={extent ? `Error rate, ${extent} over the range` : 'Error rate: no spans in the range'}
      height={height}
      overlay={marks.overlay}
      legend={<ChartLegend items={[{ key: 'errors', label: 'error rate', color: CHART_THEME.color.bad, mark: 'bar' }]} />}
      dataTable={
        <ChartDataTable
          caption="Error rate per step"
          columns={['Step', 'Errors']}
          rows={rows.map((row) => [formatStepRange(row.bucketStartUs, stepUs), spansText(row)])}
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
          domain={[0, series.some((point) => (point.errorRatio ?? 0) > 0) ? 'auto' : EMPTY_AXIS_MAX_RATIO]}
          tickFormatter={formatRatioTick}
          width={CHART_THEME.yAxisWidth}
        />
        <Tooltip
          cursor={CHART_THEME.barCursor}
          filterNull={false}
          isAnimationActive={false}
          content={(props) => <ErrorRateTooltip {...props} rows={rows} stepUs={stepUs} />}
        />
        <Bar dataKey="errorRatio" name="error rate" fill={CHART_THEME.color.bad} fillOpacity={0.8} isAnimationActive={false} />
        {marks.lines}
      </BarChart>
    </ChartFrame>
  )
}

function ErrorRateTooltip({
  active,
  payload,
  activeIndex,
  rows,
  stepUs,
}: TooltipContentProps & { rows: readonly ErrorRateRow[]; stepUs: number }) {
  const row = active ? ((payload[0]?.payload as ErrorRateRow | undefined) ?? rows[Number(activeIndex)]) : undefined
  if (!row) return null
  if (row.count === 0) return <ChartTooltip title={formatStepRange(row.bucketStartUs, stepUs)} lines={[]} footer={spansText(row)} />
  return (
    <ChartTooltip
      title={formatStepRange(row.bucketStartUs, stepUs)}
      lines={[{ label: 'errors', value: spansText(row), color: CHART_THEME.color.bad, emphasis: true }]}
    />
  )
}
