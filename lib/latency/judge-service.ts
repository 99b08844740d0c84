// The judging step of a latency judgement pass: the series due in one service judged again from their
// histories in memory, and which verdicts that changed to write, whole or with only the baseline
// window's edges moved. No reads or writes.
import type { Baseline } from '@/lib/metrics/baseline'
import { dueReason, type StoredVerdict } from './due-series'
import { carrySlowSince } from './judge-latency'
import { guardPass, keyOf, type Pass, type ServiceMemo, type Written } from './judgement-pass'
import { ENTRY_SERIES_KEY } from './judgement-rows-repository'
import type { VerdictRow } from './stored-verdicts-repository'

const sameWritten = (written: Written | null, row: VerdictRow) =>
  written !== null &&
  written.state === row.state &&
  written.baseline === row.baseline &&
  written.slowSinceUs === row.slowSinceUs &&
  written.deviation === row.deviation &&
  written.currentP95Us === row.currentP95Us
/** The same bands (SeriesHistory reuses them while the points inside the window stand), in a window moved along. */
const onlyWindowMoved = (written: Baseline, next: Baseline) =>
  written.state === 'ready' &&
  next.state === 'ready' &&
  written.bands === next.bands &&
  written.kind === next.kind &&
  (written.kind !== 'seasonal' || (next.kind === 'seasonal' && written.hourlyBands === next.hourlyBands)) &&
  written.points === next.points &&
  written.k === next.k

/** The series due in one service judged again; what to write. Null when the service failed. */
export function judgeService(
  memos: Map<string, ServiceMemo>,
  pass: Pass,
  force: boolean,
  nowUs: number,
): { upserts: VerdictRow[]; windowMoves: VerdictRow[]; deletes: { operation: string; spanKind: string }[] } | null {
  const result = guardPass(memos, pass, () => {
    const memo = pass.memo!
    const upserts: VerdictRow[] = []
    const windowMoves: VerdictRow[] = []
    for (const [key, series] of memo.series) if (key !== ENTRY_SERIES_KEY && !series.history.hasSpans) memo.series.delete(key)
    const deletes = [...pass.marks.values()].filter((mark) => !memo.series.has(keyOf(mark)))
    for (const [key, series] of memo.series) {
      const mark = pass.marks.get(key)
      const elsewhere = pass.elsewhere.get(key)
      const stored: StoredVerdict = !mark ? 'none' : elsewhere === null ? 'unreadable' : elsewhere ? 'elsewhere' : 'ours'
      const signature = series.history.signature()
      if (!dueReason({ forced: force, stored, judged: series.judged, signature })) {
        pass.report.kept++
        if (mark!.state === 'slow') pass.report.slow++
        continue
      }
      const judgement = series.history.judge()
      const previous = stored === 'ours' ? mark! : stored === 'elsewhere' ? elsewhere! : null
      const row: VerdictRow = {
        service: pass.service,
        operation: series.operation,
        spanKind: series.spanKind,
        state: judgement.state,
        baseline: judgement.baseline,
        slowSinceUs: carrySlowSince(previous, judgement),
        deviation: judgement.deviation,
        currentP95Us: judgement.currentP95Us,
        judgedToUs: pass.judgedToUs,
      }
      series.judged = signature
      pass.report.judged++
      if (row.state === 'slow') pass.report.slow++
      if (stored !== 'ours' || !series.written) upserts.push(row)
      else if (sameWritten(series.written, row)) continue
      else if (onlyWindowMoved(series.written.baseline, row.baseline)) windowMoves.push(row)
      else upserts.push(row)
    }
    memo.usedAtUs = nowUs
    pass.report.written = upserts.length + windowMoves.length
    pass.report.windowMoved = windowMoves.length
    pass.report.deleted = deletes.length
    return { upserts, windowMoves, deletes }
  })
  return result ?? null
}
