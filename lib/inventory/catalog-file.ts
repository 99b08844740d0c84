// Reads a service-inventory catalog file (our YAML, our CSV, or Backstage catalog-info.yaml) into
// catalog entries, all or nothing: every problem in the file comes back with its 1-based line and field.
import Papa from 'papaparse'
import { LineCounter, parseAllDocuments, type Document } from 'yaml'
import { nodePosition, pathLabel, positionAt, unknownKeyMessage, yamlErrorMessage, type YamlPath } from '@/lib/text/yaml-source'
import { backstageComponentSchema, catalogEntrySchema, type BackstageComponent, type CatalogEntry } from './schemas'

export const MAX_CATALOG_BYTES = 2 * 1024 * 1024 // UTF-8 bytes
export const MAX_CATALOG_SERVICES = 5_000

export type CatalogFormat = 'yaml' | 'csv' | 'backstage'
export type CatalogFileError = { line: number | null; field: string | null; message: string }
export type CatalogFileResult =
  | { ok: true; format: CatalogFormat; entries: CatalogEntry[]; skipped: Record<string, number> }
  | { ok: false; format: CatalogFormat; errors: CatalogFileError[] }

type Field = keyof CatalogEntry
type Source = { line: number; field: string }
/** One service as read from the file, before validation: its raw values, where each came from, and where it starts. */
type Candidate = { line: number; itemPath: string; values: Partial<Record<Field, unknown>>; sources: Partial<Record<Field, Source>> }
type ReadDocument = { document: Document; value: unknown }
type Read = { candidates: Candidate[]; errors: CatalogFileError[]; skipped: Record<string, number> }

/** Keys of a service in our YAML, and (lower-cased) column names of our CSV. */
const YAML_KEYS: Record<string, Field> = {
  name: 'name',
  team: 'team',
  owner: 'owner',
  tier: 'tier',
  wave: 'wave',
  plannedDate: 'plannedDate',
  planned_date: 'plannedDate',
  expectedOperations: 'expectedOperations',
  expected_operations: 'expectedOperations',
  lifecycle: 'lifecycle',
  system: 'system',
}
const CSV_COLUMNS: Record<string, Field> = Object.fromEntries(Object.entries(YAML_KEYS).map(([key, field]) => [key.toLowerCase(), field]))
const CSV_HEADER_HINT = 'name, team, owner, tier, wave, planned_date, expected_operations, lifecycle, system'

const ANNOTATION = 'spanlens.io/'
const ANNOTATION_FIELDS: Record<string, Field> = {
  'jaeger-service': 'name',
  tier: 'tier',
  wave: 'wave',
  'planned-date': 'plannedDate',
  'expected-operations': 'expectedOperations',
}

export function parseCatalogFile(text: string, options: { fileName?: string } = {}): CatalogFileResult {
  const fileName = options.fileName?.toLowerCase() ?? ''
  // One line break (\n) for papaparse and our line counts; a BOM is what spreadsheets put first.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const looksLikeCsv = fileName.endsWith('.csv') || (!/\.ya?ml$/.test(fileName) && isCsvHeader(normalized))
  const guess: CatalogFormat = looksLikeCsv ? 'csv' : /catalog-info\.ya?ml$/.test(fileName) ? 'backstage' : 'yaml'
  const bytes = text.length > MAX_CATALOG_BYTES ? text.length : new TextEncoder().encode(text).byteLength
  if (bytes > MAX_CATALOG_BYTES) {
    return failed(guess, `the file has ${count(bytes)} bytes; at most 2 MB (${count(MAX_CATALOG_BYTES)} bytes) are read`)
  }
  if (normalized.trim() === '') return failed(guess, 'the file is empty: no services to import')
  if (looksLikeCsv) return finish('csv', readCsv(normalized))

  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(normalized, { lineCounter })
  const lineOf = (offset: number) => lineCounter.linePos(offset).line
  const isBackstage = guess === 'backstage' || documents.some((document) => document.has('apiVersion') || document.has('kind'))
  const format = isBackstage ? 'backstage' : 'yaml'
  const errors = documents.flatMap((document) => document.errors.map((error) => at(lineOf(error.pos[0]), null, yamlErrorMessage(error))))
  const read: ReadDocument[] = []
  for (const document of errors.length === 0 ? documents : []) {
    try {
      read.push({ document, value: document.toJS() })
    } catch (error) {
      // yaml refuses to expand aliases past maxAliasCount (100): a file that would blow up in memory.
      errors.push(at(lineOf(document.range?.[0] ?? 0), null, error instanceof Error ? error.message : String(error)))
    }
  }
  if (errors.length > 0) return { ok: false, format, errors }
  return finish(format, isBackstage ? readBackstage(read, lineCounter) : readOwnYaml(read, lineCounter))
}

/** A CSV header is a first line with no `key:` and none of YAML's opening marks. */
function isCsvHeader(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '') ?? ''
  return !first.includes(':') && !/^\s*[-#[{%]/.test(first)
}

