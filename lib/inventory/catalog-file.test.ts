import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { isPlainText } from '@/lib/text/plain-text'
import { MAX_CATALOG_SERVICES, parseCatalogFile, type CatalogFileResult } from './catalog-file'
import type { CatalogEntry } from './schemas'

// The public Backstage samples (fixtures/formats/FORMATS-SOURCES.md, "backstage-catalog/"), read as they are.
const BACKSTAGE = path.resolve(import.meta.dirname, '../../fixtures/formats/backstage-catalog')
const sample = (file: string) => fs.readFileSync(path.join(BACKSTAGE, file), 'utf8')

const EMPTY: Omit<CatalogEntry, 'name'> = {
  catalogName: null,
  team: null,
  owner: null,
  tier: null,
  wave: null,
  plannedDate: null,
  expectedOperations: [],
  lifecycle: null,
  system: null,
}

const entriesOf = (result: CatalogFileResult) => {
  if (!result.ok) throw new Error(`expected a valid catalog, got ${JSON.stringify(result.errors)}`)
  return result.entries
}
/** [line, field, part of the message] per error, in the order reported. */
const errorsOf = (result: CatalogFileResult) => {
  if (result.ok) throw new Error('expected errors, got a valid catalog')
  return result.errors.map(({ line, field }) => [line, field])
}
const expectErrors = (result: CatalogFileResult, expected: [number | null, string | null, string][]) => {
  expect(errorsOf(result)).toEqual(expected.map(([line, field]) => [line, field]))
  if (!result.ok) expected.forEach(([, , message], index) => expect(result.errors[index]?.message).toContain(message))
}

describe('Backstage catalog-info.yaml: the public samples', () => {
  test('entities.yaml: 4 documents; Components become services, System and API are counted', () => {
    const result = parseCatalogFile(sample('entities.yaml'), { fileName: 'entities.yaml' })
    expect(result).toMatchObject({ ok: true, format: 'backstage', skipped: { System: 1, API: 1 } })
    expect(entriesOf(result)).toEqual([
      {
        ...EMPTY,
        name: 'example-website',
        catalogName: 'example-website',
        owner: 'guests',
        team: 'guests',
        lifecycle: 'experimental',
        system: 'examples',
      },
      {
        ...EMPTY,
        name: 'second-service',
        catalogName: 'second-service',
        owner: 'guests',
        team: 'guests',
        lifecycle: 'experimental',
        system: 'examples',
      },
    ])
  })

  test('demo-catalog-info.yaml: a namespace/name owner ref gives the team; no trailing newline', () => {
    const result = parseCatalogFile(sample('demo-catalog-info.yaml'))
    expect(result).toMatchObject({ ok: true, format: 'backstage', skipped: { API: 1 } })
    expect(entriesOf(result)).toEqual([
      {
        ...EMPTY,
        name: 'backstage-demo',
        catalogName: 'backstage-demo',
        owner: 'backstage/maintainers',
        team: 'maintainers',
        lifecycle: 'experimental',
      },
    ])
  })

  test.each<[string, CatalogEntry]>([
    [
      'backstage-catalog-info.yaml',
      { ...EMPTY, name: 'backstage-existing', catalogName: 'backstage-existing', owner: 'CNCF', team: 'CNCF', lifecycle: 'production' },
    ],
    [
      'artist-lookup-component.yaml',
      {
        ...EMPTY,
        name: 'artist-lookup',
        catalogName: 'artist-lookup',
        owner: 'team-a',
        team: 'team-a',
        lifecycle: 'experimental',
        system: 'artist-engagement-portal',
      },
    ],
    [
      'wayback-search-component.yaml',
      { ...EMPTY, name: 'wayback-search', catalogName: 'wayback-search', owner: 'team-a', team: 'team-a', lifecycle: 'production' },
    ],
  ])('%s: one Component', (file, entry) => {
    const result = parseCatalogFile(sample(file), { fileName: file })
    expect(result).toMatchObject({ ok: true, format: 'backstage', skipped: {} })
    expect(entriesOf(result)).toEqual([entry])
  })

  test('invalid-component.yaml: the name with a space is refused on its line (4)', () => {
    const result = parseCatalogFile(sample('invalid-component.yaml'), { fileName: 'invalid-component.yaml' })
    expect(result.format).toBe('backstage')
    expectErrors(result, [[4, 'metadata.name', 'Backstage entity name rule']])
  })

  test('invalid-component.yaml, named: a kind-qualified owner ref (user:guest) gives the name part as team', () => {
    const named = sample('invalid-component.yaml').replace('name: invalid component', 'name: valid-component')
    expect(entriesOf(parseCatalogFile(named))[0]).toMatchObject({ name: 'valid-component', owner: 'user:guest', team: 'guest' })
  })

  test('entities.yaml twice in one file: each Component is a duplicate naming both lines', () => {
    const once = sample('entities.yaml')
    const lines = once.split('\n').length - 1
    const result = parseCatalogFile(once + once)
    expectErrors(result, [
      [14 + lines, 'metadata.name', `on line 14 and line ${14 + lines}`],
      [28 + lines, 'metadata.name', `on line 28 and line ${28 + lines}`],
    ])
  })
})

