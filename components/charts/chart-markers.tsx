'use client'

// Event markers on a time chart (a deployment's start): a dashed line in the plot, and above it a
// flag that is a link, so each marker can be reached by keyboard. The plot is one `role="img"`, in
// which nothing may take focus (chart-frame.tsx): the flags are HTML laid over the chart, in the
// strip the chart leaves above its plot for them.
import Link from 'next/link'
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react'
import { ReferenceLine } from 'recharts'
import { cn } from '@/lib/cn'
import { CHART_THEME } from './chart-theme'
import { ChartTooltip, type ChartTooltipLine } from './chart-tooltip'
import { layoutFlags, type FlagPlacement } from './marker-flags-layout'

export type ChartMarkerTone = keyof typeof CHART_THEME.marker

export type ChartMarker = {
  key: string
  /** Where on the time axis. */
  atUs: number
  tone: ChartMarkerTone
  /** The flag's text, e.g. a version. */
  label: string
  /** The flag's accessible name: a sentence that stands on its own. */
  name: string
  href: string
  /** The card shown while the flag is hovered or focused. */
  title: string
  lines: readonly ChartTooltipLine[]
  footer?: ReactNode
}

const FLAG_ROW_PX = 20
const FLAG_MAX_WIDTH_PX = 112
/** 11 px text runs at most about 6.5 px a character; padding and the coloured edge add 12. */
const flagWidthPx = (label: string) => Math.min(FLAG_MAX_WIDTH_PX, 12 + label.length * 6.5)
/** The chart's width until the overlay is measured (the server render and first paint). */
const UNMEASURED_WIDTH_PX = 640
const PLOT_LEFT_PX = CHART_THEME.margin.left + CHART_THEME.yAxisWidth
const PLOT_RIGHT_PX = CHART_THEME.margin.right

const FLAG_TONES: Record<ChartMarkerTone, string> = {
  bad: 'border-bad bg-bad-soft text-bad',
  ok: 'border-ok bg-ok-soft text-ok',
  muted: 'border-muted bg-surface-muted text-muted',
}

/**
 * A time chart's markers over [startUs, endUs]: its `margin` (a taller top for the flags' strip), the
 * `lines` to render inside the recharts chart, and the `overlay` for ChartFrame.
 */
export function useChartMarkers(markers: readonly ChartMarker[] | undefined, startUs: number, endUs: number) {
  const [overlayWidthPx, setOverlayWidthPx] = useState<number | null>(null)
  const measure = useCallback((node: HTMLDivElement | null) => {
    if (!node) return
    const observer = new ResizeObserver(([entry]) => entry && setOverlayWidthPx(entry.contentRect.width))
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  const lengthUs = endUs - startUs
  const shown = (markers ?? [])
    .filter((marker) => lengthUs > 0 && marker.atUs >= startUs && marker.atUs <= endUs)
    .sort((a, b) => a.atUs - b.atUs)
  const fractions = shown.map((marker) => (marker.atUs - startUs) / lengthUs)
  const plotWidthPx = Math.max(0, (overlayWidthPx ?? UNMEASURED_WIDTH_PX) - PLOT_LEFT_PX - PLOT_RIGHT_PX)
  const { placements, rows } = layoutFlags(
    shown.map((marker, index) => ({ xPx: fractions[index]! * plotWidthPx, widthPx: flagWidthPx(marker.label) })),
    plotWidthPx,
  )
  return {
    margin: { ...CHART_THEME.margin, top: CHART_THEME.margin.top + rows * FLAG_ROW_PX },
    lines: shown.map((marker) => (
      <ReferenceLine
        key={marker.key}
        x={marker.atUs}
        stroke={CHART_THEME.marker[marker.tone]}
        strokeWidth={1.5}
        strokeDasharray="4 3"
        ifOverflow="hidden"
      />
    )),
    overlay: shown.length ? (
      <div ref={measure} className="pointer-events-none absolute inset-0">
        {shown.map((marker, index) => (
          <MarkerFlag key={marker.key} marker={marker} fraction={fractions[index]!} placement={placements[index]!} />
        ))}
      </div>
    ) : null,
  }
}

function MarkerFlag({ marker, fraction, placement }: { marker: ChartMarker; fraction: number; placement: FlagPlacement }) {
  const [open, setOpen] = useState(false)
  const cardId = useId()
  const end = placement.anchor === 'end'
  useEffect(() => {
    if (!open) return
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false)
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [open])
  return (
    <div
      className={cn('pointer-events-auto absolute', open && 'z-20', end && '-translate-x-full')}
      style={{
        left: `calc(${PLOT_LEFT_PX}px + (100% - ${PLOT_LEFT_PX + PLOT_RIGHT_PX}px) * ${fraction})`,
        top: placement.row * FLAG_ROW_PX,
      }}
      onPointerEnter={() => setOpen(true)}
      onPointerLeave={() => setOpen(false)}
    >
      <Link
        href={marker.href}
        aria-label={marker.name}
        aria-describedby={cardId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        data-marker={marker.key}
        className={cn(
          'block h-[18px] max-w-28 truncate rounded-sm px-1 text-[11px] leading-[18px] font-medium',
          end ? 'border-r-2' : 'border-l-2',
          FLAG_TONES[marker.tone],
        )}
      >
        {marker.label}
      </Link>
      {/* Padding, not margin, above the card: the pointer crosses into it without leaving the flag. */}
      <div id={cardId} role="tooltip" hidden={!open} className={cn('absolute top-full w-max pt-1', end ? 'right-0' : 'left-0')}>
        <ChartTooltip title={marker.title} lines={marker.lines} footer={marker.footer} />
      </div>
    </div>
  )
}
