// The x-axis of every time chart: a number axis over the range in µs, Grafana-style UTC ticks.
// Points sit at the middle of their step, so lines and bars both fill [startUs, endUs] and charts
// sharing a syncId match hovers by value.
import type { XAxisProps } from 'recharts'
import { computeTimeTicks, formatTimeTick } from '@/lib/format/time-ticks'
import { CHART_THEME } from './chart-theme'

/** The x of a step's point. */
export const stepMiddleUs = (bucketStartUs: number, stepUs: number) => bucketStartUs + stepUs / 2

/** Props for `<XAxis {...timeAxis(range)} />`; data rows carry their x as `xUs`. */
export function timeAxis({ startUs, endUs }: { startUs: number; endUs: number }): XAxisProps {
  const lengthUs = endUs - startUs
  return {
    ...CHART_THEME.axis,
    dataKey: 'xUs',
    type: 'number',
    domain: [startUs, endUs],
    allowDataOverflow: true,
    ticks: computeTimeTicks(startUs, endUs),
    tickFormatter: (tickUs: number) => formatTimeTick(tickUs, lengthUs),
    minTickGap: 16,
  }
}
