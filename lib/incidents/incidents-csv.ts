// The incidents CSV import: all or nothing, every problem listed with its physical line (a quoted
// field spanning lines counts each) and column. Each row is checked by the same schema as the webhook.
//
// Columns (header row required, any order, names case-insensitive): external_id, services, and
// started_at or detected_at; optionally source, title, resolved_at, traces_used, trace_ids.
// - services, trace_ids: `;`-separated (`checkout;payments`).
// - times: ISO 8601 with an offset (`2026-03-01T09:30:00+01:00`, `…Z`), or `YYYY-MM-DD HH:MM[:SS]`,
//   which is read as UTC (what spreadsheets write when they drop the zone); empty = not known.
// - traces_used: true/false, yes/no, 1/0 (any case), or empty for "not recorded".
import Papa from 'papaparse'
import { incidentInput, type IncidentInput } from './schemas'

export const INCIDENT_CSV_COLUMNS = [
  'external_id',
  'source',
  'title',
  'services',
  'started_at',
  'detected_at',
  'resolved_at',
  'traces_used',
  'trace_ids',
] as const
export type IncidentCsvColumn = (typeof INCIDENT_CSV_COLUMNS)[number]

const FIELD_OF = {
  external_id: 'id',
  source: 'source',
  title: 'title',
  services: 'services',
  started_at: 'startedAt',
  detected_at: 'detectedAt',
  resolved_at: 'resolvedAt',
  traces_used: 'tracesUsed',
  trace_ids: 'traceIds',
} as const satisfies Record<IncidentCsvColumn, keyof IncidentInput>
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column])) as Record<
  keyof IncidentInput,
  IncidentCsvColumn
>
const TIME_COLUMNS: readonly IncidentCsvColumn[] = ['started_at', 'detected_at', 'resolved_at']

/** One request's worth: a bigger history is split into several files. */
export const MAX_INCIDENT_CSV_ROWS = 10_000

export type IncidentsCsvError = { line: number; field: IncidentCsvColumn | null; message: string }
export type IncidentsCsvRow = { line: number; incident: IncidentInput }
export type IncidentsCsvImport = { ok: true; rows: IncidentsCsvRow[] } | { ok: false; errors: IncidentsCsvError[] }

const TIME_MESSAGE = 'expected an ISO 8601 date-time with an offset (2026-03-01T09:30:00+01:00) or YYYY-MM-DD HH:MM in UTC'
const UTC_WALL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?$/
const BOOLEANS: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false }

const list = (cell: string) =>
  cell
    .split(';')
    .map((value) => value.trim())
    .filter(Boolean)
/** `YYYY-MM-DD HH:MM[:SS]` becomes the same wall time in UTC; anything else goes to the schema as written. */
const instantText = (cell: string) =>
  cell.replace(UTC_WALL_TIME, (_, date: string, time: string, seconds = ':00') => `${date}T${time}${seconds}Z`)
const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '')

export function parseIncidentsCsv(text: string, { maxRows = MAX_INCIDENT_CSV_ROWS } = {}): IncidentsCsvImport {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  // The delimiter is fixed: auto-detection could pick the `;` inside the list columns.
  const parsed = Papa.parse<string[]>(normalized, { delimiter: ',', newline: '\n', quoteChar: '"', header: false })

  // Physical line of each record: a record spans one line plus one per line break inside its quoted fields.
  const lines: number[] = []
  let next = 1
  for (const cells of parsed.data) {
    lines.push(next)
    next += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0)
  }
  const lineOf = (record: number) => lines[record] ?? next

  if (parsed.errors.length > 0) {
    // A broken quote shifts every record after it: report it alone rather than guess at the rest.
    return {
      ok: false,
      errors: parsed.errors.map((error) => ({ line: lineOf(error.row ?? 0), field: null, message: `${error.message} (CSV quoting)` })),
    }
  }

  const headerIndex = parsed.data.findIndex((cells) => !isBlank(cells))
  const headerCells = parsed.data[headerIndex]
  if (!headerCells) {
    return failure([{ line: 1, field: null, message: `the file is empty: expected a header row (${INCIDENT_CSV_COLUMNS.join(',')})` }])
  }
  const header = readHeader(headerCells, lineOf(headerIndex))
  if ('errors' in header) return failure(header.errors)

  const errors: IncidentsCsvError[] = []
  const rows: IncidentsCsvRow[] = []
  const lineOfId = new Map<string, number>()
  let count = 0
  for (let record = headerIndex + 1; record < parsed.data.length; record++) {
    const cells = parsed.data[record]!
    if (isBlank(cells)) continue
    const line = lineOf(record)
    if (++count > maxRows) {
      errors.push({ line, field: null, message: `more than ${maxRows.toLocaleString('en')} incidents in one file: split it` })
      break
    }
    if (cells.length !== header.columns.length) {
      errors.push({ line, field: null, message: `expected ${header.columns.length} fields (one per header column), found ${cells.length}` })
      continue
    }
    const row = readRow(header.columns, cells, line)
    errors.push(...row.errors)
    const id = row.candidate.id
    if (typeof id === 'string' && id !== '') {
      const first = lineOfId.get(id)
      if (first !== undefined) errors.push({ line, field: 'external_id', message: `external id ${id} is also on line ${first}` })
      else lineOfId.set(id, line)
    }
    if (row.incident) rows.push({ line, incident: row.incident })
  }
  if (count === 0 && errors.length === 0) {
    errors.push({ line: lineOf(headerIndex) + 1, field: null, message: 'no incidents below the header' })
  }
  return errors.length > 0 ? failure(errors) : { ok: true, rows }
}

