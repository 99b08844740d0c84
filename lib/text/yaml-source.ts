// Where things are written in a YAML source, for the imports that answer every problem with its line
// (lib/inventory/catalog-file.ts, lib/alerts/rules-yaml.ts): positions of keys and values, paths as
// people read them, and yaml's parse errors and unknown keys in words.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type YAMLError } from 'yaml'

/** Keys and list indexes from a document's root, as a zod issue's path names a place. */
export type YamlPath = readonly (string | number)[]
/** 1-based, as editors count. */
export type YamlPosition = { line: number; column: number }

export function positionAt(lineCounter: LineCounter, offset: number): YamlPosition {
  const { line, col } = lineCounter.linePos(offset)
  return { line, column: col }
}

/** Where the key (or list item) at path is written, or its nearest ancestor's; an alias on the way is followed to its anchor. */
export function keyPosition(document: Document, path: YamlPath, lineCounter: LineCounter): YamlPosition {
  let node: unknown = document.contents
  let offset = document.contents?.range?.[0] ?? 0
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(document)
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part))
      if (!pair || !isScalar(pair.key) || !pair.key.range) break
      offset = pair.key.range[0]
      node = pair.value
    } else if (isSeq(node) && typeof part === 'number') {
      const item: unknown = node.items[part]
      if (!item || typeof item !== 'object' || !('range' in item) || !Array.isArray(item.range)) break
      offset = item.range[0] as number
      node = item
    } else break
  }
  return positionAt(lineCounter, offset)
}

/**
 * Where the value at path starts, or its nearest ancestor's value: a block mapping starts on the line after
 * its key. Found as yaml's getIn finds it, so an alias on the way is as deep as it goes.
 */
export function nodePosition(document: Document, path: YamlPath, lineCounter: LineCounter): YamlPosition {
  for (let depth = path.length; depth > 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true)
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) return positionAt(lineCounter, node.range[0])
  }
  return positionAt(lineCounter, document.contents?.range?.[0] ?? document.range?.[0] ?? 0)
}

/**
 * groups[0].rules[2].labels.severity, metadata.annotations["spanlens.io/tier"]: a path as people read it
 * (names that are not identifiers in brackets). `continues` when it is appended to another label.
 */
export function pathLabel(path: YamlPath, { continues = false } = {}): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`
      if (!/^[A-Za-z_]\w*$/.test(part)) return `[${JSON.stringify(part)}]`
      return index === 0 && !continues ? part : `.${part}`
    })
    .join('')
}

/** yaml's message without the " at line 4, column 3:" and code excerpt that prettyErrors adds: the position is reported beside it. */
export const yamlErrorMessage = (error: YAMLError) =>
  (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const near = known.find((candidate) => distance(candidate, key) <= 2)
  return `unknown key "${key}"${near ? ` (did you mean ${near}?)` : ''}; expected ${known.join(', ')}`
}

/** Levenshtein distance, for "did you mean" on short keys. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}
