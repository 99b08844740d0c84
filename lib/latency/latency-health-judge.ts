// The worker's latency judgement pass over many services at once, costing what changed. Each series'
// history (SeriesHistory) stays in memory between passes and is brought forward with the rows
// committed since; only series whose inputs changed are judged again (dueReason); only verdicts that
// changed are written, and every verdict of a judged service is stamped with the watermark it now
// holds for, as a full judgement would have written it. A service seen for the first time, forced,
// backfilling, back after a gap or near retention is read and judged in full (in batches of services).
// This file orders the pass's steps (plan-judgement-passes.ts, read-judgement-passes.ts,
// judge-service.ts), saves what they decided, and keeps the histories in memory.
import { operationKey } from '@/lib/metrics/operation-key'
import { toMicros } from '@/lib/time/micros'
import { MINUTE_US } from '@/lib/time/time-buckets'
import { judgeService } from './judge-service'
import { keyOf, type Pass, type ServiceMemo, type ServicePassReport } from './judgement-pass'
import { planJudgementPasses } from './plan-judgement-passes'
import { readChanges, readInFull, rebuildBuckets } from './read-judgement-passes'
import { saveVerdicts, type VerdictRow } from './stored-verdicts-repository'

/** Each pass prepares the next hour's baseline for up to 1/PREPARE_SHARE of the series: all of them within as many passes. */
const PREPARE_SHARE = 10
/** A service this worker has not judged for this long (another worker holds it) is forgotten. */
const FORGET_AFTER_US = 15 * MINUTE_US

/** Where a pass spent its time (ms): planning (watermarks, stored marks), reading rows, judging, writing verdicts. */
export type JudgementPhases = { plan: number; read: number; judge: number; save: number; prepare: number }

export class LatencyHealthJudge {
  private readonly memos = new Map<string, ServiceMemo>()
  /** The last pass's phases, for the worker's report and the bench. */
  lastPhases: JudgementPhases = { plan: 0, read: 0, judge: 0, save: 0, prepare: 0 }

  /**
   * Judges the given services on the data synced so far (the caller holds their leases). A service
   * whose watermark has not moved since its last verdict is skipped, unless forced or one of its
   * stored verdicts is unreadable.
   */
  async judgeAndSave(
    services: readonly string[],
    { now = new Date(), force = false }: { now?: Date; force?: boolean } = {},
  ): Promise<ServicePassReport[]> {
    const nowUs = toMicros(now)
    let mark = performance.now()
    const lap = () => {
      const at = performance.now()
      const ms = at - mark
      mark = at
      return ms
    }
    const phases: JudgementPhases = { plan: 0, read: 0, judge: 0, save: 0, prepare: 0 }
    const passes = await planJudgementPasses(this.memos, services, nowUs, force)
    phases.plan = lap()
    const judged = passes.filter((pass) => !pass.report.skipped)
    await readInFull(
      this.memos,
      judged.filter((pass) => !pass.memo),
      now,
    )
    await readChanges(
      this.memos,
      judged.filter((pass) => pass.memo && pass.report.read === 'changes'),
      now,
    )
    await rebuildBuckets(
      this.memos,
      judged.filter((pass) => !pass.report.skipped),
      now,
    )

    phases.read = lap()
    const upserts: VerdictRow[] = []
    const windowMoves: VerdictRow[] = []
    const deletes: { service: string; operation: string; spanKind: string }[] = []
    const pending = new Map<string, Map<string, VerdictRow>>()
    for (const pass of judged) {
      if (pass.report.skipped) continue
      const written = judgeService(this.memos, pass, force, nowUs)
      if (!written) continue
      upserts.push(...written.upserts)
      windowMoves.push(...written.windowMoves)
      deletes.push(...written.deletes.map((key) => ({ service: pass.service, ...key })))
      pending.set(pass.service, new Map([...written.upserts, ...written.windowMoves].map((row) => [keyOf(row), row])))
    }
    phases.judge = lap()
    const saved = judged.filter((pass) => !pass.report.skipped)
    if (saved.length) {
      const versions = await saveVerdicts({
        upserts,
        windowMoves,
        judged: saved.map((pass) => ({ service: pass.service, judgedToUs: pass.judgedToUs })),
        deletes,
        computedAt: now,
      })
      for (const { service, operation, spanKind, rowVersion } of versions) {
        const series = this.memos.get(service)?.series.get(operationKey(operation, spanKind))
        if (!series) continue
        const row = pending.get(service)?.get(operationKey(operation, spanKind))
        if (row)
          series.written = {
            state: row.state,
            baseline: row.baseline,
            slowSinceUs: row.slowSinceUs,
            deviation: row.deviation,
            currentP95Us: row.currentP95Us,
            rowVersion,
          }
        else if (series.written) series.written.rowVersion = rowVersion
      }
    }
    phases.save = lap()
    this.prepareNextBaselines(judged)
    phases.prepare = lap()
    this.lastPhases = phases
    for (const [service, memo] of this.memos) if (nowUs - memo.usedAtUs > FORGET_AFTER_US) this.memos.delete(service)
    return passes.map((pass) => pass.report)
  }

  /**
   * Baselines of the next hour's windows, a share of the series each pass (SeriesHistory.prepareNextBaseline):
   * an hour enters every 30-minute-step series' window in the same minute, which then costs what any other does.
   */
  private prepareNextBaselines(passes: readonly Pass[]): void {
    const series = passes.flatMap((pass) => (pass.report.skipped || !pass.memo ? [] : [...pass.memo.series.values()]))
    let budget = Math.ceil(series.length / PREPARE_SHARE)
    for (const memo of series) {
      if (budget <= 0) break
      if (memo.history.prepareNextBaseline()) budget--
    }
  }
}
