'use client'

import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { ChartDataTable } from '@/components/charts/chart-data-table'
import { ChartFrame } from '@/components/charts/chart-frame'
import { CHART_THEME } from '@/components/charts/chart-theme'
import { ChartTooltip } from '@/components/charts/chart-tooltip'
import { describeExtent } from '@/components/charts/describe-extent'
import { timeAxis } from '@/components/charts/time-axis'
import type { CanaryChartRow } from '@/lib/canary/deployment-detail'
import { formatUtcMinute } from '@/lib/format/date'
import { formatPercent } from '@/lib/format/percent'
import { formatRatioTick } from '@/lib/format/ratio-ticks'
import { CANARY_COLORS, canaryChartRange } from './canary-comparison-chart'

const share = (ratio: number | null) => formatPercent(ratio, 0)

/** The canary's share of both versions' requests, minute by minute: how far the rollout had gone. */
export function CanaryShareChart({ rows, height = 120, syncId }: { rows: readonly CanaryChartRow[]; height?: number; syncId?: string }) {
  const range = canaryChartRange(rows)
  const extent = describeExtent(
    rows.map((row) => row.canaryShare),
    (ratio) => share(ratio),
  )
  return (
    <ChartFrame
      label={extent ? `Canary share of requests per minute, ${extent}` : 'Canary share of requests: no requests yet'}
      height={height}
      dataTable={
        <ChartDataTable
          caption="Canary share of requests per minute"
          columns={['Minute (UTC)', 'Canary share']}
          rows={rows.map((row) => [formatUtcMinute(row.bucketMs), share(row.canaryShare)])}
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
        <Tooltip cursor={CHART_THEME.lineCursor} isAnimationActive={false} content={(props) => <ShareTooltip {...props} />} />
      </AreaChart>
    </ChartFrame>
  )
}

function ShareTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload[0]?.payload as CanaryChartRow | undefined) : undefined
  if (!row) return null
  return (
    <ChartTooltip
      title={formatUtcMinute(row.bucketMs)}
      lines={[{ label: 'canary share', value: share(row.canaryShare), color: CANARY_COLORS.canary, emphasis: true }]}
    />
  )
}
