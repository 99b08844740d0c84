// Reading the SLO files we import (OpenSLO, Sloth) all or nothing, as lib/alerts/rules-yaml.ts reads alert rules:
// every problem comes back with the 1-based line (and column) of the key at fault, or of its nearest enclosing key
// when the key is absent, and nothing is imported while any is left.
import { LineCounter, parseAllDocuments, type Document } from 'yaml'
import type { z } from 'zod'
import { keyPosition, pathLabel, positionAt, yamlErrorMessage, type YamlPath } from '@/lib/text/yaml-source'
import type { Slo } from './schemas'

export const MAX_SLO_FILE_BYTES = 1024 * 1024 // UTF-8 bytes

/** The shape of lib/alerts/rules-yaml.ts' RulesYamlError: `path` as people read it (spec.objectives[0].target). */
export type SloFileError = { line: number; column?: number; path: string; message: string }
export type SloImportResult = { ok: true; slos: Slo[] } | { ok: false; errors: SloFileError[] }

/** Where a value was read: its YAML document and the path to it from the document's root. */
export type Located = { document: Document; path: YamlPath }
/** Reports a problem at a path under a located value (`[]`: the value itself). */
export type Report = (where: Located, path: YamlPath, message: string) => void

/** A zod issue as the imports read it (zod 4's $ZodIssue, narrowed to what is used). */
type Issue = { code: string; message: string; path: PropertyKey[]; keys?: string[]; issues?: readonly { message: string }[] }

export type SloFile = {
  /** The documents' roots as plain values, each with its document; empty documents (`---` alone) left out. */
  roots: { value: unknown; at: Located }[]
  errors: SloFileError[]
  report: Report
  /** The line a located key (or list item) is written on. */
  lineOf: (where: Located) => number
}

/** Parses every YAML document of the file; syntax errors (and files too large or empty) come back as errors, with no roots. */
export function readSloFile(text: string, what: string): SloFile {
  const errors: SloFileError[] = []
  const lineCounter = new LineCounter()
  const report: Report = (where, path, message) => {
    const full = [...where.path, ...path]
    errors.push({ ...keyPosition(where.document, full, lineCounter), path: pathLabel(full), message })
  }
  const lineOf = (where: Located) => keyPosition(where.document, where.path, lineCounter).line
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (normalized.length > MAX_SLO_FILE_BYTES || new TextEncoder().encode(normalized).byteLength > MAX_SLO_FILE_BYTES)
    return { roots: [], errors: [fileError(`the file is larger than ${MAX_SLO_FILE_BYTES / 1024 / 1024} MB; split it`)], report, lineOf }
  if (normalized.trim() === '') return { roots: [], errors: [fileError(`the file is empty: no ${what} to import`)], report, lineOf }

  const documents = parseAllDocuments(normalized, { lineCounter, prettyErrors: false })
  for (const document of documents)
    for (const error of document.errors)
      errors.push({ ...positionAt(lineCounter, error.pos[0]), path: '', message: yamlErrorMessage(error) })
  if (errors.length > 0) return { roots: [], errors, report, lineOf }
  const roots: SloFile['roots'] = []
  for (const document of documents) {
    const at = { document, path: [] }
    try {
      const value: unknown = document.toJS()
      if (value !== null && value !== undefined) roots.push({ value, at })
    } catch (error) {
      // yaml refuses to expand aliases past maxAliasCount (100): a file that would blow up in memory.
      report(at, [], error instanceof Error ? error.message : String(error))
    }
  }
  return { roots, errors, report, lineOf }
}

const REQUIRED = 'is required'

/** Pass to safeParse: zod's default messages in the words of a file ("service is required", "expected a number"). */
export const fileErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') return issue.input === undefined ? REQUIRED : `expected ${EXPECTED[issue.expected] ?? issue.expected}`
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`
  return undefined
}
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
}

/** Each issue of a failed parse at its place in the file; `place` maps an issue's path to where that value was read. */
export function reportIssues(report: Report, where: Located, issues: readonly Issue[], place: (path: YamlPath) => Located = nested(where)) {
  for (const issue of issues) {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)))
    const key = path.findLast((part) => typeof part === 'string') ?? 'this'
    if (issue.code === 'unrecognized_keys' && issue.keys)
      for (const unknown of issue.keys) report(place([...path, unknown]), [], `unknown key "${unknown}"`)
    else if (issue.code === 'invalid_key')
      report(place(path), [], issue.issues?.[0]?.message ?? issue.message) // the key's own message
    else report(place(path), [], issue.message === REQUIRED ? `${key} is required` : issue.message)
  }
}

/** The result: the SLOs, or every error sorted by place (the same problem on the same line once). */
export function finishImport(errors: readonly SloFileError[], slos: Slo[]): SloImportResult {
  if (errors.length === 0) return { ok: true, slos }
  const sorted = [...errors].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
  return { ok: false, errors: sorted.filter((error, index) => sorted.findIndex((other) => sameError(other, error)) === index) }
}

export const nested =
  (where: Located) =>
  (path: YamlPath): Located => ({ document: where.document, path: [...where.path, ...path] })

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** 99.9 → 0.999, not 0.9990000000000001: objectives are written in percent with a few decimals. */
export const fractionOfPercent = (percent: number) => Number((percent / 100).toPrecision(12))

const fileError = (message: string): SloFileError => ({ line: 1, path: '', message })
const sameError = (a: SloFileError, b: SloFileError) => a.line === b.line && a.message === b.message