function readOwnYaml(documents: ReadDocument[], lineCounter: LineCounter): Read {
  const errors: CatalogFileError[] = []
  const candidates: Candidate[] = []
  const [first, ...extra] = documents
  for (const { document: other } of extra) {
    const { line } = positionAt(lineCounter, other.range?.[0] ?? 0)
    errors.push(at(line, null, 'a catalog is one YAML document (a Backstage file has apiVersion and kind)'))
  }
  if (!first) return { candidates, errors, skipped: {} }
  const { document, value: root } = first
  const where = (path: YamlPath) => ({ line: nodePosition(document, path, lineCounter).line, field: pathLabel(path) })
  let items: unknown = root
  let base: YamlPath = []
  if (isRecord(root)) {
    for (const key of Object.keys(root).filter((key) => key !== 'services')) {
      const { line } = where([key])
      errors.push(at(line, key, `unknown key "${key}": a catalog is a list of services, or a mapping with services:`))
    }
    items = root.services
    base = ['services']
  }
  if (!Array.isArray(items)) {
    errors.push(at(where(base).line, base.length > 0 ? 'services' : null, 'expected a list of services, or a mapping with services:'))
    return { candidates, errors, skipped: {} }
  }
  items.forEach((item, index) => {
    const path = [...base, index]
    const { line, field } = where(path)
    if (!isRecord(item)) return errors.push(at(line, field, 'expected a service: a mapping with at least a name'))
    const candidate: Candidate = { line, itemPath: field, values: {}, sources: {} }
    for (const [key, value] of Object.entries(item)) {
      const source = where([...path, key])
      const target = Object.hasOwn(YAML_KEYS, key) ? YAML_KEYS[key] : undefined
      if (!target) errors.push(at(source.line, source.field, unknownKeyMessage(key, Object.keys(YAML_KEYS))))
      else if (target in candidate.values) errors.push(at(source.line, source.field, `${target} is given twice`))
      else {
        candidate.values[target] = value
        candidate.sources[target] = source
      }
    }
    candidates.push(candidate)
  })
  return { candidates, errors, skipped: {} }
}

function readCsv(text: string): Read {
  const errors: CatalogFileError[] = []
  const rows: { cells: string[]; line: number }[] = []
  const lineCounter = new LineCounter()
  for (const offset of [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)]) lineCounter.addNewLine(offset)
  const lineOf = (offset: number) => lineCounter.linePos(offset).line
  const reported = new Set<string>()
  let rowStart = 0
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    step: ({ data, errors: quoteErrors, meta }) => {
      for (const error of quoteErrors) {
        const line = lineOf(error.index ?? rowStart)
        const message = error.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : `${error.message} (quotes)`
        if (!reported.has(`${line} ${message}`)) errors.push(at(line, null, message)) // papaparse repeats some
        reported.add(`${line} ${message}`)
      }
      // A row with broken quotes is not read further: its cells are whatever the quotes swallowed.
      if (quoteErrors.length === 0 && data.some((cell) => cell.trim() !== '')) rows.push({ cells: data, line: lineOf(rowStart) })
      rowStart = meta.cursor + 1 // meta.cursor: the offset just past this row, before its line break
    },
  })
  const [header, ...body] = rows
  if (!header) return { candidates: [], errors, skipped: {} }
  const columns = header.cells.map((cell) => cell.trim())
  const fields = columns.map((column, index): Field | undefined => {
    const field = Object.hasOwn(CSV_COLUMNS, column.toLowerCase()) ? CSV_COLUMNS[column.toLowerCase()] : undefined
    if (!field)
      errors.push(at(header.line, column, `unknown column ${JSON.stringify(column)} (column ${index + 1}); expected ${CSV_HEADER_HINT}`))
    else if (columns.slice(0, index).some((earlier) => CSV_COLUMNS[earlier.toLowerCase()] === field)) {
      errors.push(at(header.line, column, `column ${field} is given twice`))
    }
    return field
  })
  if (!fields.includes('name')) errors.push(at(header.line, 'name', `the header has no name column; columns are ${CSV_HEADER_HINT}`))
  if (errors.length > 0) return { candidates: [], errors, skipped: {} }
  const candidates = body.map(({ cells, line }): Candidate => {
    if (cells.length !== columns.length) {
      errors.push(at(line, null, `expected ${columns.length} cells as in the header, found ${cells.length}`))
    }
    const candidate: Candidate = { line, itemPath: '', values: {}, sources: {} }
    fields.forEach((field, index) => {
      if (!field) return
      const cell = cells[index] ?? ''
      candidate.values[field] = field === 'expectedOperations' ? splitList(cell, /[;|\n]/) : cell
      candidate.sources[field] = { line, field: columns[index] ?? field }
    })
    return candidate
  })
  return { candidates, errors, skipped: {} }
}

