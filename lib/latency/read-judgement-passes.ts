// The reads of a latency judgement pass: each service's series histories built from all their rows,
// or brought forward with the rows committed since its last pass, and the detection buckets of the
// series whose step changed rebuilt from their minute rows.
import { HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { guardPass, keyOf, type Pass, type SeriesMemo, type ServiceMemo } from './judgement-pass'
import { ENTRY_SERIES_KEY, listSeriesRows, type RowsRequest, type SeriesRows } from './judgement-rows-repository'
import { bucketRowsStartAt, historyStartAt, SeriesHistory } from './series-history'
import { SERVICE_LEVEL } from './stored-verdicts-repository'

/** Services read in full per query: a service of 40 operations with a 7-day baseline reads ~10,000 rows. */
const FULL_READ_BATCH = 20

/** Services without a history in memory: every series read from all its rows (batches of services). */
export async function readInFull(memos: Map<string, ServiceMemo>, passes: readonly Pass[], now: Date): Promise<void> {
  for (let i = 0; i < passes.length; i += FULL_READ_BATCH) {
    const batch = passes.slice(i, i + FULL_READ_BATCH)
    const [history, recent] = await Promise.all([
      listSeriesRows(
        batch.map((pass) => ({
          service: pass.service,
          startUs: historyStartAt(pass.judgedToUs, pass.windowUs),
          endUs: pass.judgedToUs,
          operations: true,
          entry: true,
        })),
        { now, maxBucketUs: HOUR_US },
      ),
      listSeriesRows(
        batch.map((pass) => ({
          service: pass.service,
          startUs: bucketRowsStartAt(pass.judgedToUs),
          endUs: pass.judgedToUs,
          operations: true,
          entry: true,
        })),
        { now, maxBucketUs: MINUTE_US },
      ),
    ])
    for (const pass of batch) {
      guardPass(memos, pass, () => {
        const historyRows = history.get(pass.service) ?? new Map()
        const recentRows = recent.get(pass.service) ?? new Map()
        const memo: ServiceMemo = {
          windowUs: pass.windowUs,
          judgedToUs: pass.judgedToUs,
          complete: !pass.backfilling,
          series: new Map(),
          usedAtUs: 0,
        }
        const entry = { ...SERVICE_LEVEL, rows: [] }
        for (const [key, { operation, spanKind, rows }] of new Map([[ENTRY_SERIES_KEY, entry], ...historyRows])) {
          const seriesHistory = SeriesHistory.build({
            historyRows: rows,
            recentRows: recentRows.get(key)?.rows ?? [],
            judgedToUs: pass.judgedToUs,
            windowUs: pass.windowUs,
          })
          memo.series.set(key, { operation, spanKind, history: seriesHistory, judged: null, written: null })
        }
        pass.memo = memo
        memos.set(pass.service, memo)
      })
    }
  }
}

/** Services with a history in memory: brought forward with the minute rows committed since their last pass. */
export async function readChanges(memos: Map<string, ServiceMemo>, passes: readonly Pass[], now: Date): Promise<void> {
  if (passes.length === 0) return
  const changes = await listSeriesRows(
    passes.map((pass) => ({
      service: pass.service,
      startUs: pass.memo!.judgedToUs,
      endUs: pass.judgedToUs,
      operations: true,
      entry: true,
    })),
    { now, maxBucketUs: MINUTE_US },
  )
  for (const pass of passes) {
    guardPass(memos, pass, () => {
      const memo = pass.memo!
      const rows = changes.get(pass.service) ?? new Map()
      for (const [key, series] of memo.series) series.history.advance(rows.get(key)?.rows ?? [], pass.judgedToUs)
      for (const [key, { operation, spanKind, rows: newRows }] of rows) {
        if (memo.series.has(key)) continue
        // A series new since the last pass: all its rows are among the changes.
        const history = SeriesHistory.build({ historyRows: [], recentRows: [], judgedToUs: memo.judgedToUs, windowUs: memo.windowUs })
        history.advance(newRows, pass.judgedToUs)
        memo.series.set(key, { operation, spanKind, history, judged: null, written: null })
      }
      memo.judgedToUs = pass.judgedToUs
    })
  }
}

/** Series whose detection step changed rebuild their lookback's buckets from its minute rows. */
export async function rebuildBuckets(memos: Map<string, ServiceMemo>, passes: readonly Pass[], now: Date): Promise<void> {
  const needing = new Map<Pass, SeriesMemo[]>()
  for (const pass of passes) {
    const series = [...(pass.memo?.series.values() ?? [])].filter((memo) => memo.history.needsBucketRows)
    // No rows in its history means none in its lookback either.
    guardPass(memos, pass, () => series.filter((memo) => !memo.history.hasSpans).forEach((memo) => memo.history.rebuildBuckets([])))
    const withRows = series.filter((memo) => memo.history.hasSpans)
    if (withRows.length) needing.set(pass, withRows)
  }
  if (needing.size === 0) return
  const requests: RowsRequest[] = [...needing].map(([pass, series]) => ({
    service: pass.service,
    startUs: bucketRowsStartAt(pass.judgedToUs),
    endUs: pass.judgedToUs,
    operations: series.some((memo) => keyOf(memo) !== ENTRY_SERIES_KEY),
    entry: series.some((memo) => keyOf(memo) === ENTRY_SERIES_KEY),
  }))
  const rows: SeriesRows = await listSeriesRows(requests, { now, maxBucketUs: MINUTE_US })
  for (const [pass, series] of needing)
    guardPass(memos, pass, () =>
      series.forEach((memo) => memo.history.rebuildBuckets(rows.get(pass.service)?.get(keyOf(memo))?.rows ?? [])),
    )
}
