'use client'

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { ChartDataTable } from '@/components/charts/chart-data-table'
import { ChartFrame } from '@/components/charts/chart-frame'
import { ChartLegend } from '@/components/charts/chart-legend'
import { CHART_THEME } from '@/components/charts/chart-theme'
import { ChartTooltip } from '@/components/charts/chart-tooltip'

export type BurnUpPoint = { day: string; planned: number; actual: number | null }

const PLANNED = 'var(--muted)'
const ACTUAL = 'var(--accent)'
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' })

/**
 * Planned vs traced services per day: the plan as a dashed step line (services whose planned date
 * has come), the actual as a filled line (services live by that day), the total as the scope line.
 * A gap under the plan is the rollout running late.
 */
export function BurnUpChart({
  title,
  points,
  total,
  today,
  dueDate,
  height = 220,
  compact = false,
}: {
  title: string
  points: readonly BurnUpPoint[]
  total: number
  today: string
  dueDate: string | null
  height?: number
  compact?: boolean
}) {
  const last = points.findLast((point) => point.actual !== null)
  const plannedToday = points.find((point) => point.day === today)?.planned ?? last?.planned ?? 0
  const label = `${title}: ${last?.actual ?? 0} of ${total} services traced by ${shortDay(last?.day ?? today)}, ${plannedToday} planned by then${dueDate ? `; due ${shortDay(dueDate)}` : ''}`
  return (
    <ChartFrame
      label={label}
      height={height}
      legend={
        compact ? undefined : (
          <ChartLegend
            items={[
              { key: 'actual', label: 'Traced (live)', color: ACTUAL, mark: 'band' },
              { key: 'planned', label: 'Planned', color: PLANNED, mark: 'line' },
            ]}
          />
        )
      }
      dataTable={
        <ChartDataTable
          caption={`${title}: planned and traced services per day`}
          columns={['Day', 'Planned', 'Traced']}
          rows={points.map((point) => [point.day, String(point.planned), point.actual === null ? '—' : String(point.actual)])}
        />
      }
    >
      <ComposedChart
        data={points as BurnUpPoint[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={CHART_THEME.margin}
        accessibilityLayer={false}
      >
        <CartesianGrid {...CHART_THEME.grid} />
        <XAxis {...CHART_THEME.axis} dataKey="day" tickFormatter={shortDay} minTickGap={compact ? 24 : 16} interval="preserveStartEnd" />
        <YAxis {...CHART_THEME.axis} allowDecimals={false} domain={[0, Math.max(total, 1)]} width={compact ? 24 : 32} />
        <ReferenceLine y={total} stroke="var(--border)" strokeDasharray="2 2" />
        {dueDate && points.some((point) => point.day === dueDate) && (
          <ReferenceLine
            x={dueDate}
            stroke={CHART_THEME.color.p99}
            strokeDasharray="4 2"
            label={compact ? undefined : { value: 'due', fill: 'var(--muted)', fontSize: 11, position: 'insideTopRight' }}
          />
        )}
        {points.some((point) => point.day === today) && <ReferenceLine x={today} stroke="var(--muted)" strokeOpacity={0.5} />}
        <Area
          type="stepAfter"
          dataKey="actual"
          name="Traced"
          stroke={ACTUAL}
          strokeWidth={2}
          fill={ACTUAL}
          fillOpacity={CHART_THEME.softFillOpacity}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          type="stepAfter"
          dataKey="planned"
          name="Planned"
          stroke={PLANNED}
          strokeWidth={1.5}
          strokeDasharray="5 3"
          dot={false}
          isAnimationActive={false}
        />
        <Tooltip
          cursor={CHART_THEME.lineCursor}
          isAnimationActive={false}
          content={(props) => <BurnUpTooltip {...props} total={total} />}
        />
      </ComposedChart>
    </ChartFrame>
  )
}

function BurnUpTooltip({ active, payload, total }: TooltipContentProps & { total: number }) {
  const point = active ? (payload[0]?.payload as BurnUpPoint | undefined) : undefined
  if (!point) return null
  const behind = point.actual === null ? null : point.planned - point.actual
  return (
    <ChartTooltip
      title={shortDay(point.day)}
      lines={[
        { label: 'Traced', value: point.actual === null ? '—' : `${point.actual} of ${total}`, color: ACTUAL, emphasis: true },
        { label: 'Planned', value: `${point.planned} of ${total}`, color: PLANNED },
      ]}
      footer={behind !== null && behind > 0 ? `${behind} behind plan` : undefined}
    />
  )
}