function readBackstage(documents: ReadDocument[], lineCounter: LineCounter): Read {
  const errors: CatalogFileError[] = []
  const candidates: Candidate[] = []
  const skipped: Record<string, number> = {}
  for (const { document, value: entity } of documents) {
    if (entity === null || entity === undefined) continue // an empty document (`---` alone) holds no entity
    const where = (path: YamlPath): Source => ({ line: nodePosition(document, path, lineCounter).line, field: pathLabel(path) })
    const line = where([]).line
    if (!isRecord(entity)) {
      errors.push(at(line, null, 'expected an entity: a mapping with apiVersion, kind, metadata and spec'))
      continue
    }
    if (typeof entity.kind !== 'string' || entity.kind === '') {
      errors.push(at(where(['kind']).line, 'kind', 'kind is required (Backstage)'))
      continue
    }
    if (entity.kind !== 'Component') {
      skipped[entity.kind] = (skipped[entity.kind] ?? 0) + 1
      continue
    }
    const parsed = backstageComponentSchema.safeParse(entity)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ ...where(issue.path as YamlPath), message: issue.message })
      continue
    }
    const annotations = parsed.data.metadata.annotations ?? {}
    for (const key of Object.keys(annotations).filter((key) => key.startsWith(ANNOTATION))) {
      if (!Object.hasOwn(ANNOTATION_FIELDS, key.slice(ANNOTATION.length))) {
        const known = Object.keys(ANNOTATION_FIELDS).map((name) => ANNOTATION + name)
        errors.push({
          ...where(['metadata', 'annotations', key]),
          message: `unknown annotation ${key}; expected one of ${known.join(', ')}`,
        })
      }
    }
    candidates.push(componentCandidate(parsed.data, line, where))
  }
  return { candidates, errors, skipped }
}

/** Maps a Component to our fields: the Jaeger name is annotated or is metadata.name; team is the owner ref's name. */
function componentCandidate({ metadata, spec }: BackstageComponent, line: number, where: (path: YamlPath) => Source): Candidate {
  const annotations = metadata.annotations ?? {}
  const candidate: Candidate = { line, itemPath: '', values: {}, sources: {} }
  const set = (field: Field, value: unknown, path: YamlPath) => {
    candidate.values[field] = value
    candidate.sources[field] = where(path)
  }
  set('name', metadata.name, ['metadata', 'name'])
  set('catalogName', metadata.name, ['metadata', 'name'])
  set('owner', spec.owner, ['spec', 'owner'])
  // An entity ref is [kind:][namespace/]name (Backstage parseEntityRef): group:default/team-a → team-a.
  set('team', spec.owner.replace(/^[^:/]*:/, '').replace(/^[^/]*\//, ''), ['spec', 'owner'])
  set('lifecycle', spec.lifecycle, ['spec', 'lifecycle'])
  set('system', spec.system, ['spec', 'system'])
  for (const [name, field] of Object.entries(ANNOTATION_FIELDS)) {
    const value = annotations[ANNOTATION + name]
    if (value === undefined) continue
    set(field, field === 'expectedOperations' ? splitList(value, /,/) : value, ['metadata', 'annotations', ANNOTATION + name])
  }
  return candidate
}

/** Validates every candidate, then names duplicates; entries only when nothing at all is wrong. */
function finish(format: CatalogFormat, { candidates, errors, skipped }: Read): CatalogFileResult {
  if (candidates.length > MAX_CATALOG_SERVICES) {
    return failed(format, `the file lists ${count(candidates.length)} services; at most ${count(MAX_CATALOG_SERVICES)} are read at once`)
  }
  if (candidates.length === 0 && errors.length === 0) return failed(format, 'the file lists no services')
  const entries: CatalogEntry[] = []
  const firstLine = new Map<string, number>()
  for (const candidate of candidates) {
    const name = catalogEntrySchema.shape.name.safeParse(candidate.values.name)
    const { line, field } = sourceOf(candidate, 'name')
    const earlier = name.success ? firstLine.get(name.data) : undefined
    if (name.success && earlier !== undefined)
      errors.push(at(line, field, `service ${name.data} is listed twice: on line ${earlier} and line ${line}`))
    if (name.success && earlier === undefined) firstLine.set(name.data, line)
    const parsed = catalogEntrySchema.safeParse(candidate.values)
    if (parsed.success) entries.push(parsed.data)
    for (const issue of parsed.error?.issues ?? []) {
      const [key, ...rest] = issue.path
      const source = sourceOf(candidate, key as Field)
      errors.push(at(source.line, source.field + pathLabel(rest as YamlPath, { continues: true }), issue.message))
    }
  }
  if (errors.length > 0) return { ok: false, format, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }
  return { ok: true, format, entries, skipped }
}

/** Where a field was read, or where it would have been: its service's start. */
const sourceOf = (candidate: Candidate, field: Field): Source =>
  candidate.sources[field] ?? { line: candidate.line, field: candidate.itemPath ? `${candidate.itemPath}.${field}` : field }

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '')

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const at = (line: number | null, field: string | null, message: string): CatalogFileError => ({ line, field, message })

/** A problem with the file as a whole (no line): its size, or nothing in it. */
const failed = (format: CatalogFormat, message: string): CatalogFileResult => ({ ok: false, format, errors: [at(null, null, message)] })

const count = (value: number) => value.toLocaleString('en')
