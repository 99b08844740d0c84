// Service colours, one per SERVICE_COLOR_COUNT index (lib/traces/trace-layout.ts), for both themes.
// Class names are written out whole so Tailwind finds them; red and rose stay free for errors,
// indigo for the accent.
import { SERVICE_COLOR_COUNT, serviceColorIndex } from '@/lib/traces/trace-layout'

export type ServiceColor = {
  /** Solid fill: waterfall bars and legend dots. */
  fill: string
  /** Tinted background and readable text: service chips. */
  chip: string
}

const SERVICE_COLORS = [
  { fill: 'bg-blue-500 dark:bg-blue-400', chip: 'bg-blue-500/10 text-blue-700 dark:bg-blue-400/15 dark:text-blue-300' },
  { fill: 'bg-orange-500 dark:bg-orange-400', chip: 'bg-orange-500/10 text-orange-700 dark:bg-orange-400/15 dark:text-orange-300' },
  { fill: 'bg-emerald-500 dark:bg-emerald-400', chip: 'bg-emerald-500/10 text-emerald-700 dark:bg-emerald-400/15 dark:text-emerald-300' },
  { fill: 'bg-violet-500 dark:bg-violet-400', chip: 'bg-violet-500/10 text-violet-700 dark:bg-violet-400/15 dark:text-violet-300' },
  { fill: 'bg-pink-500 dark:bg-pink-400', chip: 'bg-pink-500/10 text-pink-700 dark:bg-pink-400/15 dark:text-pink-300' },
  { fill: 'bg-lime-600 dark:bg-lime-400', chip: 'bg-lime-600/10 text-lime-700 dark:bg-lime-400/15 dark:text-lime-300' },
  { fill: 'bg-cyan-500 dark:bg-cyan-400', chip: 'bg-cyan-500/10 text-cyan-700 dark:bg-cyan-400/15 dark:text-cyan-300' },
  { fill: 'bg-amber-500 dark:bg-amber-400', chip: 'bg-amber-500/10 text-amber-700 dark:bg-amber-400/15 dark:text-amber-300' },
  { fill: 'bg-teal-600 dark:bg-teal-400', chip: 'bg-teal-600/10 text-teal-700 dark:bg-teal-400/15 dark:text-teal-300' },
  { fill: 'bg-fuchsia-500 dark:bg-fuchsia-400', chip: 'bg-fuchsia-500/10 text-fuchsia-700 dark:bg-fuchsia-400/15 dark:text-fuchsia-300' },
  { fill: 'bg-sky-600 dark:bg-sky-300', chip: 'bg-sky-600/10 text-sky-700 dark:bg-sky-300/15 dark:text-sky-200' },
] as const satisfies readonly ServiceColor[] & { length: typeof SERVICE_COLOR_COUNT }

export const serviceColorAt = (colorIndex: number): ServiceColor => SERVICE_COLORS[colorIndex % SERVICE_COLORS.length]!

export const serviceColor = (service: string): ServiceColor => serviceColorAt(serviceColorIndex(service))
