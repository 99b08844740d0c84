import { cn } from '@/lib/cn'

export type SparklineProps = {
  /** Evenly spaced in time; null is a gap that breaks the line. */
  values: readonly (number | null)[]
  tone?: 'default' | 'warn' | 'bad'
  width?: number
  height?: number
  /** The aria-label: what the line shows, e.g. "p95 over the last 24 hours, 12 ms to 48 ms". */
  label: string
}

const TONE_CLASS = { default: 'text-accent', warn: 'text-warn', bad: 'text-bad' } as const
/** Inset keeping strokes and dots inside the box. */
const PAD_PX = 2

/**
 * A trend line for tables and tiles: plain SVG, server-rendered, no axes. The y range is the
 * values' own min..max; a flat series sits mid-height, an isolated value is a dot, and a series
 * without values is a dashed baseline.
 */
export function Sparkline({ values, tone = 'default', width = 96, height = 24, label }: SparklineProps) {
  const present = values.filter((value): value is number => value !== null)
  const midY = height / 2
  const box = {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
    className: cn('inline-block shrink-0 align-middle', TONE_CLASS[tone]),
  }
  if (present.length === 0) {
    return (
      <svg {...box}>
        <line
          x1={PAD_PX}
          x2={width - PAD_PX}
          y1={midY}
          y2={midY}
          className="text-muted"
          stroke="currentColor"
          strokeOpacity={0.5}
          strokeWidth={1}
          strokeDasharray="3 3"
        />
      </svg>
    )
  }
  const min = Math.min(...present)
  const max = Math.max(...present)
  const x = (index: number) => (values.length === 1 ? width / 2 : PAD_PX + (index / (values.length - 1)) * (width - 2 * PAD_PX))
  const y = (value: number) => (max === min ? midY : PAD_PX + ((max - value) / (max - min)) * (height - 2 * PAD_PX))
  const runs = consecutiveRuns(values)
  const path = runs
    .filter((run) => run.length > 1)
    .map((run) => run.map(({ index, value }, step) => `${step === 0 ? 'M' : 'L'}${round(x(index))} ${round(y(value))}`).join(''))
    .join('')
  const lastRun = runs.at(-1)!
  const last = lastRun.at(-1)!
  const dots = runs.filter((run) => run.length === 1).map(([point]) => point!)
  if (lastRun.length > 1) dots.push(last)
  return (
    <svg {...box}>
      {path && <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />}
      {dots.map(({ index, value }) => (
        <circle key={index} cx={round(x(index))} cy={round(y(value))} r={1.75} fill="currentColor" />
      ))}
    </svg>
  )
}

type Point = { index: number; value: number }

/** Maximal runs of non-null values, in order. */
function consecutiveRuns(values: readonly (number | null)[]): Point[][] {
  const runs: Point[][] = []
  values.forEach((value, index) => {
    if (value === null) return
    const run = runs.at(-1)
    if (run && run.at(-1)!.index === index - 1) run.push({ index, value })
    else runs.push([{ index, value }])
  })
  return runs
}

const round = (px: number) => Math.round(px * 100) / 100
