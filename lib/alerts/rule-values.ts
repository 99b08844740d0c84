// What a rule sees at one evaluation instant: each matched series' value over the rule's window, and
// whether its condition holds. Pure; the evaluator and the backtest both call it, over minute rows
// read once per pass (a window's merged figures are cached, so 1,000 rules sharing a few windows merge
// each series' histograms a few times, not 1,000).
//
//   window   [at − window, at)   minute buckets whose start falls inside are counted
//   series   latency, error rate: one per (service, operation, span kind) the selector matches
//            trace reliability, no data: one per service
//            canary regression: one per deployment in progress of the service (canary-values.ts)
import picomatch from 'picomatch'
import { bandAt, computeDeviation, type Baseline } from '@/lib/metrics/baseline'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import { operationKey } from '@/lib/metrics/operation-key'
import { computeCanaryValues, type CanaryDeployment, type CanaryDetails } from './canary-values'
import type { AlertRule, Labels, Selector } from './schemas'

export type OperationMinute = { bucketStartMs: number; spans: number; errors: number; histogram: Uint8Array | null }
export type ServiceMinute = { bucketStartMs: number; spans: number; rootTraces: number; rootTracesComplete: number }

/** One service's rows around an evaluation instant, each list ascending by bucket. */
export type ServiceSamples = {
  service: string
  operations: { operation: string; spanKind: string; minutes: OperationMinute[] }[]
  minutes: ServiceMinute[]
  /** The end of the last minute with spans (for no-data rules); null if the service never had any. */
  lastSpanAtMs: number | null
  /** Latency baselines by operationKey (lib/latency's verdicts), for baseline-relative rules. */
  baselines: ReadonlyMap<string, Baseline>
  /** The service's deployments in progress as lib/canary last judged them, for canary rules (read only when one is evaluated). */
  deployments: readonly CanaryDeployment[]
}

export type SeriesValue = {
  labels: Labels
  /**
   * In the rule's unit: ms for latency (a ratio to the baseline, or a z-score, for baseline rules), 0..1 for shares, minutes silent
   * for no data, failing metrics for a canary.
   */
  value: number
  threshold: number
  holds: boolean
  /** Spans in the window (the minimum-traffic guard's count). */
  spans: number
  /** A canary series' deployment, for its annotations. */
  canary?: CanaryDetails
}

/** A series' figures over one window; the percentiles (µs) are null without latency (asked for, and data). */
type WindowFigures = { spans: number; errors: number; p50Us: number | null; p95Us: number | null; p99Us: number | null }

/** One operation series of a ServiceSamples as the cache indexes it: its baseline found once, its windows' figures kept. */
type IndexedSeries = {
  operation: string
  spanKind: string
  minutes: readonly OperationMinute[]
  baseline: Baseline | undefined
  /** Figures by window end, then start (epoch ms): numbers, so a lookup builds no key string. */
  windows: Map<number, Map<number, WindowFigures>>
}

/** A ServiceSamples' series, and those each (operation glob, span kind) selector matches. */
type SamplesIndex = { series: IndexedSeries[]; bySelector: Map<string | undefined, Map<string | undefined, IndexedSeries[]>> }

/**
 * Merged figures per (series, window) and matched series per selector, shared by every rule evaluated
 * over the same samples. Keyed by the ServiceSamples object: samples are read, never changed, while a
 * cache holds them.
 */
export class WindowCache {
  /**
   * `shareWindows`: keep each window's figures for the rules after (a pass: many rules, few windows). A
   * backtest asks for every window once, so it turns that off rather than hold thousands of them.
   */
  constructor(private readonly options: { shareWindows?: boolean } = {}) {}

  private readonly indexes = new WeakMap<ServiceSamples, SamplesIndex>()
  private readonly matchers = new Map<string, (operation: string) => boolean>()
  /**
   * Each window's rows are decoded straight into this one histogram, then read: no allocation per
   * window or row (allocating a histogram per row made a 30-day backtest spend most of its time in GC).
   */
  private readonly scratch = new LatencyHistogram()

