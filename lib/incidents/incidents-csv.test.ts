import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { INCIDENT_CSV_COLUMNS, MAX_INCIDENT_CSV_ROWS, parseIncidentsCsv, type IncidentsCsvImport } from './incidents-csv'

const HEADER = INCIDENT_CSV_COLUMNS.join(',')
const csv = (...lines: string[]) => lines.join('\n')
const errorsOf = (result: IncidentsCsvImport) => (result.ok ? [] : result.errors)
const rowsOf = (result: IncidentsCsvImport) => {
  if (!result.ok) throw new Error(`expected the import to pass, got ${JSON.stringify(result.errors)}`)
  return result.rows
}

describe('parseIncidentsCsv: what it accepts', () => {
  test('every column, each time form, each spelling of traces_used', () => {
    const rows = rowsOf(
      parseIncidentsCsv(
        csv(
          HEADER,
          'INC-1,pagerduty,Checkout down,checkout;payments,2026-03-01T09:30:00+01:00,2026-03-01 08:35,2026-03-01 10:05:30,yes,4bf92f3577b34da6a3ce929d0e0e4736;00F067AA0BA902B7',
          'INC-2,,,checkout,2026-03-02T10:00:00Z,,,,',
          'INC-3,csv,,payments ; search ,2026-03-03 12:00,,2026-03-03T13:00:00Z,0,',
        ),
      ),
    )
    expect(rows).toEqual([
      {
        line: 2,
        incident: {
          id: 'INC-1',
          source: 'pagerduty',
          title: 'Checkout down',
          services: ['checkout', 'payments'],
          startedAt: new Date('2026-03-01T08:30:00Z'),
          detectedAt: new Date('2026-03-01T08:35:00Z'), // YYYY-MM-DD HH:MM is UTC
          resolvedAt: new Date('2026-03-01T10:05:30Z'),
          tracesUsed: true,
          traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736', '000000000000000000f067aa0ba902b7'],
        },
      },
      {
        line: 3,
        incident: {
          id: 'INC-2',
          source: null,
          title: null,
          services: ['checkout'],
          startedAt: new Date('2026-03-02T10:00:00Z'),
          detectedAt: null,
          resolvedAt: null,
          tracesUsed: null,
          traceIds: [],
        },
      },
      {
        line: 4,
        incident: expect.objectContaining({
          services: ['payments', 'search'],
          startedAt: new Date('2026-03-03T12:00:00Z'),
          tracesUsed: false,
        }),
      },
    ])
  })

  test.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['0', false],
    ['', null],
  ])('traces_used %j reads as %s', (cell, tracesUsed) => {
    const rows = rowsOf(parseIncidentsCsv(csv('external_id,services,started_at,traces_used', `INC-1,checkout,2026-03-01 09:30,${cell}`)))
    expect(rows[0]?.incident.tracesUsed).toBe(tracesUsed)
  })

  test('a spreadsheet’s file: BOM, CRLF, columns in another order and case, quoted commas, quotes and line breaks (a cell’s Alt+Enter), blank lines', () => {
    const text =
      '\uFEFFServices,External_ID,Title,Started_At\r\n' +
      'checkout,INC-1,"Checkout, then payments",2026-03-01 09:30\r\n' +
      '\r\n' +
      '"payments;\r\nsearch;\r\n",INC-2,Payments slow,2026-03-01 10:30\r\n' +
      '   \r\n' +
      'search,INC-3,"He said ""slow""",2026-03-01 11:30\r\n'
    const rows = rowsOf(parseIncidentsCsv(text))
    expect(rows.map(({ line, incident }) => [line, incident.id, incident.title, incident.services])).toEqual([
      [2, 'INC-1', 'Checkout, then payments', ['checkout']],
      [4, 'INC-2', 'Payments slow', ['payments', 'search']],
      [8, 'INC-3', 'He said "slow"', ['search']],
    ])
  })

  test('only detected_at: the start is unknown, detection starts the clock', () => {
    const rows = rowsOf(
      parseIncidentsCsv(csv('external_id,services,detected_at,resolved_at', 'INC-1,checkout,2026-03-01 09:30,2026-03-01 10:00')),
    )
    expect(rows[0]?.incident).toMatchObject({ startedAt: null, detectedAt: new Date('2026-03-01T09:30:00Z') })
  })

  test('property: incidents written with Papa.unparse read back the same, each on its line', () => {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    const incident = fc.record({
      title: fc.stringMatching(/^[a-zA-Z0-9 ,"]{1,30}$/).filter((title) => title.trim() === title && title.length > 0),
      services: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), { minLength: 1, maxLength: 4 }),
      startedAt: instant,
      durationMs: fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 }), { nil: null }),
      tracesUsed: fc.option(fc.boolean(), { nil: null }),
      servicesSeparator: fc.constantFrom(';', '; ', ';\n'),
    })
    fc.assert(
      fc.property(fc.array(incident, { minLength: 1, maxLength: 20 }), (incidents) => {
        const records = incidents.map((item, index) => ({
          external_id: `INC-${index}`,
          title: item.title,
          services: item.services.join(item.servicesSeparator),
          started_at: item.startedAt.toISOString(),
          resolved_at: item.durationMs === null ? '' : new Date(item.startedAt.getTime() + item.durationMs).toISOString(),
          traces_used: item.tracesUsed === null ? '' : String(item.tracesUsed),
        }))
        const rows = rowsOf(parseIncidentsCsv(Papa.unparse(records)))
        let line = 2
        rows.forEach((row, index) => {
          const item = incidents[index]!
          expect(row.line).toBe(line)
          line += 1 + (item.servicesSeparator === ';\n' ? item.services.length - 1 : 0)
          expect(row.incident).toMatchObject({
            id: `INC-${index}`,
            title: item.title,
            services: item.services,
            startedAt: item.startedAt,
            tracesUsed: item.tracesUsed,
          })
          expect(row.incident.resolvedAt?.getTime() ?? null).toBe(
            item.durationMs === null ? null : item.startedAt.getTime() + item.durationMs,
          )
        })
      }),
      { numRuns: 50 },
    )
  })
})

