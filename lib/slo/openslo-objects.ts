// The OpenSLO v1 objects of a file, checked one by one against the spec (openslo-schemas.ts), and found by kind
// and name when another object refers to them. A YAML document holds one object or a list of them (as go-sdk
// and oslo read files), and a file may hold several documents.
import { z } from 'zod'
import { isRecord, nested, reportIssues, fileErrorMap, type Located, type Report, type SloFile } from './yaml-errors'
import {
  metadataSchema,
  OPENSLO_API_VERSION,
  OPENSLO_KINDS,
  OPENSLO_SPECS,
  type OpenSloKind,
  type OpenSloMetadata,
} from './openslo-schemas'

type Specs = { [Kind in OpenSloKind]: z.output<(typeof OPENSLO_SPECS)[Kind]> }
/** One checked object, and where it was read. */
export type OpenSloObject<Kind extends OpenSloKind = OpenSloKind> = {
  [K in Kind]: { kind: K; metadata: OpenSloMetadata; spec: Specs[K]; at: Located }
}[Kind]

export type OpenSloObjects = {
  list: OpenSloObject[]
  /**
   * The object a reference names (indicatorRef, alertPolicyRef, conditionRef, targetRef), or null after reporting
   * at the reference why there is none: not in the file, or given twice.
   */
  resolve: <Kind extends OpenSloKind>(kind: Kind, name: string, from: Located, report: Report) => OpenSloObject<Kind> | null
}

/** Every object of the file that passes the spec; each one that does not is reported and left out. */
export function readOpenSloObjects({ roots, report }: SloFile): OpenSloObjects {
  const list: OpenSloObject[] = []
  for (const root of roots) {
    const entries = Array.isArray(root.value) ? root.value.map((value, index) => ({ value, at: nested(root.at)([index]) })) : [root]
    for (const { value, at } of entries) {
      const object = readObject(value, at, report)
      if (object) list.push(object)
    }
  }
  const resolve = <Kind extends OpenSloKind>(kind: Kind, name: string, from: Located, report: Report) => {
    const found = list.filter((object) => object.kind === kind && object.metadata.name === name)
    if (found.length === 1) return found[0] as OpenSloObject<Kind>
    if (found.length === 0) report(from, [], `${kind} ${name} is not in the file: add it, or write it inline`)
    else report(from, [], `${kind} ${name} is given ${found.length} times in the file: which one is meant is unclear`)
    return null
  }
  return { list, resolve }
}

function readObject(value: unknown, at: Located, report: Report): OpenSloObject | null {
  if (!isRecord(value)) return (report(at, [], 'expected an OpenSLO object: a mapping with apiVersion, kind, metadata and spec'), null)
  const { apiVersion, kind } = value
  if (apiVersion !== OPENSLO_API_VERSION) {
    if (apiVersion !== undefined)
      report(at, ['apiVersion'], `apiVersion ${JSON.stringify(apiVersion)} is not supported: Spanlens reads ${OPENSLO_API_VERSION}`)
    else if ('version' in value && 'slos' in value) report(at, ['version'], 'this is a Sloth spec, not OpenSLO: import it as a Sloth file')
    else report(at, [], `apiVersion is required: ${OPENSLO_API_VERSION}`)
    return null
  }
  if (!OPENSLO_KINDS.includes(kind as OpenSloKind)) {
    report(
      at,
      ['kind'],
      `${kind === undefined ? 'kind is required' : `kind ${JSON.stringify(kind)} is not an OpenSLO v1 kind`}: one of ${OPENSLO_KINDS.join(', ')}`,
    )
    return null
  }
  const schema = z.object({ metadata: metadataSchema, spec: OPENSLO_SPECS[kind as OpenSloKind] })
  const parsed = schema.safeParse(value, { error: fileErrorMap })
  if (!parsed.success) return (reportIssues(report, at, parsed.error.issues), null)
  return { kind, metadata: parsed.data.metadata, spec: parsed.data.spec, at } as OpenSloObject
}
