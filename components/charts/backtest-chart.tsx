'use client'

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { formatDateTime } from '@/lib/format/date'
import { ChartDataTable } from './chart-data-table'
import { ChartFrame } from './chart-frame'
import { ChartLegend } from './chart-legend'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip, type ChartTooltipLine } from './chart-tooltip'
import {
  describeRecorded,
  RECORDED_LEGEND,
  RECORDED_STRIP_SPACE,
  RecordedStateStrip,
  RecordedStatesTable,
  recordedStateAt,
  VALUE_AXIS_WIDTH,
  type RecordedStates,
} from './recorded-state-strip'
import { timeAxis } from './time-axis'

export type BacktestChartSeries = {
  label: string
  points: readonly (readonly [number, number | null])[]
  pending: readonly { startMs: number; endMs: number }[]
  firing: readonly { startMs: number; endMs: number }[]
}

/**
 * One series of a rule's backtest: its value at every step, the threshold as a dashed line, and the
 * intervals where the rule would have been pending (amber) and firing (red) shaded behind it. With
 * `recorded` (a saved rule), what the rule actually did on the series runs as a strip above the plot.
 */
export function BacktestChart({
  series,
  threshold,
  fromMs,
  toMs,
  format,
  stepMs,
  recorded,
  height = 180,
}: {
  series: BacktestChartSeries
  /** The rule's recorded pending and firing intervals on this series; none for a draft. */
  recorded?: RecordedStates
  /** The evaluation step: points further apart than this have a gap between them. */
  stepMs: number
  threshold: number
  fromMs: number
  toMs: number
  format: (value: number) => string
  height?: number
}) {
  // A step without a value (no data, or under the traffic guard) breaks the line rather than bridging it.
  const rows: { xUs: number; value: number | null }[] = []
  for (const [atMs, value] of series.points) {
    const previous = rows.at(-1)
    if (previous && atMs * 1000 - previous.xUs > stepMs * 1000) rows.push({ xUs: previous.xUs + stepMs * 1000, value: null })
    rows.push({ xUs: atMs * 1000, value })
  }
  const legend = [
    { key: 'value', label: 'value', color: CHART_THEME.color.p95, mark: 'bold-line' as const },
    { key: 'threshold', label: `threshold ${format(threshold)}`, color: CHART_THEME.color.p99, mark: 'line' as const },
    { key: 'pending', label: 'would be pending', color: CHART_THEME.color.p99, mark: 'band' as const },
    { key: 'firing', label: 'would fire', color: CHART_THEME.color.bad, mark: 'band' as const },
    ...(recorded ? RECORDED_LEGEND : []),
  ]
  const fired = series.firing.length
  return (
    <ChartFrame
      label={`${series.label}: ${fired ? `would have fired ${fired} time${fired === 1 ? '' : 's'}` : 'would not have fired'} over the range${recorded ? `; ${describeRecorded(recorded)}` : ''}`}
      height={height + (recorded ? RECORDED_STRIP_SPACE : 0)}
      legend={<ChartLegend items={legend} />}
      dataTable={
        <>
          <ChartDataTable
            caption={`Would-have-fired intervals of ${series.label}`}
            columns={['State', 'From', 'To']}
            rows={[
              ...series.pending.map((interval) => [
                'pending',
                formatDateTime(new Date(interval.startMs)),
                formatDateTime(new Date(interval.endMs)),
              ]),
              ...series.firing.map((interval) => [
                'firing',
                formatDateTime(new Date(interval.startMs)),
                formatDateTime(new Date(interval.endMs)),
              ]),
            ]}
          />
          {recorded && <RecordedStatesTable caption={`Recorded intervals of ${series.label}`} recorded={recorded} />}
        </>
      }
    >
      <LineChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={recorded ? { ...CHART_THEME.margin, top: CHART_THEME.margin.top + RECORDED_STRIP_SPACE } : CHART_THEME.margin}
        accessibilityLayer={false}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis({ startUs: fromMs * 1000, endUs: toMs * 1000 })} />
        <YAxis
          {...CHART_THEME.axis}
          type="number"
          domain={[0, 'auto']}
          width={VALUE_AXIS_WIDTH}
          tickFormatter={(tick: number) => format(tick)}
        />
        {series.pending.map((interval) => (
          <ReferenceArea
            key={`p${interval.startMs}`}
            x1={interval.startMs * 1000}
            x2={interval.endMs * 1000}
            fill={CHART_THEME.color.p99}
            fillOpacity={CHART_THEME.softFillOpacity}
            ifOverflow="hidden"
          />
        ))}
        {series.firing.map((interval) => (
          <ReferenceArea
            key={`f${interval.startMs}`}
            x1={interval.startMs * 1000}
            x2={interval.endMs * 1000}
            fill={CHART_THEME.color.bad}
            fillOpacity={CHART_THEME.softFillOpacity * 1.6}
            ifOverflow="hidden"
          />
        ))}
        <ReferenceLine y={threshold} stroke={CHART_THEME.color.p99} strokeDasharray="4 4" ifOverflow="extendDomain" />
        <Tooltip
          cursor={CHART_THEME.lineCursor}
          isAnimationActive={false}
          content={(props) => <BacktestTooltip {...props} format={format} recorded={recorded} />}
        />
        {recorded && <RecordedStateStrip recorded={recorded} />}
        <Line
          dataKey="value"
          stroke={CHART_THEME.color.p95}
          strokeWidth={1.75}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  )
}

const RECORDED_COLOR = { firing: CHART_THEME.color.bad, pending: CHART_THEME.color.p99, quiet: undefined }

function BacktestTooltip({
  active,
  payload,
  format,
  recorded,
}: TooltipContentProps & { format: (value: number) => string; recorded: RecordedStates | undefined }) {
  const row = active ? (payload[0]?.payload as { xUs: number; value: number | null } | undefined) : undefined
  if (!row) return null
  const lines: ChartTooltipLine[] = [
    { label: 'value', value: row.value === null ? 'no data' : format(row.value), color: CHART_THEME.color.p95, emphasis: true },
  ]
  if (recorded) {
    const state = recordedStateAt(recorded, row.xUs / 1000)
    lines.push({ label: 'recorded', value: state, color: RECORDED_COLOR[state] })
  }
  return <ChartTooltip title={formatDateTime(new Date(row.xUs / 1000))} lines={lines} />
}
