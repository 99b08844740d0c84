'use client'

import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { ChartDataTable } from '@/components/charts/chart-data-table'
import { ChartFrame } from '@/components/charts/chart-frame'
import { CHART_THEME } from '@/components/charts/chart-theme'
import { ChartTooltip } from '@/components/charts/chart-tooltip'
import { describeExtent } from '@/components/charts/describe-extent'
import { timeAxis } from '@/components/charts/time-axis'
import { stepWords, type CanaryChartRow } from '@/lib/canary/deployment-detail'
import { formatPercent } from '@/lib/format/percent'
import { formatRatioTick } from '@/lib/format/ratio-ticks'
import { CANARY_COLORS, canaryChartRange, formatStep } from './canary-comparison-chart'

const share = (ratio: number | null) => formatPercent(ratio, 0)

/** The canary's share of both versions' requests, step by step: how far the rollout had gone. */
export function CanaryShareChart({
  rows,
  stepMinutes,
  height = 120,
  syncId,
}: {
  rows: readonly CanaryChartRow[]
  stepMinutes: number
  height?: number
  syncId?: string
}) {
  const range = canaryChartRange(rows, stepMinutes)
  const per = `per ${stepWords(stepMinutes)}`
  const extent = describeExtent(
    rows.map((row) => row.canaryShare),
    (ratio) => share(ratio),
  )
  return (
    <ChartFrame
      label={extent ? `Canary share of requests ${per}, ${extent}` : 'Canary share of requests: no requests yet'}
      height={height}
      dataTable={
        <ChartDataTable
          caption={`Canary share of requests ${per}`}
          columns={[stepMinutes === 1 ? 'Minute (UTC)' : 'From (UTC)', 'Canary share']}
          rows={rows.map((row) => [formatStep(row.bucketMs, stepMinutes), share(row.canaryShare)])}
        />
      }
    >
      <AreaChart
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
        <YAxis {...CHART_THEME.axis} type="number" domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={formatRatioTick} width={56} />
        <Area
          type="stepAfter"
          dataKey="canaryShare"
          name="canary share"
          stroke={CANARY_COLORS.canary}
          fill={CANARY_COLORS.canary}
          fillOpacity={CHART_THEME.softFillOpacity}
          strokeWidth={1.5}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Tooltip
          cursor={CHART_THEME.lineCursor}
          isAnimationActive={false}
          content={(props) => <ShareTooltip {...props} stepMinutes={stepMinutes} />}
        />
      </AreaChart>
    </ChartFrame>
  )
}

function ShareTooltip({ active, payload, stepMinutes }: TooltipContentProps & { stepMinutes: number }) {
  const row = active ? (payload[0]?.payload as CanaryChartRow | undefined) : undefined
  if (!row) return null
  return (
    <ChartTooltip
      title={formatStep(row.bucketMs, stepMinutes)}
      lines={[{ label: 'canary share', value: share(row.canaryShare), color: CANARY_COLORS.canary, emphasis: true }]}
    />
  )
}
