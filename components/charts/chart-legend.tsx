import { cn } from '@/lib/cn'

export type ChartLegendItem = {
  key: string
  label: string
  color: string
  /** How the series is drawn, for the swatch. */
  mark: 'line' | 'bold-line' | 'band' | 'bar'
}

/** The legend under a chart; with `onToggle`, each item is a button that hides or shows its series. */
export function ChartLegend({
  items,
  hidden,
  onToggle,
}: {
  items: readonly ChartLegendItem[]
  hidden?: ReadonlySet<string>
  onToggle?: (key: string) => void
}) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 px-1 pt-2 text-xs text-muted">
      {items.map((item) => {
        const swatch = <Swatch color={item.color} mark={item.mark} />
        if (!onToggle) {
          return (
            <li key={item.key} className="flex items-center gap-1.5">
              {swatch}
              {item.label}
            </li>
          )
        }
        const isHidden = hidden?.has(item.key) ?? false
        return (
          <li key={item.key}>
            <button
              type="button"
              aria-pressed={!isHidden}
              title={isHidden ? `Show ${item.label}` : `Hide ${item.label}`}
              onClick={() => onToggle(item.key)}
              className={cn(
                'flex items-center gap-1.5 rounded px-1 py-0.5 transition-colors hover:bg-surface-muted hover:text-foreground',
                isHidden && 'line-through opacity-50',
              )}
            >
              {swatch}
              {item.label}
            </button>
          </li>
        )
      })}
    </ul>
  )
}

function Swatch({ color, mark }: Pick<ChartLegendItem, 'color' | 'mark'>) {
  if (mark === 'band')
    return (
      <span
        aria-hidden
        className="h-2.5 w-4 rounded-sm border border-dashed"
        style={{ borderColor: color, background: `color-mix(in oklch, ${color} 18%, transparent)` }}
      />
    )
  if (mark === 'bar') return <span aria-hidden className="size-2.5 rounded-sm" style={{ background: color }} />
  return <span aria-hidden className={cn('w-4 rounded-full', mark === 'bold-line' ? 'h-[3px]' : 'h-0.5')} style={{ background: color }} />
}
