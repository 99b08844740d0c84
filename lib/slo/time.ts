// Millisecond spans the SLO code counts in.
import { floorTo } from '@/lib/time/time-buckets'

export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

export const floorHour = (ms: number) => floorTo(ms, HOUR_MS)
export const ceilHour = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS
