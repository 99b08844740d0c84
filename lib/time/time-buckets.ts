// Time buckets of the rollups, in µs since the epoch (UTC: a day bucket starts at 00:00 UTC).

export const MINUTE_US = 60_000_000
export const HOUR_US = 60 * MINUTE_US
export const DAY_US = 24 * HOUR_US

export const floorTo = (us: number, bucketUs: number) => Math.floor(us / bucketUs) * bucketUs
export const minuteOf = (us: number) => floorTo(us, MINUTE_US)
