// OpenSLO v1 files (github.com/OpenSLO/OpenSLO) read into Spanlens SLOs, all or nothing: every problem comes back
// with its line. exportOpenSlo (openslo-export.ts) writes what this reads back unchanged.
//
//   metadata.name, displayName; spec.description     → name, displayName, description
//   spec.service                                       → service (a Spanlens composite has none: not read)
//   metricSource type Spanlens (or a metricSourceRef   → operation, spanKind, composite members (openslo-spanlens.ts)
//   to a DataSource of type Spanlens in the file)
//   SLI thresholdMetric of type Spanlens, op lte|lt    → latency: the share of spans at or under `value` ms; lt reads as
//                                                        lte (durations are bucketed); gt and gte are refused
//   SLI thresholdMetric of another type (Prometheus,   → the service's entry spans, as Spanlens cannot run the query:
//   Datadog, Any, …)                                     op lte|lt and a value: latency, `value` read as ms; else
//                                                        (gt, gte, no usable value): availability
//   SLI ratioMetric (good|bad + total, or raw)         → availability: the share of spans without error
//   objectives: one; target, or targetPercent          → objective. Several (one SLI, many targets): one SLO per objective,
//                                                        named <name>-<objective displayName, or its position>
//   timeWindow rolling Nm|Nh|Nd|Nw|NM|NQ               → rolling window (1 to 90 days); a month is 30 days, as go-sdk counts
//   timeWindow calendar 1M | 1w, calendar.startTime,   → calendar month | week in that zone from startTime (none: from the
//   calendar.timeZone                                    1st | Monday at midnight); other calendar lengths are refused
//   no timeWindow                                      → the schema's default, 28 days rolling
//   budgetingMethod Occurrences                        → occurrences
//   Timeslices, RatioTimeslices (timeSliceWindow)      → timeslices, timeSliceTarget when given (else the objective)
//   alertPolicies, metadata.labels, annotations        → alerting (openslo-alerting.ts, openslo-spanlens.ts)
//
// References are followed where an SLO leads (indicatorRef, alertPolicyRef, conditionRef, targetRef) and must name an
// object of the same file; objects no SLO uses (a file of Services, DataSources) are checked against the spec only.
// A valid file without SLOs imports none. Composite OpenSLO SLOs (an indicator per objective) are refused.
import type { YamlPath } from '@/lib/text/yaml-source'
import { readLabels, readTiers, shorthandSeconds } from './openslo-alerting'
import { readOpenSloObjects, type OpenSloObject, type OpenSloObjects } from './openslo-objects'
import { MAX_NAME, toDnsLabel, type Objective, type SliSpec, type TimeWindow } from './openslo-schemas'
import { readIndicator, readSli, readSpanlensAnnotations, SPANLENS_ANNOTATIONS, type SpanlensAnnotations } from './openslo-spanlens'
import { sloInput, type Slo } from './schemas'
import {
  fileErrorMap,
  finishImport,
  fractionOfPercent,
  nested,
  readSloFile,
  reportIssues,
  type Located,
  type Report,
  type SloImportResult,
} from './yaml-errors'

export function importOpenSlo(text: string): SloImportResult {
  const file = readSloFile(text, 'SLOs')
  if (file.errors.length > 0) return finishImport(file.errors, [])
  const objects = readOpenSloObjects(file)
  const slos: Slo[] = []
  const names = new Map<string, Located>()
  for (const object of objects.list) {
    if (object.kind !== 'SLO') continue
    let taken = false
    for (const { name, at } of sloNames(object)) {
      const first = names.get(name)
      if (first) file.report(at, [], `SLO ${name} is given twice: on line ${file.lineOf(first)} and line ${file.lineOf(at)}`)
      else names.set(name, at)
      taken ||= first !== undefined
    }
    if (taken) continue
    for (const read of readSlo(object, objects, file.report) ?? []) {
      const parsed = sloInput.safeParse(read.candidate, { error: fileErrorMap })
      if (parsed.success) slos.push(parsed.data)
      else reportIssues(file.report, object.at, parsed.error.issues, read.place)
    }
  }
  return finishImport(file.errors, slos)
}

type Read = { candidate: Record<string, unknown>; place: (issuePath: YamlPath) => Located }

