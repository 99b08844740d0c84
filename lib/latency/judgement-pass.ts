// One service's share of a latency judgement pass (LatencyHealthJudge): what the judge keeps of it in
// memory between passes (ServiceMemo), what a pass plans, reads and reports for it (Pass), and the
// guard that fails that service alone when its share throws.
import { operationKey } from '@/lib/metrics/operation-key'
import type { LatencyHealth } from './judge-latency'
import type { JudgementSignature, SeriesHistory } from './series-history'
import type { VerdictMark, VerdictRow } from './stored-verdicts-repository'

export type Written = Pick<VerdictRow, 'state' | 'baseline' | 'slowSinceUs' | 'deviation' | 'currentP95Us'> & { rowVersion: string }
export type SeriesMemo = {
  operation: string
  spanKind: string
  history: SeriesHistory
  judged: JudgementSignature | null
  written: Written | null
}
/** `complete`: built with no history still backfilling below the live range (rows arrive only at the watermark). */
export type ServiceMemo = { windowUs: number; judgedToUs: number; complete: boolean; series: Map<string, SeriesMemo>; usedAtUs: number }

export type ServicePassReport = {
  service: string
  /** Series judged again, verdicts kept as they were, rows written (of which only the baseline window's edges were edited) and deleted, verdicts now slow. */
  judged: number
  kept: number
  written: number
  windowMoved: number
  deleted: number
  slow: number
  /** How its rows were read: all of them, only those committed since its last pass, or none (skipped). */
  read: 'in full' | 'changes' | 'none'
  skipped?: 'no data' | 'unchanged' | 'failed'
  error?: unknown
}

export type Pass = {
  service: string
  judgedToUs: number
  windowUs: number
  backfilling: boolean
  memo: ServiceMemo | null
  marks: Map<string, VerdictMark>
  /** Stored rows this worker did not write as they are now: their verdict, or null when unreadable. */
  elsewhere: Map<string, LatencyHealth | null>
  report: ServicePassReport
}

export const keyOf = (row: { operation: string; spanKind: string }) => operationKey(row.operation, row.spanKind)

/** Runs one service's share of the pass; a failure (a damaged histogram, say) fails that service only. */
export function guardPass<T>(memos: Map<string, ServiceMemo>, pass: Pass, run: () => T): T | undefined {
  if (pass.report.skipped) return undefined
  try {
    return run()
  } catch (error) {
    pass.report.skipped = 'failed'
    pass.report.error = error
    memos.delete(pass.service)
    pass.memo = null
    return undefined
  }
}
