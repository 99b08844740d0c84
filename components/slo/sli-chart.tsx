'use client'

import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { ChartDataTable } from '@/components/charts/chart-data-table'
import { ChartFrame } from '@/components/charts/chart-frame'
import { ChartLegend } from '@/components/charts/chart-legend'
import { CHART_THEME } from '@/components/charts/chart-theme'
import { ChartTooltip } from '@/components/charts/chart-tooltip'
import { timeAxis } from '@/components/charts/time-axis'
import { formatUtcMinute } from '@/lib/format/date'
import { formatRatioTick, ratioAxis } from '@/lib/format/ratio-ticks'
import { correctionAreas, type ChartInterval } from './correction-areas'
import { formatObjective, formatSli } from '@/lib/slo/format-slo'

export type SliRow = { xUs: number; sli: number | null; total: number }

const SLI = 'var(--accent)'
const OBJECTIVE = 'var(--bad)'
const when = (us: number) => formatUtcMinute(us / 1000)

/** The SLI hour by hour over the window against the objective; hours under the line spent budget. */
export function SliChart({
  rows,
  range,
  objective,
  corrections,
  height = 220,
}: {
  rows: readonly SliRow[]
  range: { startUs: number; endUs: number }
  objective: number
  corrections: readonly ChartInterval[]
  height?: number
}) {
  const values = rows.flatMap((row) => (row.sli === null ? [] : [row.sli]))
  const axis = ratioAxis(Math.max(0, Math.min(objective - (1 - objective), ...values)), 1)
  const below = rows.filter((row) => row.sli !== null && row.sli < objective).length
  return (
    <ChartFrame
      label={`SLI per hour against the ${formatObjective(objective)} objective: ${below} of ${values.length} hours with events under it`}
      height={height}
      legend={
        <ChartLegend
          items={[
            { key: 'sli', label: 'SLI (hourly)', color: SLI, mark: 'line' },
            { key: 'objective', label: `Objective ${formatObjective(objective)}`, color: OBJECTIVE, mark: 'line' },
          ]}
        />
      }
      dataTable={
        <ChartDataTable
          caption="SLI per hour"
          columns={['Hour (UTC)', 'SLI', 'Events']}
          rows={rows.map((row) => [when(row.xUs), formatSli(row.sli), String(Math.round(row.total))])}
        />
      }
    >
      <ComposedChart
        data={rows as SliRow[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={CHART_THEME.margin}
        accessibilityLayer={false}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis(range)} />
        <YAxis {...CHART_THEME.axis} domain={axis.domain} ticks={axis.ticks} tickFormatter={formatRatioTick} width={64} allowDataOverflow />
        {correctionAreas(corrections, range)}
        <ReferenceLine y={objective} stroke={OBJECTIVE} strokeDasharray="4 2" />
        <Line
          type="linear"
          dataKey="sli"
          name="SLI"
          stroke={SLI}
          strokeWidth={1.5}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Tooltip
          cursor={CHART_THEME.lineCursor}
          isAnimationActive={false}
          content={(props) => <SliTooltip {...props} objective={objective} />}
        />
      </ComposedChart>
    </ChartFrame>
  )
}

function SliTooltip({ active, payload, objective }: TooltipContentProps & { objective: number }) {
  const row = active ? (payload[0]?.payload as SliRow | undefined) : undefined
  if (!row) return null
  return (
    <ChartTooltip
      title={when(row.xUs)}
      lines={[
        { label: 'SLI', value: formatSli(row.sli), color: SLI, emphasis: true },
        { label: 'Events', value: Math.round(row.total).toLocaleString('en') },
      ]}
      footer={row.sli === null ? 'No events this hour' : row.sli >= objective ? 'Met the objective' : 'Under the objective: spent budget'}
    />
  )
}
