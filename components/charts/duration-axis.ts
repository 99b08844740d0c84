import type { YAxisProps } from 'recharts'
import { formatDurationUs } from '@/lib/format/duration-us'
import { CHART_THEME } from './chart-theme'

/** "0" rather than "0 µs" at the origin; a no-break space, since recharts wraps tick labels at spaces. */
export const formatDurationTick = (us: number) => (us === 0 ? '0' : formatDurationUs(us).replaceAll(' ', '\u00a0'))

/** Props for `<YAxis {...durationAxis()} />` over values in µs: "12.3 ms", "1.5 s". */
export function durationAxis(): YAxisProps {
  return { ...CHART_THEME.axis, type: 'number', domain: [0, 'auto'], tickFormatter: formatDurationTick, width: CHART_THEME.yAxisWidth }
}
