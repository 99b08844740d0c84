import { describe, expect, test } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { keyPosition, nodePosition, pathLabel, positionAt, unknownKeyMessage, yamlErrorMessage, type YamlPath } from './yaml-source'

const SOURCE = `groups:
  - name: g
    labels:
      team: a
    rules:
      - alert: A
        spanlens: &shared { kind: error_rate }
      - alert: B
        spanlens: *shared
`

const read = (text: string) => {
  const lineCounter = new LineCounter()
  return { document: parseDocument(text, { lineCounter }), lineCounter }
}

test('positionAt: 1-based line and column of an offset', () => {
  const { lineCounter } = read(SOURCE)
  expect(positionAt(lineCounter, 0)).toEqual({ line: 1, column: 1 })
  expect(positionAt(lineCounter, SOURCE.indexOf('name'))).toEqual({ line: 2, column: 5 })
})

describe('keyPosition: where the key or list item is written', () => {
  test.each<[string, YamlPath, number, number]>([
    ['the root', [], 1, 1],
    ['a key', ['groups', 0, 'labels', 'team'], 4, 7],
    ['a list item, at its dash', ['groups', 0, 'rules', 1], 8, 9],
    ['a key the file does not have: its nearest ancestor', ['groups', 0, 'labels', 'tier'], 3, 5],
    ['an item past the end of a list: the list’s key', ['groups', 3, 'name'], 1, 1],
    ['through an alias: where its anchor writes the key', ['groups', 0, 'rules', 1, 'spanlens', 'kind'], 7, 29],
  ])('%s', (_label, path, line, column) => {
    const { document, lineCounter } = read(SOURCE)
    expect(keyPosition(document, path, lineCounter)).toEqual({ line, column })
  })
})

describe('nodePosition: where the value starts', () => {
  test.each<[string, YamlPath, number, number]>([
    ['the root', [], 1, 1],
    ['a scalar', ['groups', 0, 'labels', 'team'], 4, 13],
    ['a block mapping: on the line after its key', ['groups', 0, 'labels'], 4, 7],
    ['a key the file does not have: its nearest ancestor’s value', ['groups', 0, 'labels', 'tier'], 4, 7],
    ['through an alias: the alias', ['groups', 0, 'rules', 1, 'spanlens', 'kind'], 9, 19],
  ])('%s', (_label, path, line, column) => {
    const { document, lineCounter } = read(SOURCE)
    expect(nodePosition(document, path, lineCounter)).toEqual({ line, column })
  })
})

describe('pathLabel', () => {
  test.each<[string, YamlPath, boolean, string]>([
    ['keys and indexes', ['groups', 0, 'rules', 1, 'spanlens', 'factor'], false, 'groups[0].rules[1].spanlens.factor'],
    ['a top-level list', [0, 'tier'], false, '[0].tier'],
    [
      'a name that is not an identifier',
      ['metadata', 'annotations', 'spanlens.io/tier'],
      false,
      'metadata.annotations["spanlens.io/tier"]',
    ],
    ['a name with $', ['$schema'], false, '["$schema"]'],
    ['the root', [], false, ''],
    ['continuing another label: a name takes its dot', ['tier'], true, '.tier'],
    ['continuing another label: an index', [0], true, '[0]'],
  ])('%s', (_label, path, continues, expected) => expect(pathLabel(path, { continues })).toBe(expected))
})

test('yamlErrorMessage: one line, without the position prettyErrors appends', () => {
  const text = 'groups:\n  - name: [a\n'
  const [pretty] = parseDocument(text).errors
  const [plain] = parseDocument(text, { prettyErrors: false }).errors
  expect(pretty!.message).toMatch(/ at line \d+, column \d+:\n/)
  expect(yamlErrorMessage(pretty!)).toBe(plain!.message)
  expect(yamlErrorMessage(plain!)).toBe('Flow sequence in block collection must be sufficiently indented and end with a ]')
})

describe('unknownKeyMessage', () => {
  test.each<[string, string, string[], string]>([
    [
      'a near miss is suggested',
      'annotation',
      ['alert', 'annotations'],
      'unknown key "annotation" (did you mean annotations?); expected alert, annotations',
    ],
    ['a transposition is near', 'tema', ['name', 'team'], 'unknown key "tema" (did you mean team?); expected name, team'],
    ['nothing near: only the keys expected', 'alerts', ['groups'], 'unknown key "alerts"; expected groups'],
  ])('%s', (_label, key, known, expected) => expect(unknownKeyMessage(key, known)).toBe(expected))
})
