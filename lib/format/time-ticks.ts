// Ticks and labels of time x-axes, in UTC, as Grafana draws them: "14:30" within two days, the date
// ("Nov 21") on midnight ticks and across longer ranges. Display only.
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { formatDay } from './date'
import { fromMicros } from '@/lib/time/micros'

const SECOND_US = 1_000_000
/** Each divides a day, so ticks on multiples of one land on every midnight they cross. */
const INTERVALS_US = [10, 30]
  .map((s) => s * SECOND_US)
  .concat(
    [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE_US),
    [1, 2, 3, 6, 12].map((h) => h * HOUR_US),
  )
const DAY_INTERVALS_US = [1, 2, 7, 14, 30, 60, 90].map((d) => d * DAY_US)
/** Ranges this long or longer label whole days: "Nov 21". */
const DATE_LABELS_FROM_US = 2 * DAY_US

/** Round instants in [startUs, endUs], at most maxTicks + 1 of them, on whole days once the range spans two. */
export function computeTimeTicks(startUs: number, endUs: number, maxTicks = 8): number[] {
  const lengthUs = endUs - startUs
  if (!(lengthUs > 0)) return []
  const candidatesUs = lengthUs >= DATE_LABELS_FROM_US ? DAY_INTERVALS_US : [...INTERVALS_US, ...DAY_INTERVALS_US]
  const intervalUs = candidatesUs.find((candidateUs) => lengthUs / candidateUs <= maxTicks) ?? DAY_INTERVALS_US.at(-1)!
  const ticksUs: number[] = []
  for (let tickUs = Math.ceil(startUs / intervalUs) * intervalUs; tickUs <= endUs; tickUs += intervalUs) ticksUs.push(tickUs)
  return ticksUs
}

/** "14:30", "14:30:10" off whole minutes, "Nov 21" at midnight or when the range spans two days or more. */
export function formatTimeTick(tickUs: number, rangeLengthUs: number): string {
  const date = fromMicros(tickUs)
  if (rangeLengthUs >= DATE_LABELS_FROM_US || tickUs % DAY_US === 0) return formatDay(date)
  return clockTime(date, tickUs % MINUTE_US !== 0)
}

/** The step a chart point stands for: "Nov 21, 14:05 – 14:10 UTC"; whole-day steps "Nov 21 UTC". */
export function formatStepRange(bucketStartUs: number, stepUs: number): string {
  const start = fromMicros(bucketStartUs)
  const end = fromMicros(bucketStartUs + stepUs)
  const seconds = bucketStartUs % MINUTE_US !== 0 || stepUs % MINUTE_US !== 0
  if (bucketStartUs % DAY_US === 0 && stepUs === DAY_US) return `${formatDay(start)} UTC`
  const endDay = Math.floor((bucketStartUs + stepUs - 1) / DAY_US) === Math.floor(bucketStartUs / DAY_US) ? '' : `${formatDay(end)}, `
  return `${formatDay(start)}, ${clockTime(start, seconds)} – ${endDay}${clockTime(end, seconds)} UTC`
}

/** "14:05" or "14:05:30", UTC. */
const clockTime = (date: Date, seconds: boolean) => date.toISOString().slice(11, seconds ? 19 : 16)
