'use client'

import { ChevronRight, CircleAlert } from 'lucide-react'
import { memo, type KeyboardEvent } from 'react'
import { cn } from '@/lib/cn'
import { formatDurationUs } from '@/lib/format/duration-us'
import type { WaterfallRow as Row } from '@/lib/traces/trace-layout'
import { serviceColorAt } from './service-palette'

/** Label column | timeline column; the time axis and the grid lines use the same template. */
export const WATERFALL_COLUMNS = 'grid grid-cols-[minmax(15rem,38%)_1fr]'
/** rem per tree level; deeper levels stop indenting so a long chain keeps its names readable. */
const INDENT_REM = 0.875
const MAX_INDENT_LEVELS = 24
/** The duration label goes after a bar ending before this fraction of the timeline, else before it,
 *  or (no room before it either) inside its end. */
const LABEL_AFTER_BELOW = 0.72
const LABEL_BEFORE_ABOVE = 0.12

export type WaterfallRowProps = {
  row: Row
  rowIndex: number
  /** The one row whose buttons are in the tab order (roving tabindex). */
  active: boolean
  selected: boolean
  highlighted: boolean
  collapsed: boolean
  showCriticalPath: boolean
  onToggle: (rowIndex: number) => void
  onSelect: (rowIndex: number) => void
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, rowIndex: number) => void
}

export const WaterfallRow = memo(function WaterfallRow({
  row,
  rowIndex,
  active,
  selected,
  highlighted,
  collapsed,
  showCriticalPath,
  onToggle,
  onSelect,
  onKeyDown,
}: WaterfallRowProps) {
  const { span, bar } = row
  const color = serviceColorAt(row.serviceColorIndex)
  const indentRem = Math.min(row.depth, MAX_INDENT_LEVELS) * INDENT_REM
  const end = bar.offset + bar.width
  const labelAt = end < LABEL_AFTER_BELOW ? 'after' : bar.offset > LABEL_BEFORE_ABOVE ? 'before' : 'inside'
  const onPath = showCriticalPath && row.criticalPath.length > 0
  const duration = formatDurationUs(span.durationUs)
  return (
    <div
      role="listitem"
      className={cn(
        'relative border-b border-border/60 [contain-intrinsic-size:auto_1.875rem] [content-visibility:auto]',
        selected ? 'bg-accent-soft' : highlighted ? 'bg-accent-soft/50' : 'hover:bg-surface-muted',
      )}
    >
      {highlighted && <span aria-hidden className="absolute inset-y-0 left-0 w-0.5 bg-accent" />}
      {row.childCount > 0 && (
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${row.descendantCount} spans under ${span.operation}`}
          title={collapsed ? 'Expand' : 'Collapse'}
          onClick={() => onToggle(rowIndex)}
          onKeyDown={(event) => onKeyDown(event, rowIndex)}
          className="absolute top-1/2 z-10 flex size-5 -translate-y-1/2 items-center justify-center rounded text-muted hover:bg-surface-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          style={{ left: `${indentRem + 0.375}rem` }}
        >
          <ChevronRight aria-hidden className={cn('size-3.5 transition-transform', !collapsed && 'rotate-90')} />
        </button>
      )}
      <button
        type="button"
        data-row-index={rowIndex}
        tabIndex={active ? 0 : -1}
        aria-pressed={selected}
        onClick={() => onSelect(rowIndex)}
        onKeyDown={(event) => onKeyDown(event, rowIndex)}
        className={cn(
          WATERFALL_COLUMNS,
          'h-7.5 w-full text-left text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
        )}
      >
        <span className="flex min-w-0 items-center gap-1.5 border-r border-border pr-2" style={{ paddingLeft: `${indentRem + 1.75}rem` }}>
          <span aria-hidden className={cn('size-2 shrink-0 rounded-full', color.fill)} />
          <span className={cn('truncate font-medium', span.error && 'text-bad')}>{span.operation}</span>
          <span className="sr-only">, </span>
          <span className="max-w-[45%] shrink-0 truncate text-muted">{span.service}</span>
          {span.error && <CircleAlert aria-hidden className="size-3.5 shrink-0 text-bad" />}
          {collapsed && (
            <span className="ml-auto shrink-0 rounded bg-surface-muted px-1 text-[0.6875rem] text-muted">
              <span className="sr-only">, </span>+{row.descendantCount}
              <span className="sr-only"> hidden spans</span>
            </span>
          )}
        </span>
        <span className="relative mx-3 h-full">
          <span
            aria-hidden
            className={cn('absolute top-1/2 h-3 -translate-y-1/2 rounded-sm', span.error ? 'bg-bad' : color.fill, onPath && 'opacity-80')}
            style={{ left: `${bar.offset * 100}%`, width: `max(${bar.width * 100}%, 2px)` }}
          />
          {onPath &&
            row.criticalPath.map((section, i) => (
              <span
                key={i}
                aria-hidden
                className="absolute top-1/2 h-1 -translate-y-1/2 rounded-full bg-foreground/85 dark:bg-background/85"
                style={{ left: `${section.offset * 100}%`, width: `max(${section.width * 100}%, 2px)` }}
              />
            ))}
          <span
            className={cn(
              'absolute top-1/2 -translate-y-1/2 text-[0.6875rem] whitespace-nowrap text-muted tabular-nums',
              labelAt === 'inside' && 'rounded-sm bg-surface/90 px-1 text-foreground',
            )}
            style={
              labelAt === 'after'
                ? { left: `calc(${end * 100}% + 0.375rem)` }
                : labelAt === 'before'
                  ? { right: `calc(${(1 - bar.offset) * 100}% + 0.375rem)` }
                  : { right: `calc(${(1 - end) * 100}% + 0.25rem)` }
            }
          >
            <span className="sr-only">, </span>
            {duration}
          </span>
        </span>
        {/* The name is what the row shows (WCAG 2.5.3, label in name), plus what only colour shows. */}
        {(span.error || onPath) && (
          <span className="sr-only">{`${span.error ? ', error' : ''}${onPath ? ', on the critical path' : ''}`}</span>
        )}
      </button>
    </div>
  )
})
