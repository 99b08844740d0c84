'use client'

import { ChevronsDownUp, ChevronsUpDown, Route } from 'lucide-react'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { cn } from '@/lib/cn'
import type { Trace } from '@/lib/traces/span'
import { computeTraceLayout, type TraceLayout } from '@/lib/traces/trace-layout'
import { SpanDetails } from './span-details'
import { TimeAxis, TimeGrid } from './time-axis'
import { WaterfallRow } from './waterfall-row'

export type SpanWaterfallProps = {
  trace: Trace
  /** Marked and opened in the details panel on first render (a link from elsewhere to one span). */
  highlightSpanId?: string
  /** Jaeger UI base URL, for the per-span "Open in Jaeger" link. */
  jaegerUiUrl?: string
}

/** Jaeger-UI-style waterfall: tree rows, bars on the trace's timeline, critical path, span details. */
export function SpanWaterfall({ trace, highlightSpanId, jaegerUiUrl }: SpanWaterfallProps) {
  const layout = useMemo(() => computeTraceLayout(trace), [trace])
  if (layout.rows.length === 0) return <EmptyState icon={Route} title="No spans in this trace" />
  // A new trace starts with fresh view state (collapsed rows, selection are row indices).
  return <WaterfallView key={trace.traceId} layout={layout} highlightSpanId={highlightSpanId} jaegerUiUrl={jaegerUiUrl} />
}