  /** The operation series of `samples` a rule's selector matches (operation glob and span kind), in their order. */
  seriesMatching(samples: ServiceSamples, selector: Selector): readonly IndexedSeries[] {
    let index = this.indexes.get(samples)
    if (!index) {
      const series = samples.operations.map(({ operation, spanKind, minutes }) => ({
        operation,
        spanKind,
        minutes,
        baseline: samples.baselines.get(operationKey(operation, spanKind)),
        windows: new Map(),
      }))
      this.indexes.set(samples, (index = { series, bySelector: new Map() }))
    }
    const operationGlob = selector.operation === '*' ? undefined : selector.operation
    let byKind = index.bySelector.get(operationGlob)
    if (!byKind) index.bySelector.set(operationGlob, (byKind = new Map()))
    let matched = byKind.get(selector.spanKind)
    if (!matched) {
      const matchesOperation = operationGlob === undefined ? null : this.matcher(operationGlob)
      matched = index.series.filter(
        (series) =>
          (selector.spanKind === undefined || selector.spanKind === series.spanKind) &&
          (!matchesOperation || matchesOperation(series.operation)),
      )
      byKind.set(selector.spanKind, matched)
    }
    return matched
  }

  windowOf(series: IndexedSeries, fromMs: number, toMs: number, latency: boolean): WindowFigures {
    const share = this.options.shareWindows ?? true
    let byStart = share ? series.windows.get(toMs) : undefined
    const cached = byStart?.get(fromMs)
    if (cached && (cached.p95Us !== null || !latency)) return cached
    const { minutes } = series
    let spans = 0
    let errors = 0
    let rows = 0
    if (latency) this.scratch.clear()
    for (let index = firstAtOrAfter(minutes, fromMs); index < minutes.length; index++) {
      const minute = minutes[index]!
      if (minute.bucketStartMs >= toMs) break
      spans += minute.spans
      errors += minute.errors
      if (latency && minute.histogram) {
        this.scratch.mergeBytes(minute.histogram)
        rows += 1
      }
    }
    const merged = rows > 0 ? this.scratch : null
    const figures: WindowFigures = {
      spans,
      errors,
      p50Us: merged?.quantile(0.5) ?? null,
      p95Us: merged?.quantile(0.95) ?? null,
      p99Us: merged?.quantile(0.99) ?? null,
    }
    if (share) {
      if (!byStart) series.windows.set(toMs, (byStart = new Map()))
      byStart.set(fromMs, figures)
    }
    return figures
  }

  /** Operation and service globs: `*` matches any run of characters, slashes included ("GET *" matches "GET /api/cart"). */
  matcher(glob: string): (operation: string) => boolean {
    let matcher = this.matchers.get(glob)
    if (!matcher) this.matchers.set(glob, (matcher = picomatch(glob, { dot: true, bash: true })))
    return matcher
  }
}

/** First index whose bucket starts at or after `ms` (binary search: windows are the tail of the rows). */
function firstAtOrAfter(rows: readonly { bucketStartMs: number }[], ms: number): number {
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (rows[middle]!.bucketStartMs < ms) low = middle + 1
    else high = middle
  }
  return low
}