/** The name of the SLO read from each objective: the SLO's own, or with several objectives <name>-<objective>. */
function sloNames({ metadata, spec, at }: OpenSloObject<'SLO'>): { name: string; at: Located }[] {
  if (spec.objectives.length === 1) return [{ name: metadata.name, at: nested(at)(['metadata', 'name']) }]
  const labels = spec.objectives.map((objective, index) => toDnsLabel(objective.displayName ?? '', 30) || String(index + 1))
  const distinct = new Set(labels).size === labels.length
  return labels.map((label, index) => {
    const suffix = distinct ? label : String(index + 1)
    const base = metadata.name.slice(0, MAX_NAME - suffix.length - 1).replace(/-+$/, '')
    return { name: `${base}-${suffix}`, at: nested(at)(['spec', 'objectives', index]) }
  })
}

/** The SLO of each objective as the schema reads it, and where each of its fields came from; null after reporting why not. */
function readSlo(slo: OpenSloObject<'SLO'>, objects: OpenSloObjects, report: Report): Read[] | null {
  const at = nested(slo.at)
  const { metadata, spec } = slo
  const composite = spec.objectives.findIndex((objective) => objective.indicator !== undefined || objective.indicatorRef !== undefined)
  if (composite >= 0)
    return (
      report(
        at(['spec', 'objectives', composite]),
        [],
        'composite OpenSLO SLOs (an indicator per objective) are not supported: a Spanlens composite joins whole SLOs',
      ),
      null
    )
  let failed = false
  const fail: Report = (where, path, message) => {
    failed = true
    report(where, path, message)
  }
  const sliSpec = spec.indicator
    ? { spec: spec.indicator.spec, at: at(['spec', 'indicator', 'spec']) }
    : indicatorByRef(spec.indicatorRef!, at(['spec', 'indicatorRef']), objects, fail)
  const indicator = sliSpec ? readIndicator(sliSpec.spec, sliSpec.at, objects, fail) : null
  const annotations = readSpanlensAnnotations(metadata, slo.at, fail)
  const window =
    spec.timeWindow && annotations ? readWindow(spec.timeWindow[0]!, at(['spec', 'timeWindow', 0]), annotations, fail) : undefined
  const labels = readLabels(metadata, slo.at, fail)
  const tiers = readTiers(slo, objects, fail)
  const names = sloNames(slo)
  const reads = spec.objectives.map((objective, index) => {
    const objectiveAt = at(['spec', 'objectives', index])
    const sli = indicator ? readSli(indicator, objective, objectiveAt, fail) : null
    const budgeting = annotations
      ? readBudgeting(spec.budgetingMethod, objective, objectiveAt, annotations.timeSlicesFollowObjective, fail)
      : null
    return { objective, objectiveAt, sli, budgeting, name: names[index]! }
  })
  if (failed || !indicator || !annotations || !labels || tiers === null) return null

  const selector = indicator.selector?.spec
  const selectorAt = (key: string) => (indicator.selector ? nested(indicator.selector.at)([key]) : indicator.at)
  const several = reads.length > 1
  return reads.map(({ objective, objectiveAt, sli, budgeting, name }, index) => {
    const displayName = several
      ? `${metadata.displayName ?? metadata.name}: ${objective.displayName ?? `objective ${index + 1}`}`
      : undefined
    const candidate = definedOnly({
      name: name.name,
      displayName: displayName?.slice(0, 120).trimEnd() ?? metadata.displayName, // 120: the schema's longest
      description: spec.description,
      service: sli!.kind === 'composite' ? undefined : spec.service,
      operation: selector?.operation,
      spanKind: selector?.spanKind,
      sli,
      objective: objective.target ?? fractionOfPercent(objective.targetPercent!),
      window,
      ...budgeting,
      alerting: definedOnly({ tiers, minEvents: annotations.minEvents, channels: annotations.channels, labels: labels.labels }),
    })
    const places: Record<string, Located> = {
      name: name.at,
      displayName: several ? objectiveAt : at(['metadata', 'displayName']),
      description: at(['spec', 'description']),
      service: at(['spec', 'service']),
      operation: selectorAt('operation'),
      spanKind: selectorAt('spanKind'),
      sli: indicator.at,
      'sli.thresholdMs': nested(objectiveAt)(['value']),
      'sli.members': selectorAt('members'),
      objective: nested(objectiveAt)([objective.target === undefined ? 'targetPercent' : 'target']),
      window: at(['spec', 'timeWindow', 0, 'duration']),
      'window.timeZone': at(['spec', 'timeWindow', 0, 'calendar', 'timeZone']),
      'window.startTime': at(['spec', 'timeWindow', 0, 'calendar', 'startTime']),
      budgeting: at(['spec', 'budgetingMethod']),
      timeSliceTarget: nested(objectiveAt)(['timeSliceTarget']),
      'alerting.tiers': at(['spec', 'alertPolicies']),
      'alerting.minEvents': at(['metadata', 'annotations', SPANLENS_ANNOTATIONS.minEvents]),
      'alerting.channels': at(['metadata', 'annotations', SPANLENS_ANNOTATIONS.channels]),
      'alerting.labels': at(['metadata', 'labels']),
    }
    const place = (issuePath: YamlPath): Located => {
      const [head, next, ...rest] = issuePath
      if (head === 'alerting' && next === 'labels' && typeof rest[0] === 'string')
        return at(['metadata', 'labels', labels.keys.get(rest[0]) ?? rest[0]])
      const two = places[`${String(head)}.${String(next)}`]
      if (two) return head === 'sli' && next === 'members' ? nested(two)(rest) : two
      return places[String(head)] ?? slo.at
    }
    return { candidate, place }
  })
}

