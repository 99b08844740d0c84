'use client'

import { useState } from 'react'
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatDurationUs } from '@/lib/format/duration-us'
import { formatStepRange } from '@/lib/format/time-ticks'
import type { Band } from '@/lib/metrics/baseline'
import type { SeriesPoint } from '@/lib/metrics/series'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend, type ChartLegendItem } from './chart-legend'
import { useChartMarkers, type ChartMarker } from './chart-markers'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip, type ChartTooltipLine } from './chart-tooltip'
import { describeExtent } from './describe-extent'
import { durationAxis } from './duration-axis'
import { formatCount } from './format-count'
import { isolatedDot } from './isolated-dot'
import { stepMiddleUs, timeAxis } from './time-axis'
import { useDragSelect } from './use-drag-select'

export type LatencyChartBand = Pick<Band, 'lowerUs' | 'upperUs' | 'centerUs'>

export type LatencyChartProps = {
  points: readonly SeriesPoint[]
  /** Aligned by index with `points`: the baseline band of p95 at each step; null where there is none. */
  band?: readonly (LatencyChartBand | null)[]
  startUs: number
  endUs: number
  stepUs: number
  height?: number
  syncId?: string
  /** Enables drag-to-zoom: called with the µs bounds of the steps dragged across. */
  onSelectRange?: (startUs: number, endUs: number) => void
  /** Events to mark on the time axis (deployments): a line each, and a flag that links to it. */
  markers?: readonly ChartMarker[]
}

type LatencyRow = SeriesPoint & { xUs: number; bandUs: [number, number] | null; bandCenterUs: number | null }

const LINES = [
  { key: 'p50', dataKey: 'p50Us', color: CHART_THEME.color.p50, strokeWidth: 1.5, mark: 'line' },
  { key: 'p95', dataKey: 'p95Us', color: CHART_THEME.color.p95, strokeWidth: 2.5, mark: 'bold-line' },
  { key: 'p99', dataKey: 'p99Us', color: CHART_THEME.color.p99, strokeWidth: 1.5, mark: 'line' },
] as const
const BAND = { key: 'band', label: 'baseline p95 band', color: CHART_THEME.color.baseline, mark: 'band' } as const
const LEGEND: readonly ChartLegendItem[] = LINES.map(({ key, color, mark }) => ({ key, label: key, color, mark }))

const duration = (us: number | null) => (us === null ? '—' : formatDurationUs(us))

/** p50, p95 and p99 per step over the range, with the baseline p95 band behind them. */
export function LatencyChart({ points, band, startUs, endUs, stepUs, height = 240, syncId, onSelectRange, markers }: LatencyChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const { handlers, selection } = useDragSelect(stepUs, onSelectRange)
  const marks = useChartMarkers(markers, startUs, endUs)
  const rows: LatencyRow[] = points.map((point, index) => {
    const stepBand = band?.[index] ?? null
    return {
      ...point,
      xUs: stepMiddleUs(point.bucketStartUs, stepUs),
      bandUs: stepBand && [stepBand.lowerUs, stepBand.upperUs],
      bandCenterUs: stepBand?.centerUs ?? null,
    }
  })
  const hasBand = rows.some((row) => row.bandUs !== null)
  const toggle = (key: string) =>
    setHidden((previous) => new Set(previous.has(key) ? [...previous].filter((other) => other !== key) : [...previous, key]))
  const p95Extent = describeExtent(
    points.map((point) => point.p95Us),
    formatDurationUs,
  )

  return (
    <ChartFrame
      label={p95Extent ? `p95 latency, ${p95Extent} over the range` : 'p95 latency: no spans in the range'}
      height={height}
      selectable={Boolean(onSelectRange)}
      overlay={marks.overlay}
      legend={<ChartLegend items={hasBand ? [...LEGEND, BAND] : LEGEND} hidden={hidden} onToggle={toggle} />}
      dataTable={
        <ChartDataTable
          caption="Latency per step"
          columns={['Step', 'p50', 'p95', 'p99', 'Baseline p95', 'Spans']}
          rows={rows.map((row) => [
            formatStepRange(row.bucketStartUs, stepUs),
            duration(row.p50Us),
            duration(row.p95Us),
            duration(row.p99Us),
            bandText(row),
            formatCount(row.count),
          ])}
        />
      }
    >
      <ComposedChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={marks.margin}
        syncId={syncId}
        syncMethod="value"
        accessibilityLayer={false}
        {...handlers}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis({ startUs, endUs })} />
        <YAxis {...durationAxis()} />
        <Tooltip
          cursor={CHART_THEME.lineCursor}
          filterNull={false}
          isAnimationActive={false}
          content={(props) => <LatencyTooltip {...props} rows={rows} stepUs={stepUs} hidden={hidden} />}
        />
        {hasBand && (
          <Area
            dataKey="bandUs"
            name={BAND.label}
            type="linear"
            stroke="none"
            fill={BAND.color}
            fillOpacity={CHART_THEME.softFillOpacity}
            connectNulls={false}
            isAnimationActive={false}
            activeDot={false}
            hide={hidden.has(BAND.key)}
          />
        )}
        {hasBand && (
          <Line
            dataKey="bandCenterUs"
            name="baseline p95"
            type="linear"
            stroke={BAND.color}
            strokeOpacity={0.6}
            strokeWidth={1}
            strokeDasharray="4 3"
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
            hide={hidden.has(BAND.key)}
          />
        )}
        {LINES.map((line) => (
          <Line
            key={line.key}
            dataKey={line.dataKey}
            name={line.key}
            type="linear"
            stroke={line.color}
            strokeWidth={line.strokeWidth}
            dot={isolatedDot(line.color)}
            activeDot={{ r: 3, strokeWidth: 0, fill: line.color }}
            connectNulls={false}
            isAnimationActive={false}
            hide={hidden.has(line.key)}
          />
        ))}
        {marks.lines}
        {selection && (
          <ReferenceArea
            x1={selection.startUs}
            x2={selection.endUs}
            fill={CHART_THEME.color.selection}
            fillOpacity={CHART_THEME.softFillOpacity}
            stroke="none"
          />
        )}
      </ComposedChart>
    </ChartFrame>
  )
}

const bandText = (row: LatencyRow) =>
  row.bandUs && row.bandCenterUs !== null
    ? `${formatDurationUs(row.bandCenterUs)} (${formatDurationUs(row.bandUs[0])} – ${formatDurationUs(row.bandUs[1])})`
    : '—'

function LatencyTooltip({
  active,
  payload,
  activeIndex,
  rows,
  stepUs,
  hidden,
}: TooltipContentProps & { rows: readonly LatencyRow[]; stepUs: number; hidden: ReadonlySet<string> }) {
  const row = active ? ((payload[0]?.payload as LatencyRow | undefined) ?? rows[Number(activeIndex)]) : undefined
  if (!row) return null
  const lines: ChartTooltipLine[] = LINES.filter((line) => !hidden.has(line.key)).map((line) => ({
    label: line.key,
    value: duration(row[line.dataKey]),
    color: line.color,
    emphasis: line.key === 'p95',
  }))
  if (row.bandUs && !hidden.has(BAND.key)) lines.push({ label: 'baseline p95', value: bandText(row), color: BAND.color })
  const estimated = row.estimatedCount !== row.count ? ` (≈ ${formatCount(row.estimatedCount)} before sampling)` : ''
  return (
    <ChartTooltip
      title={formatStepRange(row.bucketStartUs, stepUs)}
      lines={lines}
      footer={row.count === 0 ? 'No spans in this step' : `${formatCount(row.count)} spans${estimated}`}
    />
  )
}
