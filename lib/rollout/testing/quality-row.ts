// A service rollup row carrying trace quality, for DB tests that seed what the sync and compaction
// would have left: `traces` seen, `complete` of them whole, the rest broken by an orphan span each.
export type QualityRowInput = {
  service: string
  resolution: 'minute' | 'hour' | 'day'
  bucketStart: Date
  traces: number
  complete: number
  /** Server spans carrying http.route (default: all). */
  withRoute?: number
  skewedSpans?: number
}

export const qualityRow = ({
  service,
  resolution,
  bucketStart,
  traces,
  complete,
  withRoute = traces,
  skewedSpans = 0,
}: QualityRowInput) => ({
  service,
  resolution,
  bucketStart,
  spans: traces * 3,
  tracesSeen: traces,
  tracesComplete: complete,
  rootTraces: traces,
  rootTracesComplete: complete,
  orphanSpans: traces - complete,
  skewedSpans,
  warningSpans: 0,
  serverSpans: traces,
  serverSpansWithRoute: withRoute,
  httpSpans: 0,
  httpSpansWithStatus: 0,
  spansWithVersion: 0,
  spansWithSampler: 0,
  samplerParamSum: 0,
  rejectedRecords: 0,
})
