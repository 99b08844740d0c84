// Reads one planned window of one service from Jaeger and turns it into rollups.
//
// Jaeger search has no pagination: a search that returns `limit` traces may have left some out. So a
// full answer splits the window in halves and asks again, down to a floor and within a request budget.
// A piece that is still full at the floor (or once the budget is spent) is sampled instead of read:
// Jaeger's storage backends return the newest traces first, so a full answer is complete from its
// oldest matching span to the piece's end —
//
//   piece    |--------------------------|
//   answer              |***************|   covered: counted, then scaled by piece ÷ covered
//
// and the window records that extrapolation factor, so pages can say "estimated".
import type { SearchResult, TraceSearch } from '@/lib/jaeger/client'
import type { RejectedRecord } from '@/lib/jaeger/parse'
import { computeWindowRollups, type WindowRollups } from '@/lib/metrics/rollup'
import { mergeWindowRollups } from '@/lib/metrics/merge-window-rollups'
import type { Trace } from '@/lib/traces/span'
import { splitWindow, type SyncWindow } from './plan-windows'

export type WindowFetchOptions = {
  /** Traces asked for per search (Jaeger's search depth). */
  limit: number
  /** Pieces shorter than this are not split further (µs). */
  floorUs: number
  /** Searches one window may take; past it, remaining full pieces are sampled. */
  maxRequests: number
}

export type WindowResult = {
  rollups: WindowRollups
  requests: number
  /** Distinct traces read. */
  traces: number
  rejectedRecords: number
  /** The first few rejected records, for the log. */
  rejectedExamples: RejectedRecord[]
  bytes: number
  /** Window length ÷ the part read completely: 1 when nothing was sampled. */
  extrapolation: number
}

type Search = (search: TraceSearch) => Promise<SearchResult>

/** The earliest start of `service`'s spans in the piece, among the traces a full answer returned. */
function oldestMatch(traces: readonly Trace[], service: string, piece: SyncWindow): number {
  let oldest = piece.endUs
  for (const trace of traces)
    for (const span of trace.spans)
      if (span.service === service && span.startUs >= piece.startUs && span.startUs < oldest) oldest = span.startUs
  return oldest
}

export async function runWindow(search: Search, service: string, window: SyncWindow, options: WindowFetchOptions): Promise<WindowResult> {
  const pending: SyncWindow[] = [window]
  const parts: WindowRollups[] = []
  const seen = new Set<string>()
  let requests = 0
  let rejectedRecords = 0
  const rejectedExamples: RejectedRecord[] = []
  let bytes = 0
  let coveredUs = 0

  while (pending.length > 0) {
    const piece = pending.shift()!
    const result = await search({ service, startUs: piece.startUs, endUs: piece.endUs, limit: options.limit })
    requests++
    rejectedRecords += result.rejected.length
    rejectedExamples.push(...result.rejected.slice(0, 3 - rejectedExamples.length))
    bytes += result.bytes
    for (const trace of result.traces) seen.add(trace.traceId)

    const full = result.traces.length >= options.limit
    const halves = full ? splitWindow(piece, options.floorUs) : null
    // Each split costs two more searches; keep the ones already queued affordable too.
    if (halves && requests + pending.length + 2 <= options.maxRequests) {
      pending.push(...halves)
      continue
    }
    // Complete, or sampled from its covered tail. Rejected records are booked once, on the window.
    const covered = full ? { startUs: Math.max(piece.startUs, oldestMatch(result.traces, service, piece)), endUs: piece.endUs } : piece
    const coveredLength = covered.endUs - covered.startUs
    if (coveredLength <= 0) continue
    const extrapolation = (piece.endUs - piece.startUs) / coveredLength
    parts.push(computeWindowRollups(result.traces, { service, ...covered }, { extrapolation }))
    coveredUs += coveredLength
  }

  const rollups = mergeWindowRollups(parts)
  if (rejectedRecords > 0) {
    const first = computeWindowRollups([], { service, ...window }, { rejectedRecords })
    rollups.serviceRollups = mergeWindowRollups([rollups, first]).serviceRollups
  }
  return {
    rollups,
    requests,
    traces: seen.size,
    rejectedRecords,
    rejectedExamples,
    bytes,
    extrapolation: coveredUs > 0 ? (window.endUs - window.startUs) / coveredUs : 1,
  }
}