const failure = (errors: IncidentsCsvError[]): IncidentsCsvImport => ({
  ok: false,
  errors: errors.toSorted((a, b) => a.line - b.line),
})

function readHeader(cells: string[], line: number): { columns: IncidentCsvColumn[] } | { errors: IncidentsCsvError[] } {
  const errors: IncidentsCsvError[] = []
  const columns: IncidentCsvColumn[] = []
  for (const cell of cells) {
    const name = cell.trim().toLowerCase()
    if (!(INCIDENT_CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line, field: null, message: `unknown column "${cell.trim()}"; the columns are ${INCIDENT_CSV_COLUMNS.join(', ')}` })
      continue
    }
    const column = name as IncidentCsvColumn
    if (columns.includes(column)) errors.push({ line, field: column, message: `column ${column} appears twice` })
    columns.push(column)
  }
  for (const required of ['external_id', 'services'] as const) {
    if (!columns.includes(required)) errors.push({ line, field: required, message: `the header has no ${required} column` })
  }
  if (!columns.includes('started_at') && !columns.includes('detected_at')) {
    errors.push({ line, field: 'started_at', message: 'the header needs a started_at or a detected_at column' })
  }
  return errors.length > 0 ? { errors } : { columns }
}

function readRow(
  columns: IncidentCsvColumn[],
  cells: string[],
  line: number,
): { candidate: Record<string, unknown>; incident: IncidentInput | null; errors: IncidentsCsvError[] } {
  const errors: IncidentsCsvError[] = []
  const candidate: Record<string, unknown> = {}
  columns.forEach((column, index) => {
    const cell = cells[index]!.trim()
    const field = FIELD_OF[column]
    if (column === 'services' || column === 'trace_ids') candidate[field] = list(cell)
    else if (TIME_COLUMNS.includes(column)) candidate[field] = cell === '' ? null : instantText(cell)
    else if (column === 'traces_used') {
      const value = cell === '' ? null : BOOLEANS[cell.toLowerCase()]
      if (value === undefined) errors.push({ line, field: column, message: 'expected true/false, yes/no, 1/0 or empty' })
      candidate[field] = value ?? null
    } else candidate[field] = column === 'external_id' || cell !== '' ? cell : null
  })
  const parsed = incidentInput.safeParse(candidate)
  if (parsed.success) return { candidate, incident: errors.length > 0 ? null : parsed.data, errors }
  for (const issue of parsed.error.issues) {
    const named = COLUMN_OF[issue.path[0] as keyof IncidentInput] ?? null
    // "Started or detected" is said of started_at; a file with only detected_at hears it there.
    const column = named === 'started_at' && !columns.includes(named) ? 'detected_at' : named
    const position = typeof issue.path[1] === 'number' ? ` (item ${issue.path[1] + 1})` : ''
    const message = column && TIME_COLUMNS.includes(column) && issue.code === 'invalid_format' ? TIME_MESSAGE : issue.message
    errors.push({ line, field: column, message: `${message}${position}` })
  }
  return { candidate, incident: null, errors }
}
