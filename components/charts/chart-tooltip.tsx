import type { ReactNode } from 'react'

export type ChartTooltipLine = {
  label: string
  value: ReactNode
  /** Swatch colour; a CSS colour or variable. */
  color?: string
  emphasis?: boolean
}

/** The hover card every chart renders from its Tooltip `content`. */
export function ChartTooltip({ title, lines, footer }: { title: string; lines: readonly ChartTooltipLine[]; footer?: ReactNode }) {
  return (
    <div className="min-w-44 rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1.5 font-medium text-foreground">{title}</p>
      {lines.length > 0 && (
        <dl className="space-y-1">
          {lines.map((line) => (
            <div key={line.label} className="flex items-center justify-between gap-4">
              <dt className="flex items-center gap-1.5 text-muted">
                {line.color && <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: line.color }} />}
                {line.label}
              </dt>
              <dd className={line.emphasis ? 'font-semibold text-foreground tabular-nums' : 'text-foreground tabular-nums'}>
                {line.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {footer && <p className="mt-1.5 border-t border-border pt-1.5 text-muted">{footer}</p>}
    </div>
  )
}
