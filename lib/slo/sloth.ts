// Sloth SLO specs (github.com/slok/sloth) read into Spanlens SLOs, all or nothing: every problem comes back with its
// line. A file holds prometheus/v1 specs or Kubernetes PrometheusServiceLevel resources, several documents apart
// (sloth-schemas.ts checks them as Sloth does).
//
//   service; slos[].name, description           → service, name, description. A name that two services of the file
//                                                 both use becomes <service>-<name> (Sloth's SLO id): Spanlens SLO
//                                                 names are unique, Sloth's only within a service
//   slos[].objective (percent)                    → objective (99.9 → 0.999)
//   sli.events | sli.raw | sli.plugin             → availability over the service's entry spans. Sloth SLIs are PromQL
//                                                 (or a plugin's PromQL), which Spanlens cannot turn into a selection
//                                                 of spans: the queries are checked as Sloth checks them, not read
//   (window)                                      → 30 days rolling: the spec has no window; Sloth's default SLO period
//                                                 (sloth generate --default-slo-period) is 30 days
//   alerting.page_alert, unless disable: true     → page_fast, page_slow; ticket_alert → ticket_fast, ticket_slow (at
//                                                 30 days, Sloth's own multi-window alerts are these tiers)
//   labels, slos[].labels, alerting.labels        → the alerts' labels, merged in that order as Sloth merges them. The
//                                                 page and ticket alerts' own labels and annotations are not read:
//                                                 Spanlens' tiers share one set
import type { YamlPath } from '@/lib/text/yaml-source'
import { sloInput, sloNameSchema, type BurnTier, type Slo } from './schemas'
import {
  serviceLevelSchema,
  SLOTH_API_VERSION,
  SLOTH_KEYS,
  SLOTH_KIND,
  SLOTH_VERSION,
  type SlothAlert,
  type SlothKeys,
  type SlothServiceLevel,
  type SlothSlo,
} from './sloth-schemas'
import {
  fileErrorMap,
  finishImport,
  fractionOfPercent,
  isRecord,
  nested,
  readSloFile,
  reportIssues,
  type Located,
  type Report,
  type SloImportResult,
} from './yaml-errors'

const SLOTH_WINDOW_SECONDS = 30 * 86_400

/** One SLO of the file before the schema reads it: its Sloth service and name, and where its parts were written. */
type Candidate = {
  service: string
  slo: SlothSlo
  index: number
  keys: SlothKeys
  serviceLevel: SlothServiceLevel
  at: Located
  sloAt: Located
}

export function importSloth(text: string): SloImportResult {
  const file = readSloFile(text, 'SLOs')
  if (file.errors.length > 0) return finishImport(file.errors, [])
  const candidates: Candidate[] = []
  for (const root of file.roots) {
    const read = readServiceLevel(root.value, root.at, file.report)
    if (read)
      read.serviceLevel.slos.forEach((slo, index) =>
        candidates.push({ ...read, service: read.serviceLevel.service, slo, index, sloAt: nested(read.at)(['slos', index]) }),
      )
  }

  const ids = new Map<string, Located>()
  const services = new Map<string, Set<string>>()
  for (const { service, slo, sloAt } of candidates) {
    const nameAt = nested(sloAt)(['name'])
    const id = `${service}-${slo.name}`
    const taken = ids.get(id)
    if (taken)
      file.report(nameAt, [], `SLO ${slo.name} of ${service} is given twice: on line ${file.lineOf(taken)} and line ${file.lineOf(nameAt)}`)
    ids.set(id, nameAt)
    services.set(slo.name, (services.get(slo.name) ?? new Set()).add(service))
  }
  const slos: Slo[] = []
  for (const candidate of candidates) {
    const name = (services.get(candidate.slo.name)?.size ?? 0) > 1 ? `${candidate.service}-${candidate.slo.name}` : candidate.slo.name
    const slo = readSlo(candidate, name, file.report)
    if (slo) slos.push(slo)
  }
  return finishImport(file.errors, slos)
}

