// What one overhead measurement adds up to (DESIGN.md: "latency with tracing on minus off").
import type { OverheadMeasurementInput } from './schemas'

/**
 * Tracing overhead in ms: mean latency on − off when both means were measured, else p50 on − off.
 * The mean first, because the scorecard target is an *average* overhead and means subtract and
 * average exactly (a difference of medians is not the median of the differences); the p50 is the
 * fallback every measurement carries, and is the more robust to a few outliers. May be negative
 * (measurement noise): kept as measured, not clipped to 0, so averages over services stay unbiased.
 */
export function computeOverheadMs(measurement: Pick<OverheadMeasurementInput, 'p50OnMs' | 'p50OffMs' | 'meanOnMs' | 'meanOffMs'>): number {
  const { meanOnMs, meanOffMs } = measurement
  return meanOnMs !== undefined && meanOffMs !== undefined ? meanOnMs - meanOffMs : measurement.p50OnMs - measurement.p50OffMs
}
