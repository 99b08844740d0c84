// The worker's latency judgement pass over many services at once, costing what changed. Each series'
// history (SeriesHistory) stays in memory between passes and is brought forward with the rows
// committed since; only series whose inputs changed are judged again (dueReason); only verdicts that
// changed are written, and every verdict of a judged service is stamped with the watermark it now
// holds for, as a full judgement would have written it. A service seen for the first time, forced,
// backfilling, back after a gap or near retention is read and judged in full (in batches of services).
import { env } from '@/lib/env'
import { operationKey } from '@/lib/metrics/operation-key'
import { currentWatermark } from '@/lib/sync/sync-progress'
import { toMicros } from '@/lib/time/micros'
import { DAY_US, floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { dueReason, type StoredVerdict } from './due-series'
import type { Baseline } from '@/lib/metrics/baseline'
import { carrySlowSince, type LatencyHealth } from './judge-latency'
import { ENTRY_SERIES_KEY, listJudgementTargets, listSeriesRows, type RowsRequest, type SeriesRows } from './judgement-rows-repository'
import { bucketRowsStartAt, historyStartAt, SeriesHistory, type JudgementSignature } from './series-history'
import {
  listStoredVerdicts,
  listVerdictMarks,
  saveVerdicts,
  SERVICE_LEVEL,
  type VerdictMark,
  type VerdictRow,
} from './stored-verdicts-repository'

export const DEFAULT_BASELINE_WINDOW_DAYS = 7
/** Past this gap since a service's last pass, reading it in full costs about what bringing it forward would. */
const MAX_GAP_US = HOUR_US
/** Services read in full per query: a service of 40 operations with a 7-day baseline reads ~10,000 rows. */
const FULL_READ_BATCH = 20
/** Each pass prepares the next hour's baseline for up to 1/PREPARE_SHARE of the series: all of them within as many passes. */
const PREPARE_SHARE = 10
/** A service this worker has not judged for this long (another worker holds it) is forgotten. */
const FORGET_AFTER_US = 15 * MINUTE_US

type Written = Pick<VerdictRow, 'state' | 'baseline' | 'slowSinceUs' | 'deviation' | 'currentP95Us'> & { rowVersion: string }
type SeriesMemo = {
  operation: string
  spanKind: string
  history: SeriesHistory
  judged: JudgementSignature | null
  written: Written | null
}
/** `complete`: built with no history still backfilling below the live range (rows arrive only at the watermark). */
type ServiceMemo = { windowUs: number; judgedToUs: number; complete: boolean; series: Map<string, SeriesMemo>; usedAtUs: number }

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

type Pass = {
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

const keyOf = (row: { operation: string; spanKind: string }) => operationKey(row.operation, row.spanKind)
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
    const passes = await this.plan(services, nowUs, force)
    phases.plan = lap()
    const judged = passes.filter((pass) => !pass.report.skipped)
    await this.readInFull(
      judged.filter((pass) => !pass.memo),
      now,
    )
    await this.readChanges(
      judged.filter((pass) => pass.memo && pass.report.read === 'changes'),
      now,
    )
    await this.rebuildBuckets(
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
      const written = this.judgeService(pass, force, nowUs)
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

  /** Each service's watermark and stored verdicts: skipped, brought forward, or read in full. */
  private async plan(services: readonly string[], nowUs: number, force: boolean): Promise<Pass[]> {
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
      const memo = this.memos.get(service)
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
      if (!forward) this.memos.delete(service)
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

  /** Services without a history in memory: every series read from all its rows (batches of services). */
  private async readInFull(passes: readonly Pass[], now: Date): Promise<void> {
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
        this.guard(pass, () => {
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
          this.memos.set(pass.service, memo)
        })
      }
    }
  }

  /** Services with a history in memory: brought forward with the minute rows committed since their last pass. */
  private async readChanges(passes: readonly Pass[], now: Date): Promise<void> {
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
      this.guard(pass, () => {
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
  private async rebuildBuckets(passes: readonly Pass[], now: Date): Promise<void> {
    const needing = new Map<Pass, SeriesMemo[]>()
    for (const pass of passes) {
      const series = [...(pass.memo?.series.values() ?? [])].filter((memo) => memo.history.needsBucketRows)
      // No rows in its history means none in its lookback either.
      this.guard(pass, () => series.filter((memo) => !memo.history.hasSpans).forEach((memo) => memo.history.rebuildBuckets([])))
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
      this.guard(pass, () => series.forEach((memo) => memo.history.rebuildBuckets(rows.get(pass.service)?.get(keyOf(memo))?.rows ?? [])))
  }

  /** The series due in one service judged again; what to write. Null when the service failed. */
  private judgeService(
    pass: Pass,
    force: boolean,
    nowUs: number,
  ): { upserts: VerdictRow[]; windowMoves: VerdictRow[]; deletes: { operation: string; spanKind: string }[] } | null {
    const result = this.guard(pass, () => {
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

  /** Runs one service's share of the pass; a failure (a damaged histogram, say) fails that service only. */
  private guard<T>(pass: Pass, run: () => T): T | undefined {
    if (pass.report.skipped) return undefined
    try {
      return run()
    } catch (error) {
      pass.report.skipped = 'failed'
      pass.report.error = error
      this.memos.delete(pass.service)
      pass.memo = null
      return undefined
    }
  }
}
