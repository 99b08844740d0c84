// Minute span rollups of one operation for alert DB tests: `count` spans a minute, each taking the
// minute's latency, as the sync would have written them.
import { histogramOf } from '@/lib/metrics/histogram'

export const minuteRows = ({
  service,
  operation,
  from,
  minutes,
  latencyMs,
  count = 20,
}: {
  service: string
  operation: string
  from: number
  minutes: number
  /** The latency of every span in minute `index` (0-based from `from`). */
  latencyMs: (index: number) => number
  count?: number
}) =>
  Array.from({ length: minutes }, (_, index) => {
    const ms = latencyMs(index)
    return {
      service,
      resolution: 'minute' as const,
      bucketStart: new Date(from + index * 60_000),
      operation,
      spanKind: 'server',
      spanCount: count,
      errorCount: 0,
      estimatedSpanCount: count,
      estimatedErrorCount: 0,
      durationSumUs: count * ms * 1000,
      durationMaxUs: ms * 1000,
      histogram: Buffer.from(histogramOf(Array.from({ length: count }, () => ms * 1000)).encode()),
    }
  })
