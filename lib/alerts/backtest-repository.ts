// A draft rule replayed over history, before it is saved: every service its selector matches is read
// once over the range (minute rollups for 24 h, hourly for 7 and 30 days), the rule's value computed at
// every step as the evaluator would (rule-values.ts), and the Prometheus state machine run over them
// (backtest.ts). Incidents recorded for those services say whether the rule would have warned of them.
//
//   range      |------------------------------------------------|  ends at each service's watermark
//   steps      ^    ^    ^    ^   …                              every minute (24 h) or hour (7, 30 d)
//   window  [--)                                                  the rule's, or the step if longer
import { db } from '@/lib/db/client'
import { InvalidInputError } from '@/lib/errors'
import { floorTo } from '@/lib/time/time-buckets'
import { computeBacktest, incidentsCaught, type BacktestSample, type Interval } from './backtest'
import { computeRuleValues, serviceMatches, WindowCache, type ServiceSamples } from './rule-values'
import { thresholdOf, unitOf } from './rule-units'
import { listServiceSamples } from './samples-repository'
import { BACKTEST_RANGES, type AlertRule, type BacktestRange, type Labels, type RuleBacktest } from './schemas'

/** Series whose values come back for the chart: the ones that fired most, else the ones nearest their threshold. */
const CHARTED_SERIES = 6

export async function getRuleBacktest(
  rule: AlertRule,
  range: BacktestRange,
  { now = new Date() }: { now?: Date } = {},
): Promise<RuleBacktest> {
  // A deployment keeps its latest verdict only, not one per minute: there is no history to replay.
  if (rule.condition.kind === 'canary_regression')
    throw new InvalidInputError([
      {
        path: 'condition.kind',
        message:
          'canary_regression rules cannot be backtested: a deployment keeps only its latest canary verdict, so there is no history to replay',
      },
    ])
  const started = performance.now()
  const { rangeSeconds, stepSeconds } = BACKTEST_RANGES[range]
  const stepMs = stepSeconds * 1000
  const windowSeconds = Math.max(rule.window, stepSeconds)
  const stepped: AlertRule = { ...rule, window: windowSeconds }
  const cache = new WindowCache({ shareWindows: false })

  const states = await db.syncState.findMany({ select: { serviceName: true, watermark: true, liveWatermark: true } })
  const services = states.filter((state) => serviceMatches(rule.selector, state.serviceName, cache))
  const endOf = new Map(
    services.map((state) => [state.serviceName, floorTo(Math.max(state.watermark.getTime(), state.liveWatermark?.getTime() ?? 0), stepMs)]),
  )
  const toMs = Math.max(0, ...endOf.values())
  const fromMs = toMs - rangeSeconds * 1000
  // No-data rules look back as far as their silence before the first step.
  const lookbackMs = windowSeconds * 1000 + (rule.condition.kind === 'no_data' ? rule.condition.silentFor * 1000 : 0)
  const samples = await listServiceSamples({
    ranges: new Map([...endOf].map(([service, endMs]) => [service, { startMs: endMs - rangeSeconds * 1000 - lookbackMs, endMs }])),
    now,
    maxBucketUs: stepSeconds * 1_000_000,
    baselines: rule.condition.kind === 'latency_baseline',
  })

  const bySeries = new Map<string, { labels: Labels; service: string; samples: BacktestSample[] }>()
  for (const [service, endMs] of endOf) {
    const serviceSamples = samples.get(service)!
    const lastSpan = rule.condition.kind === 'no_data' ? lastSpanBefore(serviceSamples, stepMs) : null
    for (let at = endMs - rangeSeconds * 1000 + stepMs; at <= endMs; at += stepMs) {
      const atSamples = lastSpan ? { ...serviceSamples, lastSpanAtMs: lastSpan(at) } : serviceSamples
      for (const value of computeRuleValues(stepped, atSamples, at, cache)) {
        // The series' own labels tell it apart within one rule (its fingerprint is computed once, by computeBacktest).
        const key = `${service}\u0000${value.labels.operation ?? ''}\u0000${value.labels.span_kind ?? ''}`
        let series = bySeries.get(key)
        if (!series) bySeries.set(key, (series = { labels: value.labels, service, samples: [] }))
        series.samples.push({ at, value: value.value, holds: value.holds })
      }
    }
  }
  const seriesList = [...bySeries.values()]
  const result = computeBacktest(seriesList, { forSeconds: rule.for, keepFiringForSeconds: rule.keepFiringFor, stepSeconds })

  const matched = seriesList.map((series, index) => ({ series, outcome: result.series[index]! }))
  const threshold = thresholdOf(rule)
  const nearness = (samplesOf: BacktestSample[]) => Math.max(...samplesOf.map((sample) => closeness(rule, sample.value, threshold)))
  const charted = matched
    .toSorted((a, b) => b.outcome.firingMinutes - a.outcome.firingMinutes || nearness(b.series.samples) - nearness(a.series.samples))
    .slice(0, CHARTED_SERIES)

  const firingByService = new Map<string, Interval[]>()
  for (const { series, outcome } of matched)
    firingByService.set(series.service, [...(firingByService.get(series.service) ?? []), ...outcome.firing])
  const incidents = await db.incident.findMany({
    where: { services: { hasSome: [...endOf.keys()] }, startedAt: { gte: new Date(fromMs), lt: new Date(toMs) } },
    select: { id: true, title: true, services: true, startedAt: true },
    orderBy: { startedAt: 'asc' },
  })
  const caught = incidents.flatMap((incident) => {
    const service = incident.services.find((name) => endOf.has(name))!
    const [verdict] = incidentsCaught(
      (firingByService.get(service) ?? []).toSorted((a, b) => a.startMs - b.startMs),
      [{ id: incident.id, startedAt: incident.startedAt!.getTime(), services: incident.services }],
      service,
    )
    return verdict ? [{ ...verdict, title: incident.title, service }] : []
  })

  return {
    range,
    fromMs,
    toMs,
    stepSeconds,
    windowSeconds,
    threshold,
    unit: unitOf(rule),
    matchedSeries: seriesList.length,
    firedCount: result.firedCount,
    firingMinutes: result.firingMinutes,
    firingSeries: result.firingSeries,
    series: charted.map(({ series, outcome }) => ({
      labels: { ...series.labels },
      fingerprint: outcome.fingerprint,
      firedCount: outcome.firedCount,
      firingMinutes: outcome.firingMinutes,
      pending: outcome.pending,
      firing: outcome.firing,
      points: series.samples.map((sample): [number, number | null] => [sample.at, sample.value]),
    })),
    incidents: caught,
    serverMs: performance.now() - started,
  }
}

/** How near a value came to firing, as a share of the threshold (above 1: it held). */
function closeness(rule: AlertRule, value: number | null, threshold: number): number {
  if (value === null) return 0
  if (rule.condition.kind === 'trace_reliability') return value > 0 ? threshold / value : 0
  return threshold > 0 ? value / threshold : 0
}

/** For no-data rules: the end of the service's last row with spans before each step. */
function lastSpanBefore(samples: ServiceSamples, stepMs: number): (atMs: number) => number | null {
  const ends = samples.minutes.filter((minute) => minute.spans > 0).map((minute) => minute.bucketStartMs + stepMs)
  return (atMs) => {
    let last: number | null = null
    for (const end of ends) {
      if (end > atMs) break
      last = end
    }
    return last
  }
}
