// Spanlens' extension of OpenSLO v1: what exportOpenSlo writes beyond the spec and importOpenSlo reads back, so
// that an SLO makes the round trip unchanged; and how an OpenSLO SLI reads as a Spanlens one. An SLI over spans is
// a metric source of type Spanlens; what OpenSLO has no field for sits in spanlens.io/ annotations (the prefix of
// the catalog import's annotations). Another source type names a query Spanlens cannot run: the service's entry spans.
//
//   metricSource: { type: Spanlens, spec: … }      or a metricSourceRef naming a DataSource of type Spanlens in the file
//     { operation: "POST /v1/payments", spanKind: server, thresholdMs: 300 }   latency: a thresholdMetric
//     { operation, spanKind, events: good | total }                              availability: ratioMetric good, total
//     { members: [{ slo: cart-api, weight: 2 }, …], events: good | total }       composite: the members' good events
//   operation and spanKind absent: the service's entry spans (server and consumer)
//
//   metadata.annotations
//     spanlens.io/min-events: "50"                 no burn-rate alert while the short window holds fewer events
//     spanlens.io/channels: "ops-slack\npager"     the channels the burn-rate alerts notify, one a line
//     spanlens.io/time-slice-target: objective     a minute is good when it meets the objective (no target of its own)
//     spanlens.io/calendar-start: default          the calendar periods start on the 1st (weeks: on Monday) at local
//                                                  midnight; calendar.startTime, which OpenSLO wants, is one such start
//   metadata.labels                                the burn-rate alerts' labels
import { z } from 'zod'
import type { YamlPath } from '@/lib/text/yaml-source'
import type { OpenSloObjects } from './openslo-objects'
import type { MetricSource, Objective, OpenSloMetadata, SliSpec } from './openslo-schemas'
import { sliSchema } from './schemas'
import { fileErrorMap, nested, reportIssues, type Located, type Report } from './yaml-errors'

export const SPANLENS_SOURCE_TYPE = 'Spanlens'

export const SPANLENS_ANNOTATIONS = {
  minEvents: 'spanlens.io/min-events',
  channels: 'spanlens.io/channels',
  timeSliceTarget: 'spanlens.io/time-slice-target',
  calendarStart: 'spanlens.io/calendar-start',
} as const
/** The value of spanlens.io/time-slice-target when time slices follow the objective. */
export const FOLLOWS_OBJECTIVE = 'objective'
/** The value of spanlens.io/calendar-start when the SLO's calendar periods have no start of their own. */
export const DEFAULT_CALENDAR_START = 'default'

/** Types only: the values are checked by the SLO schema, so its messages are the editor's. Unknown keys are typos. */
const spanlensSourceSpecSchema = z.strictObject({
  operation: z.string().optional(),
  spanKind: z.string().optional(),
  thresholdMs: z.number().optional(),
  members: z.array(z.strictObject({ slo: z.string(), weight: z.number().optional() })).optional(),
  events: z.enum(['good', 'bad', 'total']).optional(),
})
export type SpanlensSourceSpec = z.output<typeof spanlensSourceSpecSchema>

/** A metric source as read from the file, and where (the metricSource mapping). */
type ReadSource = { source: MetricSource; at: Located }
/** The Spanlens spec of the SLI, and where it was read (for errors the SLO schema finds in it). */
type SpanlensSelector = { spec: SpanlensSourceSpec; at: Located }
/** What an SLI measures, read once for all the objectives over it. */
export type Indicator = { threshold: boolean; selector: SpanlensSelector | null; at: Located }

/**
 * The SLI's kind and the Spanlens spans it selects (selector null: another system's metric, so the service's entry
 * spans). A metric source without a type takes the type of the DataSource its metricSourceRef names in the file.
 */
export function readIndicator(sli: SliSpec, sliAt: Located, objects: OpenSloObjects, report: Report): Indicator | null {
  const sources: ReadSource[] = []
  const source = (path: YamlPath, metric: { metricSource: MetricSource } | undefined) => {
    if (!metric) return
    const { type, metricSourceRef } = metric.metricSource
    const referred = objects.list.flatMap((object) =>
      object.kind === 'DataSource' && object.metadata.name === metricSourceRef ? [object.spec.type] : [],
    )
    const sourceType = type ?? (referred.length === 1 ? referred[0] : undefined)
    sources.push({ source: { ...metric.metricSource, type: sourceType }, at: nested(sliAt)([...path, 'metricSource']) })
  }
  source(['thresholdMetric'], sli.thresholdMetric)
  for (const part of ['good', 'bad', 'total', 'raw'] as const) source(['ratioMetric', part], sli.ratioMetric?.[part])
  const selector = readSpanlensSelector(sources, report)
  if (selector === undefined) return null
  if (sli.thresholdMetric && selector?.spec.members)
    return (report(selector.at, ['members'], 'a composite SLI is a ratioMetric (good and total), not a thresholdMetric'), null)
  if (!sli.thresholdMetric && selector?.spec.thresholdMs !== undefined)
    return (
      report(selector.at, ['thresholdMs'], 'a latency threshold belongs to a thresholdMetric; a ratioMetric counts spans without error'),
      null
    )
  return { threshold: sli.thresholdMetric !== undefined, selector, at: sliAt }
}

