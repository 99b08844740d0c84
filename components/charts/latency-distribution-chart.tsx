'use client'

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatDurationUs } from '@/lib/format/duration-us'
import { findBinIndex, type LatencyBin } from '@/lib/metrics/latency-distribution'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend } from './chart-legend'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip } from './chart-tooltip'
import { formatCount } from './format-count'

export type LatencyMarker = { label: string; valueUs: number; tone?: 'default' | 'accent' | 'bad' }

export type LatencyDistributionChartProps = {
  /** computeLatencyDistribution's bins: equal widths on a log scale. */
  bins: readonly LatencyBin[]
  /** Vertical lines, e.g. p50, p95, p99 and the baseline p95. */
  markers: readonly LatencyMarker[]
  height?: number
}

type BinRow = LatencyBin & { index: number }

const TONE_COLOR = { default: 'var(--muted)', accent: 'var(--accent)', bad: 'var(--bad)' } as const
/** Marker labels stack downwards from the top of the plot, so close markers do not overlap. */
const LABEL_LINE_PX = 13

const binRange = (bin: LatencyBin) => `${formatDurationUs(bin.lowerUs)} – ${formatDurationUs(bin.upperUs)}`

/** How span durations spread over the range: bars over log-spaced bins, with percentile markers. */
export function LatencyDistributionChart({ bins, markers, height = 200 }: LatencyDistributionChartProps) {
  const rows: BinRow[] = bins.map((bin, index) => ({ ...bin, index }))
  const total = bins.reduce((sum, bin) => sum + bin.count, 0)
  const placed = markers.map((marker) => ({
    ...marker,
    color: TONE_COLOR[marker.tone ?? 'default'],
    binIndex: findBinIndex(bins, marker.valueUs),
  }))
  const markerText = (marker: LatencyMarker) => `${marker.label} ${formatDurationUs(marker.valueUs)}`
  const first = bins[0]
  const last = bins.at(-1)
  const summary =
    first && last
      ? `Latency distribution of ${formatCount(total)} spans, ${formatDurationUs(first.lowerUs)} to ${formatDurationUs(last.upperUs)}`
      : 'Latency distribution: no spans'

  return (
    <ChartFrame
      label={[summary, ...markers.map(markerText)].join('; ')}
      height={height}
      legend={
        <ChartLegend
          items={placed.map((marker) => ({
            key: marker.label,
            label: `${markerText(marker)}${marker.binIndex === null ? ' (off scale)' : ''}`,
            color: marker.color,
            mark: 'line',
          }))}
        />
      }
      dataTable={
        <ChartDataTable
          caption="Spans per latency bin"
          columns={['Latency', 'Spans']}
          rows={bins.map((bin) => [binRange(bin), formatCount(bin.count)])}
        />
      }
    >
      <BarChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={CHART_THEME.margin}
        accessibilityLayer={false}
        barCategoryGap={1}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis
          {...CHART_THEME.axis}
          dataKey="index"
          type="category"
          tickFormatter={(index: number) => (bins[index] ? formatDurationUs(bins[index].lowerUs) : '')}
          minTickGap={12}
        />
        <YAxis {...CHART_THEME.axis} type="number" allowDecimals={false} tickFormatter={formatCount} width={56} />
        <Tooltip
          cursor={CHART_THEME.barCursor}
          isAnimationActive={false}
          content={(props) => <BinTooltip {...props} rows={rows} total={total} />}
        />
        <Bar dataKey="count" name="spans" fill={CHART_THEME.color.p95} fillOpacity={0.7} isAnimationActive={false} />
        {placed.map(
          (marker, order) =>
            marker.binIndex !== null && (
              <ReferenceLine
                key={marker.label}
                x={marker.binIndex}
                stroke={marker.color}
                strokeWidth={1.5}
                strokeDasharray="4 3"
                label={
                  <MarkerLabel text={markerText(marker)} color={marker.color} line={order} alignEnd={marker.binIndex > bins.length / 2} />
                }
              />
            ),
        )}
      </BarChart>
    </ChartFrame>
  )
}

/** Cloned by recharts with the line's viewBox (its top at y); a halo in the surface colour keeps it legible over bars. */
function MarkerLabel({
  viewBox,
  text,
  color,
  line,
  alignEnd,
}: {
  viewBox?: { x: number; y: number }
  text: string
  color: string
  line: number
  alignEnd: boolean
}) {
  if (!viewBox) return null
  return (
    <text
      x={viewBox.x + (alignEnd ? -4 : 4)}
      y={viewBox.y + 10 + line * LABEL_LINE_PX}
      textAnchor={alignEnd ? 'end' : 'start'}
      fill={color}
      stroke="var(--surface)"
      strokeWidth={3}
      paintOrder="stroke"
      fontSize={11}
      fontWeight={500}
    >
      {text}
    </text>
  )
}

function BinTooltip({ active, payload, activeIndex, rows, total }: TooltipContentProps & { rows: readonly BinRow[]; total: number }) {
  const row = active ? ((payload[0]?.payload as BinRow | undefined) ?? rows[Number(activeIndex)]) : undefined
  if (!row) return null
  const share = total > 0 ? ` (${((row.count / total) * 100).toLocaleString('en', { maximumFractionDigits: 1 })} %)` : ''
  return (
    <ChartTooltip
      title={binRange(row)}
      lines={[{ label: 'spans', value: `${formatCount(row.count)}${share}`, color: CHART_THEME.color.p95, emphasis: true }]}
    />
  )
}
