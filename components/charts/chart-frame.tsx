import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

/**
 * A chart's box: the plot as one image for assistive tech (`label` summarises it), then the legend
 * and a screen-reader table of its numbers. recharts' keyboard layer is off in the charts: inside
 * `role="img"` nothing may take focus.
 */
export function ChartFrame({
  label,
  height,
  selectable,
  legend,
  dataTable,
  children,
}: {
  label: string
  height: number
  selectable?: boolean
  legend?: ReactNode
  dataTable?: ReactNode
  children: ReactNode
}) {
  return (
    <figure className="m-0 min-w-0">
      <div role="img" aria-label={label} className={cn('w-full', selectable && 'cursor-crosshair select-none')} style={{ height }}>
        {children}
      </div>
      {legend}
      {dataTable}
    </figure>
  )
}