describe('parseIncidentsCsv: all or nothing, every problem with its line', () => {
  test('a file with problems on several lines lists each, and imports none', () => {
    const result = parseIncidentsCsv(
      csv(
        HEADER,
        'INC-1,pagerduty,"a title on',
        'two lines",checkout,2026-03-01 09:30,,2026-03-01 09:00,maybe,abc;4bf92f3577b34da6a3ce929d0e0e4736',
        'INC-2,,,,2026-02-30 10:00,,,,',
        ',,,checkout,,,,,',
        'INC-1,,,payment service,2026-03-01T09:30:00,,,,',
        'INC-5,,,checkout,2026-03-01 09:30,,,',
        'INC-6,,,checkout,2026-03-01 09:30,,,true,',
      ),
    )
    expect(errorsOf(result)).toEqual([
      { line: 2, field: 'traces_used', message: 'expected true/false, yes/no, 1/0 or empty' },
      { line: 2, field: 'title', message: 'no control characters or broken unicode' },
      { line: 2, field: 'trace_ids', message: 'expected a trace id of 16 or 32 hex digits (item 1)' },
      { line: 2, field: 'resolved_at', message: 'resolved before it started' },
      { line: 4, field: 'services', message: 'list at least one service' },
      {
        line: 4,
        field: 'started_at',
        message: 'expected an ISO 8601 date-time with an offset (2026-03-01T09:30:00+01:00) or YYYY-MM-DD HH:MM in UTC',
      },
      { line: 5, field: 'external_id', message: 'enter the incident id' },
      { line: 5, field: 'started_at', message: 'give the time the incident started or was detected' },
      { line: 6, field: 'services', message: 'letters, digits and . _ : / - only (item 1)' },
      {
        line: 6,
        field: 'started_at',
        message: 'expected an ISO 8601 date-time with an offset (2026-03-01T09:30:00+01:00) or YYYY-MM-DD HH:MM in UTC',
      },
      { line: 6, field: 'external_id', message: 'external id INC-1 is also on line 2' },
      { line: 7, field: null, message: 'expected 9 fields (one per header column), found 8' },
    ])
  })

  test.each([
    [
      'resolved before it was detected',
      'external_id,services,detected_at,resolved_at',
      'INC-1,checkout,2026-03-01 10:00,2026-03-01 09:59',
      'resolved_at',
      'resolved before it was detected',
    ],
    [
      'no time, in a file with only detected_at',
      'external_id,services,detected_at',
      'INC-1,checkout,',
      'detected_at',
      'give the time the incident started or was detected',
    ],
    [
      'an all-zero trace id',
      'external_id,services,started_at,trace_ids',
      `INC-1,checkout,2026-03-01 10:00,${'0'.repeat(16)}`,
      'trace_ids',
      'a trace id of all zeros is not a trace (item 1)',
    ],
    [
      'an offset without a colon',
      'external_id,services,started_at',
      'INC-1,checkout,2026-03-01T10:00:00+0100',
      'started_at',
      expect.stringContaining('ISO 8601'),
    ],
    [
      'a date without a time',
      'external_id,services,started_at',
      'INC-1,checkout,2026-03-01',
      'started_at',
      expect.stringContaining('ISO 8601'),
    ],
  ])('%s', (_label, header, row, field, message) => {
    expect(errorsOf(parseIncidentsCsv(csv(header, row)))).toEqual([{ line: 2, field, message }])
  })

  test.each([
    ['an empty file', '', [{ line: 1, field: null, message: expect.stringContaining('the file is empty') }]],
    ['only blank lines', '\n  \n', [{ line: 1, field: null, message: expect.stringContaining('the file is empty') }]],
    ['a header and nothing else', `${HEADER}\n`, [{ line: 2, field: null, message: 'no incidents below the header' }]],
    [
      'a misspelt column',
      'external_id,service,started_at\nINC-1,checkout,2026-03-01 10:00',
      [
        { line: 1, field: null, message: expect.stringContaining('unknown column "service"') },
        { line: 1, field: 'services', message: 'the header has no services column' },
      ],
    ],
    [
      'a column twice',
      'external_id,services,started_at,services\n',
      [{ line: 1, field: 'services', message: 'column services appears twice' }],
    ],
    [
      'no time column',
      'external_id,services,resolved_at\n',
      [{ line: 1, field: 'started_at', message: 'the header needs a started_at or a detected_at column' }],
    ],
    [
      'an unclosed quote (nothing after it can be trusted)',
      csv(
        'external_id,services,started_at',
        'INC-1,checkout,2026-03-01 10:00',
        'INC-2,"checkout,2026-03-01 10:00',
        'INC-3,checkout,2026-03-01 10:00',
      ),
      [{ line: 3, field: null, message: expect.stringContaining('CSV quoting') }],
    ],
  ])('%s', (_label, text, errors) => {
    expect(errorsOf(parseIncidentsCsv(text))).toEqual(errors)
  })

  test(`at most ${MAX_INCIDENT_CSV_ROWS.toLocaleString('en')} incidents by default; the row past the cap is named`, () => {
    expect(MAX_INCIDENT_CSV_ROWS).toBe(10_000)
    const rows = Array.from({ length: 4 }, (_, index) => `INC-${index},checkout,2026-03-01 10:00`)
    expect(rowsOf(parseIncidentsCsv(csv('external_id,services,started_at', ...rows.slice(0, 3)), { maxRows: 3 }))).toHaveLength(3)
    expect(errorsOf(parseIncidentsCsv(csv('external_id,services,started_at', '', ...rows), { maxRows: 3 }))).toEqual([
      { line: 6, field: null, message: 'more than 3 incidents in one file: split it' },
    ])
  })
})