function WaterfallView({ layout, highlightSpanId, jaegerUiUrl }: { layout: TraceLayout; highlightSpanId?: string; jaegerUiUrl?: string }) {
  const { rows } = layout
  const highlightedRow = useMemo(
    () => (highlightSpanId ? rows.findIndex((row) => row.span.spanId === highlightSpanId) : -1),
    [rows, highlightSpanId],
  )
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set())
  const [selectedRow, setSelectedRow] = useState<number | null>(highlightedRow >= 0 ? highlightedRow : null)
  const [activeRow, setActiveRow] = useState(highlightedRow >= 0 ? highlightedRow : 0)
  const [showCriticalPath, setShowCriticalPath] = useState(true)
  const listRef = useRef<HTMLDivElement>(null)

  /** Row indices in display order: a collapsed row hides the `descendantCount` rows after it. */
  const visibleRows = useMemo(() => {
    const visible: number[] = []
    for (let i = 0; i < rows.length; i++) {
      visible.push(i)
      if (collapsed.has(i)) i += rows[i]!.descendantCount
    }
    return visible
  }, [rows, collapsed])

  const focusRow = useCallback((rowIndex: number) => {
    setActiveRow(rowIndex)
    listRef.current?.querySelector<HTMLButtonElement>(`button[data-row-index="${rowIndex}"]`)?.focus()
  }, [])

  const onToggle = useCallback((rowIndex: number) => {
    setCollapsed((previous) => {
      const next = new Set(previous)
      if (!next.delete(rowIndex)) next.add(rowIndex)
      return next
    })
  }, [])
  const onSelect = useCallback((rowIndex: number) => {
    setActiveRow(rowIndex)
    setSelectedRow((previous) => (previous === rowIndex ? null : rowIndex))
  }, [])

  // ↑ ↓ Home End move between rows; → expands or steps into the children, ← collapses or steps to the parent.
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, rowIndex: number) => {
      const position = visibleRows.indexOf(rowIndex)
      const row = rows[rowIndex]!
      const folded = collapsed.has(rowIndex)
      let target: number | undefined
      if (event.key === 'ArrowDown') target = visibleRows[position + 1]
      else if (event.key === 'ArrowUp') target = visibleRows[position - 1]
      else if (event.key === 'Home') target = visibleRows[0]
      else if (event.key === 'End') target = visibleRows.at(-1)
      else if (event.key === 'ArrowRight' && row.childCount > 0) {
        if (folded) onToggle(rowIndex)
        else target = rowIndex + 1
      } else if (event.key === 'ArrowLeft') {
        if (row.childCount > 0 && !folded) onToggle(rowIndex)
        else for (let i = rowIndex - 1; i >= 0 && target === undefined; i--) if (rows[i]!.depth < row.depth) target = i
      } else if (event.key !== 'ArrowRight') return
      event.preventDefault()
      if (target !== undefined) focusRow(target)
    },
    [visibleRows, rows, collapsed, onToggle, focusRow],
  )

  const closeDetails = useCallback(() => {
    if (selectedRow !== null) focusRow(selectedRow)
    setSelectedRow(null)
  }, [selectedRow, focusRow])

  useEffect(() => {
    if (selectedRow === null) return
    const onKeyDown = (event: globalThis.KeyboardEvent) => event.key === 'Escape' && closeDetails()
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [selectedRow, closeDetails])

  useEffect(() => {
    if (highlightedRow >= 0)
      listRef.current?.querySelector(`button[data-row-index="${highlightedRow}"]`)?.scrollIntoView({ block: 'center' })
  }, [highlightedRow])

  const selected = selectedRow === null ? null : rows[selectedRow]!
  const selectedCriticalPathUs = useMemo(
    () =>
      selectedRow === null
        ? 0
        : layout.criticalPath.reduce((sum, section) => (section.rowIndex === selectedRow ? sum + section.endUs - section.startUs : sum), 0),
    [layout.criticalPath, selectedRow],
  )
  // The tab stop: the active row, or the collapsed row hiding it (the last shown row before it).
  const tabRow = visibleRows.findLast((rowIndex) => rowIndex <= activeRow) ?? visibleRows[0]
  const collapsible = useMemo(() => rows.flatMap((row, i) => (row.childCount > 0 ? [i] : [])), [rows])

  return (
    <div className={cn('grid gap-4', selected && 'xl:grid-cols-[minmax(0,1fr)_20rem]')}>
      <div className="min-w-0 self-start overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-2">
          <p className="text-xs text-muted">
            {visibleRows.length === rows.length ? `${rows.length} spans` : `${visibleRows.length} of ${rows.length} spans shown`} · ↑↓ move,
            ←→ fold, Enter opens
          </p>
          <div className="flex items-center gap-1.5">
            <Button variant="ghost" size="sm" onClick={() => setCollapsed(new Set())} disabled={collapsed.size === 0}>
              <ChevronsUpDown className="size-3.5" aria-hidden />
              Expand all
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setCollapsed(new Set(collapsible))} disabled={collapsible.length === 0}>
              <ChevronsDownUp className="size-3.5" aria-hidden />
              Collapse all
            </Button>
            <Button
              variant={showCriticalPath ? 'secondary' : 'ghost'}
              size="sm"
              aria-pressed={showCriticalPath}
              onClick={() => setShowCriticalPath((shown) => !shown)}
            >
              <span aria-hidden className={cn('h-1 w-4 rounded-full', showCriticalPath ? 'bg-foreground/85' : 'bg-muted/40')} />
              Critical path
            </Button>
          </div>
        </div>
        <div className="max-h-[75vh] overflow-auto">
          <div className="sticky top-0 z-20">
            <TimeAxis durationUs={layout.summary.durationUs} label="Service & operation" />
          </div>
          <div ref={listRef} role="list" aria-label="Spans" className="relative">
            <TimeGrid />
            {visibleRows.map((rowIndex) => (
              <WaterfallRow
                key={rowIndex}
                row={rows[rowIndex]!}
                rowIndex={rowIndex}
                active={rowIndex === tabRow}
                selected={rowIndex === selectedRow}
                highlighted={rowIndex === highlightedRow}
                collapsed={collapsed.has(rowIndex)}
                showCriticalPath={showCriticalPath}
                onToggle={onToggle}
                onSelect={onSelect}
                onKeyDown={onRowKeyDown}
              />
            ))}
          </div>
        </div>
      </div>
      {selected && (
        <div className="min-w-0 xl:sticky xl:top-4 xl:self-start">
          <SpanDetails row={selected} criticalPathUs={selectedCriticalPathUs} jaegerUiUrl={jaegerUiUrl} onClose={closeDetails} />
        </div>
      )}
    </div>
  )
}