function indicatorByRef(name: string, refAt: Located, objects: OpenSloObjects, report: Report): { spec: SliSpec; at: Located } | null {
  const sli = objects.resolve('SLI', name, refAt, report)
  return sli ? { spec: sli.spec, at: nested(sli.at)(['spec']) } : null
}

// OpenSLO's own time-slices example writes a calendar month as `1m` (its comment says "month"): a calendar
// window of one minute means nothing for an SLO, so `1m` reads as the month it is meant to be.
const CALENDAR_UNITS: Record<string, 'month' | 'week'> = { '1M': 'month', '1m': 'month', '1w': 'week' }

/** The window as the schema reads it, or null after reporting why Spanlens has no such window. */
function readWindow(window: TimeWindow, at: Located, annotations: SpanlensAnnotations, report: Report): Record<string, unknown> | null {
  if (window.isRolling) {
    const duration = shorthandSeconds(window.duration)
    return duration === null ? (report(at, ['duration'], 'expected a duration such as 28d'), null) : { kind: 'rolling', duration }
  }
  const unit = CALENDAR_UNITS[window.duration]
  if (!unit) {
    const message = `a calendar window of ${window.duration}: Spanlens calendar windows are one month (1M) or one week (1w)`
    return (report(at, ['duration'], message), null)
  }
  const { startTime, timeZone } = window.calendar ?? {}
  if (!annotations.calendarStartsAtDefault) return definedOnly({ kind: 'calendar', unit, timeZone, startTime })
  if (startTime !== undefined && !isDefaultStart(startTime, unit))
    return (
      report(
        nested(at)(['calendar', 'startTime']),
        [],
        `${SPANLENS_ANNOTATIONS.calendarStart} says the periods start on ${unit === 'month' ? 'the 1st' : 'Monday'} at midnight, and ${startTime} is not such a start: remove the annotation to start the periods here`,
      ),
      null
    )
  return definedOnly({ kind: 'calendar', unit, timeZone })
}

/** Is a calendar.startTime ("2024-01-01 00:00:00") a start the periods have without one: a 1st (a Monday) at midnight? */
function isDefaultStart(startTime: string, unit: 'month' | 'week'): boolean {
  const [year, month, day] = startTime.slice(0, 10).split('-').map(Number) as [number, number, number]
  const midnight = startTime.endsWith(' 00:00:00')
  return midnight && (unit === 'month' ? day === 1 : new Date(Date.UTC(year, month - 1, day)).getUTCDay() === 1)
}

/**
 * Spanlens judges one-minute time slices: a timeSliceWindow of another length (5m, 1h, or a number of minutes) is
 * read as one-minute slices with the same target, the closest Spanlens has.
 */
function readBudgeting(
  method: OpenSloObject<'SLO'>['spec']['budgetingMethod'],
  objective: Objective,
  objectiveAt: Located,
  followsObjective: boolean,
  report: Report,
): { budgeting: Slo['budgeting']; timeSliceTarget?: number } | null {
  if (method === 'Occurrences') return { budgeting: 'occurrences' }
  const { timeSliceWindow, timeSliceTarget, target } = objective
  if (timeSliceWindow === undefined) return (report(objectiveAt, [], `timeSliceWindow is required with ${method}: 1m`), null)
  if (followsObjective && timeSliceTarget !== undefined && timeSliceTarget !== (target ?? timeSliceTarget))
    return (
      report(objectiveAt, ['timeSliceTarget'], 'spanlens.io/time-slice-target says the objective; remove it to give a target of its own'),
      null
    )
  return followsObjective || timeSliceTarget === undefined ? { budgeting: 'timeslices' } : { budgeting: 'timeslices', timeSliceTarget }
}

/** The object without its undefined fields, so the schema's defaults apply and equal objects compare equal. */
function definedOnly<T extends Record<string, unknown>>(object: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined))
}
