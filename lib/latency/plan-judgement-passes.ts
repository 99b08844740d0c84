// The first step of a latency judgement pass: each service's watermark and stored verdicts decide
// whether it is skipped, brought forward from the history in memory, or read in full.
import { env } from '@/lib/env'
import { operationKey } from '@/lib/metrics/operation-key'
import { currentWatermark } from '@/lib/sync/sync-progress'
import { toMicros } from '@/lib/time/micros'
import { DAY_US, floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { keyOf, type Pass, type ServiceMemo, type ServicePassReport } from './judgement-pass'
import { listJudgementTargets } from './judgement-rows-repository'
import { bucketRowsStartAt, historyStartAt } from './series-history'
import { listStoredVerdicts, listVerdictMarks, SERVICE_LEVEL, type VerdictMark } from './stored-verdicts-repository'

export const DEFAULT_BASELINE_WINDOW_DAYS = 7
/** Past this gap since a service's last pass, reading it in full costs about what bringing it forward would. */
const MAX_GAP_US = HOUR_US

/** Each service's watermark and stored verdicts: skipped, brought forward, or read in full. */
export async function planJudgementPasses(
  memos: Map<string, ServiceMemo>,
  services: readonly string[],
  nowUs: number,
  force: boolean,
): Promise<Pass[]> {
  const states = await listJudgementTargets(services)
  const stateOf = new Map(states.map((state) => [state.service, state]))
  const marksOf = new Map<string, Map<string, VerdictMark>>()
  for (const mark of await listVerdictMarks(states.map((state) => state.service))) {
    if (!marksOf.has(mark.service)) marksOf.set(mark.service, new Map())
    marksOf.get(mark.service)!.set(keyOf(mark), mark)
  }
  const { ROLLUP_MINUTE_RETENTION_HOURS, ROLLUP_HOUR_RETENTION_DAYS } = env()
  const passes: Pass[] = services.map((service) => {
    const report: ServicePassReport = { service, judged: 0, kept: 0, written: 0, windowMoved: 0, deleted: 0, slow: 0, read: 'none' }
    const state = stateOf.get(service)
    if (!state)
      return {
        service,
        judgedToUs: 0,
        windowUs: 0,
        backfilling: false,
        memo: null,
        marks: new Map(),
        elsewhere: new Map(),
        report: { ...report, skipped: 'no data' },
      }
    const judgedToUs = floorTo(toMicros(currentWatermark({ serviceName: service, ...state })), MINUTE_US)
    const windowUs = (state.baselineWindowDays ?? DEFAULT_BASELINE_WINDOW_DAYS) * DAY_US
    const memo = memos.get(service)
    // Brought forward only from a pass over the same window, on one contiguous range (no history
    // still backfilling below the live range), with everything both passes read still retained.
    const forward =
      !force &&
      memo !== undefined &&
      memo.complete &&
      memo.windowUs === windowUs &&
      !state.liveFrom &&
      judgedToUs >= memo.judgedToUs &&
      judgedToUs - memo.judgedToUs <= MAX_GAP_US &&
      historyStartAt(memo.judgedToUs, windowUs) >= nowUs - ROLLUP_HOUR_RETENTION_DAYS * DAY_US &&
      bucketRowsStartAt(memo.judgedToUs) >= nowUs - ROLLUP_MINUTE_RETENTION_HOURS * HOUR_US
    if (!forward) memos.delete(service)
    return {
      service,
      judgedToUs,
      windowUs,
      backfilling: state.liveFrom !== null,
      memo: forward ? memo : null,
      marks: marksOf.get(service) ?? new Map(),
      elsewhere: new Map(),
      report,
    }
  })

  // Rows not as this worker wrote them are read in full: unreadable ones make their service due.
  const elsewhere = passes.flatMap((pass) =>
    [...pass.marks].filter(([key, mark]) => pass.memo?.series.get(key)?.written?.rowVersion !== mark.rowVersion).map(([, mark]) => mark),
  )
  const stored = await listStoredVerdicts(elsewhere)
  const passOf = new Map(passes.map((pass) => [pass.service, pass]))
  for (const { key, verdict } of stored) passOf.get(key.service)?.elsewhere.set(keyOf(key), verdict)

  for (const pass of passes) {
    if (pass.report.skipped) continue
    const unreadable = [...pass.elsewhere.values()].some((verdict) => verdict === null)
    const own = pass.marks.get(operationKey(SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind))
    if (!force && !unreadable && own && own.judgedToUs === pass.judgedToUs) {
      pass.report.skipped = 'unchanged'
      if (pass.memo) pass.memo.usedAtUs = nowUs
      continue
    }
    pass.report.read = pass.memo ? 'changes' : 'in full'
  }
  return passes
}
