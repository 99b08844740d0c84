// The additive part of a span rollup row, and how two rows of disjoint spans combine. Pure.
export type SpanCounts = {
  spanCount: number
  errorCount: number
  estimatedSpanCount: number
  estimatedErrorCount: number
  durationSumUs: number
  durationMaxUs: number
}

/** Adds `from`'s counts into `into` (sums, and the larger maximum): rows of disjoint spans combine this way. */
export function addSpanCounts(into: SpanCounts, from: SpanCounts): void {
  into.spanCount += from.spanCount
  into.errorCount += from.errorCount
  into.estimatedSpanCount += from.estimatedSpanCount
  into.estimatedErrorCount += from.estimatedErrorCount
  into.durationSumUs += from.durationSumUs
  into.durationMaxUs = Math.max(into.durationMaxUs, from.durationMaxUs)
}
