'use client'

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { ChartDataTable } from '@/components/charts/chart-data-table'
import { ChartFrame } from '@/components/charts/chart-frame'
import { ChartLegend } from '@/components/charts/chart-legend'
import { CHART_THEME } from '@/components/charts/chart-theme'
import { ChartTooltip } from '@/components/charts/chart-tooltip'
import { timeAxis } from '@/components/charts/time-axis'
import { formatUtcMinute } from '@/lib/format/date'
import { formatRatioTick, ratioAxis } from '@/lib/format/ratio-ticks'
import { correctionAreas, type ChartInterval } from './correction-areas'
import { formatBudget } from '@/lib/slo/format-slo'

export type BurnDownRow = { xUs: number; remaining: number; ideal: number }

const LEFT = 'var(--accent)'
const IDEAL = 'var(--muted)'
const CORRECTION = 'var(--muted)'
const when = (us: number) => formatUtcMinute(us / 1000)

/**
 * The error budget left over the window, from 100 % at its start, beside the ideal line that spends it
 * evenly to 0 at the window's end: above the line is ahead of plan, under it is spending too fast.
 * Corrections show as shaded spans (their minutes count for nothing).
 */
export function BudgetBurnDownChart({
  rows,
  range,
  corrections,
  height = 240,
}: {
  rows: readonly BurnDownRow[]
  range: { startUs: number; endUs: number }
  corrections: readonly ChartInterval[]
  height?: number
}) {
  const last = rows.at(-1)
  const axis = ratioAxis(Math.min(0, ...rows.map((row) => row.remaining)), 1)
  return (
    <ChartFrame
      label={`Error budget burn-down: ${last ? formatBudget(last.remaining) : '100 %'} left now, ideal ${last ? formatBudget(last.ideal) : '100 %'}`}
      height={height}
      legend={
        <ChartLegend
          items={[
            { key: 'remaining', label: 'Budget left', color: LEFT, mark: 'band' },
            { key: 'ideal', label: 'Even spending', color: IDEAL, mark: 'line' },
            ...(corrections.length
              ? [{ key: 'correction', label: 'Correction (excluded)', color: CORRECTION, mark: 'band' as const }]
              : []),
          ]}
        />
      }
      dataTable={
        <ChartDataTable
          caption="Error budget left by hour"
          columns={['Hour (UTC)', 'Budget left', 'Even spending']}
          rows={rows.map((row) => [when(row.xUs), formatBudget(row.remaining), formatBudget(row.ideal)])}
        />
      }
    >
      <ComposedChart
        data={rows as BurnDownRow[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={CHART_THEME.margin}
        accessibilityLayer={false}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...timeAxis(range)} />
        <YAxis {...CHART_THEME.axis} domain={axis.domain} ticks={axis.ticks} tickFormatter={formatRatioTick} width={64} />
        {correctionAreas(corrections, range)}
        <ReferenceLine y={0} stroke="var(--bad)" strokeDasharray="2 2" />
        <Area
          type="linear"
          dataKey="remaining"
          name="Budget left"
          stroke={LEFT}
          strokeWidth={2}
          fill={LEFT}
          fillOpacity={CHART_THEME.softFillOpacity}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="ideal"
          name="Even spending"
          stroke={IDEAL}
          strokeWidth={1.5}
          strokeDasharray="5 3"
          dot={false}
          isAnimationActive={false}
        />
        <Tooltip cursor={CHART_THEME.lineCursor} isAnimationActive={false} content={(props) => <BurnDownTooltip {...props} />} />
      </ComposedChart>
    </ChartFrame>
  )
}

function BurnDownTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload[0]?.payload as BurnDownRow | undefined) : undefined
  if (!row) return null
  return (
    <ChartTooltip
      title={when(row.xUs)}
      lines={[
        { label: 'Budget left', value: formatBudget(row.remaining), color: LEFT, emphasis: true },
        { label: 'Even spending', value: formatBudget(row.ideal), color: IDEAL },
      ]}
      footer={row.remaining >= row.ideal ? 'Ahead of plan' : 'Spending faster than the window allows'}
    />
  )
}