export const serviceMatches = (selector: Selector, service: string, cache: WindowCache) =>
  selector.service === '*' || selector.service === service || (/[*?[{]/.test(selector.service) && cache.matcher(selector.service)(service))

const QUANTILE_FIELD = { p50: 'p50Us', p95: 'p95Us', p99: 'p99Us' } as const

/** The labels every alert of `rule` on a series carries: the rule's, then the series', then name and severity. */
export function alertLabels(rule: AlertRule, series: { service: string; operation?: string; spanKind?: string }): Labels {
  // Assigned one by one, not spread: this runs for every series of every rule at every evaluation.
  const labels: Record<string, string> = { ...rule.labels }
  labels.alertname = rule.name
  labels.service = series.service
  if (series.operation !== undefined) labels.operation = series.operation
  if (series.spanKind !== undefined) labels.span_kind = series.spanKind
  labels.severity = rule.severity
  return labels
}

/** Every series of `samples` the rule matches, with its value at `atMs`; series below the traffic guard have no value. */
export function computeRuleValues(rule: AlertRule, samples: ServiceSamples, atMs: number, cache: WindowCache): SeriesValue[] {
  const { condition, selector } = rule
  // Burn-rate rules are judged by the SLO stage, over the SLO's accounted events (lib/slo/slo-stage.ts).
  if (condition.kind === 'slo_burn_rate' || !serviceMatches(selector, samples.service, cache)) return []
  if (condition.kind === 'canary_regression') return computeCanaryValues(rule, samples.deployments)
  const fromMs = atMs - rule.window * 1000
  const values: SeriesValue[] = []

  if (condition.kind === 'no_data') {
    if (samples.lastSpanAtMs === null) return [] // never traced: nothing to fall silent
    const silentMinutes = Math.max(0, (atMs - samples.lastSpanAtMs) / 60_000)
    const threshold = condition.silentFor / 60
    return [
      {
        labels: alertLabels(rule, { service: samples.service }),
        value: silentMinutes,
        threshold,
        holds: silentMinutes >= threshold,
        spans: 0,
      },
    ]
  }

  if (condition.kind === 'trace_reliability') {
    let spans = 0
    let traces = 0
    let complete = 0
    for (let index = firstAtOrAfter(samples.minutes, fromMs); index < samples.minutes.length; index++) {
      const minute = samples.minutes[index]!
      if (minute.bucketStartMs >= atMs) break
      spans += minute.spans
      traces += minute.rootTraces
      complete += minute.rootTracesComplete
    }
    if (traces === 0 || spans < rule.minSpans) return []
    const share = complete / traces
    return [
      {
        labels: alertLabels(rule, { service: samples.service }),
        value: share,
        threshold: condition.below,
        holds: share < condition.below,
        spans,
      },
    ]
  }

  for (const series of cache.seriesMatching(samples, selector)) {
    const figures = cache.windowOf(series, fromMs, atMs, condition.kind !== 'error_rate')
    if (figures.spans === 0 || figures.spans < rule.minSpans) continue
    const { operation, spanKind, baseline } = series
    const labels = alertLabels(rule, { service: samples.service, operation, spanKind })
    switch (condition.kind) {
      case 'error_rate': {
        const rate = figures.errors / figures.spans
        values.push({ labels, value: rate, threshold: condition.above, holds: rate > condition.above, spans: figures.spans })
        break
      }
      case 'latency_threshold': {
        const us = figures[QUANTILE_FIELD[condition.percentile]]
        if (us === null) break
        const ms = us / 1000
        values.push({ labels, value: ms, threshold: condition.aboveMs, holds: ms > condition.aboveMs, spans: figures.spans })
        break
      }
      case 'latency_baseline': {
        const p95Us = figures.p95Us
        if (p95Us === null || !baseline) break
        const atUs = atMs * 1000
        if (condition.factor !== undefined) {
          const band = bandAt(baseline, 'p95', atUs)
          if (!band || band.centerUs <= 0) break
          const ratio = p95Us / band.centerUs
          values.push({ labels, value: ratio, threshold: condition.factor, holds: ratio > condition.factor, spans: figures.spans })
        } else if (condition.deviation !== undefined) {
          const deviation = computeDeviation(baseline, 'p95', p95Us, atUs)
          if (deviation === null) break
          values.push({
            labels,
            value: deviation,
            threshold: condition.deviation,
            holds: deviation > condition.deviation,
            spans: figures.spans,
          })
        }
        break
      }
    }
  }
  return values
}