/** The SLI of one objective over the indicator, as the schema reads it; null after reporting why not. */
export function readSli(indicator: Indicator, objective: Objective, objectiveAt: Located, report: Report): Record<string, unknown> | null {
  const { selector } = indicator
  const members = selector?.spec.members
  if (!indicator.threshold) return members ? { kind: 'composite', members } : { kind: 'availability' }
  const { op, value } = objective
  if (!selector) {
    // Another system's threshold metric: its query cannot run here, so the SLO covers the service's entry spans. A
    // bound from above (lt, lte) with a value a latency can have is read as a latency threshold in ms. Any other
    // (gt, gte: good values above it, such as throughput; no op, or no usable value) keeps the objective, window,
    // budgeting and alerts as the share of entry spans without error.
    const latency = { kind: 'latency', thresholdMs: value }
    return (op === 'lt' || op === 'lte') && sliSchema.safeParse(latency).success ? latency : { kind: 'availability' }
  }
  if (op === undefined) return (report(objectiveAt, [], 'op is required with a thresholdMetric: lte (good at or under value) or lt'), null)
  if (op === 'gt' || op === 'gte')
    return (
      report(
        objectiveAt,
        ['op'],
        `op ${op} counts values above the threshold as good; Spanlens latency SLIs count spans at or under it (lte or lt)`,
      ),
      null
    )
  if (value === undefined) return (report(objectiveAt, [], 'value is required with a thresholdMetric: the latency threshold in ms'), null)
  const thresholdMs = selector.spec.thresholdMs
  if (thresholdMs !== undefined && thresholdMs !== value)
    return (
      report(selector.at, ['thresholdMs'], `thresholdMs ${thresholdMs} is not the objective's value ${value}: give one threshold`),
      null
    )
  return { kind: 'latency', thresholdMs: value }
}

/**
 * The Spanlens selector of an SLI's metric sources, null when none is of type Spanlens (the SLI reads another
 * system: Prometheus, Datadog, …), undefined after reporting a problem. The sources of one SLI (good and total)
 * must all be Spanlens and select the same spans.
 */
function readSpanlensSelector(sources: readonly ReadSource[], report: Report): SpanlensSelector | null | undefined {
  const spanlens = sources.filter(({ source }) => source.type === SPANLENS_SOURCE_TYPE)
  if (spanlens.length === 0) return null
  const other = sources.find(({ source }) => source.type !== SPANLENS_SOURCE_TYPE)
  if (other)
    return void report(other.at, ['type'], `the other metric sources of this SLI are Spanlens: give type ${SPANLENS_SOURCE_TYPE} here too`)
  let first: SpanlensSelector | undefined
  for (const { source, at } of spanlens) {
    const specAt = nested(at)(['spec'])
    const parsed = spanlensSourceSpecSchema.safeParse(source.spec, { error: fileErrorMap })
    if (!parsed.success) return void reportIssues(report, specAt, parsed.error.issues)
    if (!first) first = { spec: parsed.data, at: specAt }
    else if (!sameSelector(first.spec, parsed.data))
      return void report(specAt, [], 'select the same spans in every Spanlens metric source of this SLI (operation, spanKind, members)')
  }
  return first
}

function sameSelector(a: SpanlensSourceSpec, b: SpanlensSourceSpec): boolean {
  const key = ({ operation, spanKind, thresholdMs, members }: SpanlensSourceSpec) =>
    JSON.stringify([operation, spanKind, thresholdMs, members])
  return key(a) === key(b)
}

export type SpanlensAnnotations = {
  minEvents?: number
  channels?: string[]
  timeSlicesFollowObjective: boolean
  calendarStartsAtDefault: boolean
}

/** The spanlens.io/ annotations, or null after reporting a problem. Other annotations are not read. */
export function readSpanlensAnnotations(metadata: OpenSloMetadata, at: Located, report: Report): SpanlensAnnotations | null {
  const annotations = metadata.annotations ?? {}
  const annotationAt = (key: string) => nested(at)(['metadata', 'annotations', key])
  const minEvents = annotations[SPANLENS_ANNOTATIONS.minEvents]
  if (minEvents !== undefined && !/^\d+$/.test(String(minEvents).trim()))
    return (report(annotationAt(SPANLENS_ANNOTATIONS.minEvents), [], 'expected a whole number of events'), null)
  for (const [key, value] of [
    [SPANLENS_ANNOTATIONS.timeSliceTarget, FOLLOWS_OBJECTIVE],
    [SPANLENS_ANNOTATIONS.calendarStart, DEFAULT_CALENDAR_START],
  ] as const)
    if (annotations[key] !== undefined && annotations[key] !== value)
      return (report(annotationAt(key), [], `expected ${value}, or no annotation`), null)
  const channels = annotations[SPANLENS_ANNOTATIONS.channels]
  return {
    ...(minEvents === undefined ? {} : { minEvents: Number(String(minEvents).trim()) }),
    ...(channels === undefined
      ? {}
      : {
          channels: String(channels)
            .split('\n')
            .map((channel) => channel.trim())
            .filter((channel) => channel !== ''),
        }),
    timeSlicesFollowObjective: annotations[SPANLENS_ANNOTATIONS.timeSliceTarget] === FOLLOWS_OBJECTIVE,
    calendarStartsAtDefault: annotations[SPANLENS_ANNOTATIONS.calendarStart] === DEFAULT_CALENDAR_START,
  }
}