/** A document's service level and the dialect it is written in, or null after reporting why it is none. */
function readServiceLevel(
  root: unknown,
  at: Located,
  report: Report,
): { serviceLevel: SlothServiceLevel; keys: SlothKeys; at: Located } | null {
  if (!isRecord(root)) return (report(at, [], `expected a Sloth spec: version: ${SLOTH_VERSION}, service and slos`), null)
  let keys: SlothKeys = SLOTH_KEYS.prometheus
  let specAt = at
  if ('apiVersion' in root || 'kind' in root) {
    const { apiVersion, kind } = root
    if (typeof apiVersion === 'string' && apiVersion.startsWith('openslo/'))
      return (report(at, ['apiVersion'], 'this is an OpenSLO document, not Sloth: import it as OpenSLO'), null)
    if (apiVersion !== SLOTH_API_VERSION)
      return (
        report(
          at,
          ['apiVersion'],
          `apiVersion ${JSON.stringify(apiVersion)}: a Sloth resource is ${SLOTH_API_VERSION}, kind ${SLOTH_KIND}`,
        ),
        null
      )
    if (kind !== SLOTH_KIND)
      return (report(at, ['kind'], `kind ${JSON.stringify(kind)} holds no SLOs: Spanlens reads kind ${SLOTH_KIND}`), null)
    keys = SLOTH_KEYS.kubernetes
    specAt = nested(at)(['spec'])
  } else if (root.version !== SLOTH_VERSION) {
    const message =
      root.version === undefined
        ? `version: ${SLOTH_VERSION} is required`
        : `version ${JSON.stringify(root.version)} is not supported: Sloth specs are ${SLOTH_VERSION}`
    return (report(at, ['version'], message), null)
  }
  const parsed = serviceLevelSchema(keys).safeParse(keys === SLOTH_KEYS.kubernetes ? root.spec : root, { error: fileErrorMap })
  if (!parsed.success) return (reportIssues(report, specAt, parsed.error.issues), null)
  return { serviceLevel: parsed.data as SlothServiceLevel, keys, at: specAt }
}

function readSlo({ service, slo, index, keys, serviceLevel, at, sloAt }: Candidate, name: string, report: Report): Slo | null {
  const objective = fractionOfPercent(slo.objective)
  const nameAt = nested(sloAt)(['name'])
  if (!sloNameSchema.safeParse(name).success)
    return (report(nameAt, [], `${name} is not a Spanlens SLO name: lowercase letters, digits and -, at most 63 characters`), null)
  if (objective < 0.5 || objective > 0.99999)
    return (report(sloAt, ['objective'], `Spanlens objectives are 50 % to 99.999 %, not ${slo.objective} %`), null)

  const alert = (key: string) => slo.alerting?.[key] as SlothAlert
  const tiers: BurnTier[] = [
    ...(alert(keys.pageAlert)?.disable ? [] : (['page_fast', 'page_slow'] as const)),
    ...(alert(keys.ticketAlert)?.disable ? [] : (['ticket_fast', 'ticket_slow'] as const)),
  ]
  const labelAt = new Map<string, Located>()
  const labels: Record<string, string> = {}
  const merge = (source: Record<string, unknown> | undefined, path: YamlPath) => {
    for (const [label, value] of Object.entries(source ?? {})) {
      labels[label] = String(value)
      labelAt.set(label, nested(at)([...path, label]))
    }
  }
  merge(serviceLevel.labels, ['labels'])
  merge(slo.labels, ['slos', index, 'labels'])
  merge(slo.alerting?.labels, ['slos', index, 'alerting', 'labels'])

  const candidate = {
    name,
    ...(slo.description === undefined ? {} : { description: slo.description }),
    service,
    sli: { kind: 'availability' },
    objective,
    window: { kind: 'rolling', duration: SLOTH_WINDOW_SECONDS },
    alerting: { tiers, labels },
  }
  const parsed = sloInput.safeParse(candidate, { error: fileErrorMap })
  if (parsed.success) return parsed.data
  const place = ([head, next, label]: YamlPath): Located => {
    if (head === 'alerting' && next === 'labels' && typeof label === 'string') return labelAt.get(label) ?? sloAt
    if (head === 'service') return nested(at)(['service'])
    if (head === 'name' || head === 'description' || head === 'objective') return nested(sloAt)([head])
    return sloAt
  }
  reportIssues(report, sloAt, parsed.error.issues, place)
  return null
}
