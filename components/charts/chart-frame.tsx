import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

/**
 * A chart's box: the plot as one image for assistive tech (`label` summarises it), then the legend
 * and a screen-reader table of its numbers. recharts' keyboard layer is off in the charts: inside
 * `role="img"` nothing may take focus, so what should (event markers' links) is an `overlay` laid
 * over the plot beside the image.
 */
export function ChartFrame({
  label,
  height,
  selectable,
  legend,
  dataTable,
  overlay,
  children,
}: {
  label: string
  height: number
  selectable?: boolean
  legend?: ReactNode
  dataTable?: ReactNode
  overlay?: ReactNode
  children: ReactNode
}) {
  return (
    <figure className="m-0 min-w-0">
      <div className="relative">
        <div role="img" aria-label={label} className={cn('w-full', selectable && 'cursor-crosshair select-none')} style={{ height }}>
          {children}
        </div>
        {overlay}
      </div>
      {legend}
      {dataTable}
    </figure>
  )
}