const component = (name: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${extra}spec:
  type: service
  lifecycle: production
  owner: group:default/team-a
`

describe('Backstage catalog-info.yaml: our annotations and Backstage’s rules', () => {
  test('spanlens.io annotations map to the Jaeger name, tier, wave, planned date and expected operations', () => {
    const annotations = `  annotations:
    spanlens.io/jaeger-service: checkout.api
    spanlens.io/tier: "1"
    spanlens.io/wave: "0"
    spanlens.io/planned-date: "2026-03-02"
    spanlens.io/expected-operations: "GET /cart, POST /cart/items ,"
`
    expect(entriesOf(parseCatalogFile(component('checkout', annotations)))).toEqual([
      {
        name: 'checkout.api',
        catalogName: 'checkout',
        team: 'team-a',
        owner: 'group:default/team-a',
        tier: 1,
        wave: 0,
        plannedDate: '2026-03-02',
        expectedOperations: ['GET /cart', 'POST /cart/items'],
        lifecycle: 'production',
        system: null,
      },
    ])
  })

  test.each<[string, string, [number | null, string | null, string][]]>([
    [
      'spec.owner, spec.lifecycle and spec.type are required: on the line of spec',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\nspec:\n  system: s\n',
      [
        [6, 'spec.type', 'spec.type is required'],
        [6, 'spec.lifecycle', 'spec.lifecycle is required'],
        [6, 'spec.owner', 'spec.owner is required'],
      ],
    ],
    [
      'no spec at all: on the line of the entity',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n',
      [[1, 'spec', 'spec']],
    ],
    ['a blank owner: on its line', component('a').replace('owner: group:default/team-a', "owner: ''"), [[8, 'spec.owner', 'required']]],
    [
      'no metadata.name',
      'kind: Component\napiVersion: v1\nmetadata:\n  title: A\nspec: {type: s, lifecycle: l, owner: o}\n',
      [[4, 'metadata.name', 'name']],
    ],
    ['a name of 64 characters', component('a'.repeat(64)), [[4, 'metadata.name', 'at most 63']]],
    [
      'a bad tier annotation, on its line',
      component('a', '  annotations:\n    spanlens.io/tier: "5"\n'),
      [[6, 'metadata.annotations["spanlens.io/tier"]', 'from 1 to 3']],
    ],
    [
      'an annotation that is not text',
      component('a', '  annotations:\n    spanlens.io/wave: 2\n'),
      [[6, 'metadata.annotations["spanlens.io/wave"]', 'quote it']],
    ],
    [
      'an unknown spanlens.io annotation',
      component('a', '  annotations:\n    spanlens.io/teir: "1"\n'),
      [[6, 'metadata.annotations["spanlens.io/teir"]', 'unknown annotation']],
    ],
    [
      'an annotated Jaeger name that is not one',
      component('a', '  annotations:\n    spanlens.io/jaeger-service: "bad name"\n'),
      [[6, 'metadata.annotations["spanlens.io/jaeger-service"]', 'letters, digits']],
    ],
    [
      'two Components annotated with the same Jaeger service',
      `${component('a', '  annotations:\n    spanlens.io/jaeger-service: shop\n')}---\n${component('b', '  annotations:\n    spanlens.io/jaeger-service: shop\n')}`,
      [[17, 'metadata.annotations["spanlens.io/jaeger-service"]', 'on line 6 and line 17']],
    ],
    ['an entity without kind', `${component('a')}---\napiVersion: v1\nmetadata: {name: b}\n`, [[10, 'kind', 'kind is required']]],
    [
      'a YAML error in the second document',
      `${component('a')}---\nkind: Component\nmetadata: {name: [b}\n`,
      [
        [11, null, 'Flow sequence'],
        [11, null, 'Flow map'],
      ],
    ],
    [
      'only other kinds: no services',
      'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: s}\n',
      [[null, null, 'no services']],
    ],
  ])('%s', (_label, text, expected) => {
    const result = parseCatalogFile(text)
    expect(result.format).toBe('backstage')
    expectErrors(result, expected)
  })
})

describe('our YAML', () => {
  test('a mapping with services:, both spellings of the keys, nulls where missing', () => {
    const text = `# the payments rollout
services:
  - name: payments-api
    team: payments
    owner: ana@example.com
    tier: 1
    wave: 0
    plannedDate: 2026-01-15
    expectedOperations: [GET /payments, POST /payments]
    lifecycle: production
    system: billing
  - name: ledger
    planned_date: "2026-02-01"
    expected_operations:
      - Ledger/Append
`
    expect(parseCatalogFile(text, { fileName: 'inventory.yaml' })).toEqual({
      ok: true,
      format: 'yaml',
      skipped: {},
      entries: [
        {
          ...EMPTY,
          name: 'payments-api',
          team: 'payments',
          owner: 'ana@example.com',
          tier: 1,
          wave: 0,
          plannedDate: '2026-01-15',
          expectedOperations: ['GET /payments', 'POST /payments'],
          lifecycle: 'production',
          system: 'billing',
        },
        { ...EMPTY, name: 'ledger', plannedDate: '2026-02-01', expectedOperations: ['Ledger/Append'] },
      ],
    })
  })

  test('a top-level list; a tier written as text is read as a number', () => {
    expect(entriesOf(parseCatalogFile('- name: a\n  tier: "2"\n- name: b\n'))).toEqual([
      { ...EMPTY, name: 'a', tier: 2 },
      { ...EMPTY, name: 'b' },
    ])
  })

  test.each<[string, string, [number | null, string | null, string][]]>([
    ['a tier of 4', 'services:\n  - name: a\n    tier: 4\n', [[3, 'services[0].tier', 'from 1 to 3']]],
    ['a tier of 1.5', '- name: a\n- name: b\n  tier: 1.5\n', [[3, '[1].tier', 'whole number']]],
    ['a wave of 21', '- name: a\n  wave: 21\n', [[2, '[0].wave', 'from 0 to 20']]],
    ['a day that does not exist', '- name: a\n  planned_date: 2026-02-30\n', [[2, '[0].planned_date', 'YYYY-MM-DD']]],
    ['a date in another format', '- name: a\n  plannedDate: 15/01/2026\n', [[2, '[0].plannedDate', 'YYYY-MM-DD']]],
    ['an unknown key', '- name: a\n  tema: x\n', [[2, '[0].tema', 'unknown key "tema"']]],
    [
      'both spellings of one key',
      '- name: a\n  plannedDate: 2026-01-01\n  planned_date: 2026-01-01\n',
      [[3, '[0].planned_date', 'given twice']],
    ],
    ['no name', '- name: a\n- team: payments\n', [[2, '[1].name', 'enter a service name']]],
    ['a name Jaeger would not have', '- name: "payments api"\n', [[1, '[0].name', 'letters, digits']]],
    ['operations that are not a list', '- name: a\n  expectedOperations: GET /a\n', [[2, '[0].expectedOperations', 'list']]],
    ['a NUL in a team', '- name: a\n  team: "pay\\0ments"\n', [[2, '[0].team', 'control characters']]],
    [
      'a line break in an operation',
      '- name: a\n  expectedOperations: ["GET\\n/a"]\n',
      [[2, '[0].expectedOperations[0]', 'control characters']],
    ],
    ['a service that is not a mapping', 'services:\n  - just-a-name\n', [[2, 'services[0]', 'expected a service']]],
    ['services: that is not a list', 'services:\n  name: a\n', [[2, 'services', 'expected a list']]],
    ['an unknown top-level key', 'version: 2\nservices:\n  - name: a\n', [[1, 'version', 'unknown key']]],
    ['a YAML syntax error', 'services:\n  - name: a\n    tier: [1\n  - name: b\n', [[4, null, 'Flow sequence']]],
    ['a duplicated key', '- name: a\n  name: b\n', [[2, null, 'unique']]],
    [
      'aliases that would expand past yaml’s limit (a "billion laughs")',
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nservices: [*c, *c, *c]\n',
      [[1, null, 'Excessive alias count']],
    ],
    ['a second document', '- name: a\n---\n- name: b\n', [[2, null, 'one YAML document']]],
    ['no services', 'services: []\n', [[null, null, 'no services']]],
    ['only a comment', '# nothing yet\n', [[null, null, 'no services']]],
    ['an empty file', '', [[null, null, 'empty']]],
    ['blank lines only', '\n  \n', [[null, null, 'empty']]],
    [
      'the same name twice, both lines named',
      '- name: a\n- name: b\n- name: a\n  tier: 1\n',
      [[3, '[2].name', 'service a is listed twice: on line 1 and line 3']],
    ],
    [
      'every problem, not only the first',
      'services:\n  - name: a\n    tier: 0\n  - name: b\n    wave: -1\n    plannedDate: soon\n',
      [
        [3, 'services[0].tier', 'from 1 to 3'],
        [5, 'services[1].wave', 'from 0 to 20'],
        [6, 'services[1].plannedDate', 'YYYY-MM-DD'],
      ],
    ],
  ])('%s', (_label, text, expected) => {
    const result = parseCatalogFile(text, { fileName: 'catalog.yaml' })
    expect(result.format).toBe('yaml')
    expectErrors(result, expected)
  })
})

describe('our CSV', () => {
  test('headers in any case, plannedDate accepted, operations split on ; or |, blank lines, CRLF and a BOM', () => {
    const text =
      '\uFEFFName,TEAM,owner,tier,wave,plannedDate,expected_operations,lifecycle,system\r\n' +
      'payments-api,payments,ana@example.com,1,0,2026-01-15,GET /payments; POST /payments,production,billing\r\n' +
      '\r\n' +
      'ledger,,,,,,Ledger/Append|Ledger/Read,,\r\n'
    expect(parseCatalogFile(text)).toEqual({
      ok: true,
      format: 'csv',
      skipped: {},
      entries: [
        {
          ...EMPTY,
          name: 'payments-api',
          team: 'payments',
          owner: 'ana@example.com',
          tier: 1,
          wave: 0,
          plannedDate: '2026-01-15',
          expectedOperations: ['GET /payments', 'POST /payments'],
          lifecycle: 'production',
          system: 'billing',
        },
        { ...EMPTY, name: 'ledger', expectedOperations: ['Ledger/Append', 'Ledger/Read'] },
      ],
    })
  })

  test('a quoted cell over several lines: its lines are operations, and later rows keep their physical line numbers', () => {
    const text = 'name,expected_operations,tier\nsvc-a,"GET /a\nGET /b\nGET /c",1\nsvc-b,,9\n'
    expectErrors(parseCatalogFile(text), [[5, 'tier', 'from 1 to 3']])
    expect(entriesOf(parseCatalogFile(text.replace(',9', ',2')))[0]?.expectedOperations).toEqual(['GET /a', 'GET /b', 'GET /c'])
  })

  test.each<[string, string, [number | null, string | null, string][]]>([
    ['a bad tier', 'name,tier\na,1\nb,high\n', [[3, 'tier', 'whole number']]],
    ['a bad date', 'name,planned_date\na,2026-13-01\n', [[2, 'planned_date', 'YYYY-MM-DD']]],
    [
      'an unknown column, named',
      'name,team,squad,Tier\na,b,c,1\n',
      [[1, 'squad', 'unknown column "squad" (column 3); expected name, team, owner']],
    ],
    ['a column twice', 'name,planned_date,plannedDate\na,,\n', [[1, 'plannedDate', 'given twice']]],
    ['no name column', 'team,tier\npayments,1\n', [[1, 'name', 'no name column']]],
    ['a row with a cell too many', 'name,team\na,b,c\n', [[2, null, 'expected 2 cells']]],
    ['a blank name', 'name,team\n,payments\n', [[2, 'name', 'enter a service name']]],
    ['a quote never closed', 'name,team\na,b\n"c,d\ne,f\n', [[3, null, 'never closed']]],
    ['a NUL in a cell', 'name,team\na,pay\u0000ments\n', [[2, 'team', 'control characters']]],
    ['a line break inside a team', 'name,team\na,"pay\nments"\nb,x\n', [[2, 'team', 'control characters']]],
    [
      'the same name twice, both lines named',
      'name,tier\na,1\nb,2\n"a",3\n',
      [[4, 'name', 'service a is listed twice: on line 2 and line 4']],
    ],
    ['a header only', 'name,team\n', [[null, null, 'no services']]],
    ['an empty file', '', [[null, null, 'empty']]],
  ])('%s', (_label, text, expected) => {
    const result = parseCatalogFile(text, { fileName: 'catalog.csv' })
    expect(result.format).toBe('csv')
    expectErrors(result, expected)
  })
})

describe('format and limits', () => {
  test.each<[string, string, string | undefined, CatalogFileResult['format']]>([
    ['a CSV header, no file name', 'name,team\na,b\n', undefined, 'csv'],
    ['a one-column CSV, no file name', 'name\na\n', undefined, 'csv'],
    ['a .csv name wins over content', 'name: a\n', 'x.CSV', 'csv'],
    ['a .yml name wins over content', 'name,team\n', 'x.yml', 'yaml'],
    ['our YAML', '- name: a\n', 'catalog.txt', 'yaml'],
    ['a document with kind', 'kind: Group\nmetadata: {name: g}\n', undefined, 'backstage'],
    ['catalog-info.yaml by name', '- name: a\n', 'repo/catalog-info.yaml', 'backstage'],
  ])('%s', (_label, text, fileName, format) => expect(parseCatalogFile(text, { fileName }).format).toBe(format))

  test(`at most ${MAX_CATALOG_SERVICES} services`, () => {
    const names = Array.from({ length: MAX_CATALOG_SERVICES + 1 }, (_, index) => `svc-${index}`)
    expectErrors(parseCatalogFile(`name\n${names.join('\n')}\n`), [[null, null, 'at most 5,000']])
    expect(entriesOf(parseCatalogFile(`name\n${names.slice(1).join('\n')}\n`))).toHaveLength(MAX_CATALOG_SERVICES)
  })

  test('at most 2 MB', () => {
    expectErrors(parseCatalogFile(`name\n${'a'.repeat(2 * 1024 * 1024)}\n`), [[null, null, 'at most 2 MB']])
    // Counted in UTF-8 bytes: 1.4 M × "é" is 1.4 M characters but 2.8 MB.
    expectErrors(parseCatalogFile(`name,team\na,${'é'.repeat(1_400_000)}\n`), [[null, null, 'at most 2 MB']])
  })
})

describe('round trip', () => {
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
    .map((value) => value.trim())
    .filter((value) => value !== '' && isPlainText(value))
  const operation = text.filter((value) => !/[;|,]/.test(value))
  const entry: fc.Arbitrary<CatalogEntry> = fc.record({
    name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,40}$/),
    catalogName: fc.constant(null),
    team: fc.option(text),
    owner: fc.option(text),
    tier: fc.option(fc.integer({ min: 1, max: 3 })),
    wave: fc.option(fc.integer({ min: 0, max: 20 })),
    plannedDate: fc.option(
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((day) => day.toISOString().slice(0, 10)),
    ),
    expectedOperations: fc.uniqueArray(operation, { maxLength: 5 }),
    lifecycle: fc.option(text),
    system: fc.option(text),
  })
  const catalog = fc.uniqueArray(entry, { selector: (service) => service.name, minLength: 1, maxLength: 20 })

  test('a valid catalog written as our YAML reads back the same', () => {
    fc.assert(
      fc.property(catalog, (entries) => {
        const services = entries.map(({ catalogName: _catalogName, ...service }) => service)
        expect(entriesOf(parseCatalogFile(stringify({ services }), { fileName: 'catalog.yaml' }))).toEqual(entries)
      }),
    )
  })

  test('a valid catalog written as our CSV reads back the same', () => {
    fc.assert(
      fc.property(catalog, (entries) => {
        const csv = Papa.unparse(
          entries.map(({ catalogName: _catalogName, plannedDate, expectedOperations, ...service }) => ({
            ...service,
            planned_date: plannedDate,
            expected_operations: expectedOperations.join('; '),
          })),
        )
        expect(entriesOf(parseCatalogFile(csv))).toEqual(entries)
      }),
    )
  })
})
