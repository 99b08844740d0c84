// Which rollup rows answer a time range, so that each span counts once. Pure.
//
//   days exist before daysTo, hours before hoursTo (both marks advance in compaction's transaction);
//   minute rows may linger under hours until their retention ends. A range is tiled by the coarsest
//   whole buckets available inside it, and by minutes elsewhere:
//
//   range      |-----------------------------------------------------|
//   segments   |min|   hour   |            day             | hour |min|
//
// Where the minutes of a range edge have already expired, the edge widens to its whole hour (and
// where hours have expired, to its whole day): old data is read at a coarser step, as in any TSDB.
// A caller that wants every minute still kept (the canary judge: the same minutes on both sides)
// prefers the finest rows: hours and days then only where the finer rows have expired.
import { DAY_US, floorTo, HOUR_US } from '@/lib/time/time-buckets'

export type Resolution = 'minute' | 'hour' | 'day'
export type ReadSegment = { resolution: Resolution; startUs: number; endUs: number }

export type ReadMarks = {
  hoursCompactedToUs: number | null
  daysCompactedToUs: number | null
  /** Minute rows exist from here on (retention). */
  minutesFromUs: number
  /** Hour rows exist from here on. */
  hoursFromUs: number
}

export type ReadPreference = 'coarsest' | 'finest'

/**
 * @param maxBucketUs the coarsest bucket the caller can use (a chart with 5-minute points cannot use
 *   hour rows); minutes are always allowed.
 * @param prefer 'coarsest' (the default) tiles the range by the coarsest whole buckets; 'finest' reads
 *   minutes wherever they are kept.
 */
export function planRollupReads(
  startUs: number,
  endUs: number,
  marks: ReadMarks,
  maxBucketUs = DAY_US,
  prefer: ReadPreference = 'coarsest',
): ReadSegment[] {
  const coarsest = prefer === 'coarsest'
  const hoursTo = maxBucketUs >= HOUR_US ? (marks.hoursCompactedToUs ?? -Infinity) : -Infinity
  const daysTo = maxBucketUs >= DAY_US ? (marks.daysCompactedToUs ?? -Infinity) : -Infinity
  const segments: ReadSegment[] = []
  const push = (resolution: Resolution, from: number, to: number) => {
    const last = segments.at(-1)
    if (last && last.resolution === resolution && last.endUs === from) last.endUs = to
    else segments.push({ resolution, startUs: from, endUs: to })
  }
  let cursor = startUs
  while (cursor < endUs) {
    const day = floorTo(cursor, DAY_US)
    const hour = floorTo(cursor, HOUR_US)
    if (coarsest && cursor === day && day + DAY_US <= endUs && day + DAY_US <= daysTo) {
      push('day', day, day + DAY_US)
      cursor = day + DAY_US
    } else if (coarsest && cursor === hour && hour + HOUR_US <= endUs && hour + HOUR_US <= hoursTo && hour >= marks.hoursFromUs) {
      push('hour', hour, hour + HOUR_US)
      cursor = hour + HOUR_US
    } else if (cursor < marks.minutesFromUs && hour + HOUR_US <= hoursTo && hour >= marks.hoursFromUs) {
      push('hour', hour, hour + HOUR_US) // expired minutes: the whole hour
      cursor = hour + HOUR_US
    } else if (cursor < marks.hoursFromUs && day + DAY_US <= daysTo) {
      push('day', day, day + DAY_US) // expired hours: the whole day
      cursor = day + DAY_US
    } else {
      const next = Math.min(endUs, hour + HOUR_US)
      push('minute', cursor, next)
      cursor = next
    }
  }
  return segments
}
