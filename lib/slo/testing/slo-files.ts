// Builders and readers for the tests of the SLO file imports (OpenSLO, Sloth) and the OpenSLO export (test code only).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { importOpenSlo } from '../openslo'
import type { Slo } from '../schemas'
import type { SloImportResult } from '../yaml-errors'

export const ALL_TIERS: Slo['alerting']['tiers'] = ['page_fast', 'page_slow', 'ticket_fast', 'ticket_slow']

/** Formats with public samples in fixtures/formats/<format>/ (sources in fixtures/formats/FORMATS-SOURCES.md), read as they are. */
export type SampleFormat = 'openslo' | 'sloth'
const samplesFolder = (format: SampleFormat) => path.resolve(import.meta.dirname, '../../../fixtures/formats', format)
export const readSample = (format: SampleFormat, file: string) => fs.readFileSync(path.join(samplesFolder(format), file), 'utf8')
/** The sample files of a format, sorted. */
export const listSamples = (format: SampleFormat) =>
  fs
    .readdirSync(samplesFolder(format))
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()

export const slosOf = (result: SloImportResult) => {
  if (!result.ok) throw new Error(`expected SLOs, got ${JSON.stringify(result.errors)}`)
  return result.slos
}
/** [line, path, part of the message] of one error. */
export type ExpectedError = readonly [line: number, path: string, message: string]
/** Every error, in the order reported. */
export const expectErrors = (result: SloImportResult, expected: readonly ExpectedError[]) => {
  if (result.ok) throw new Error('expected errors, got SLOs')
  expect(result.errors.map(({ line, path }) => [line, path])).toEqual(expected.map(([line, path]) => [line, path]))
  expected.forEach(([, , message], index) => expect(result.errors[index]?.message).toContain(message))
}

/** What a sample reads as: SLOs, or errors. */
export type SampleExpectation = { slos: Slo[] } | { errors: ExpectedError[] }
/** One test per sample file, and one that fails when a sample has no entry in `expected`. */
export function describeSamples(
  title: string,
  format: SampleFormat,
  importSlos: (text: string) => SloImportResult,
  expected: Record<string, SampleExpectation>,
) {
  describe(title, () => {
    test('every sample file is covered', () => {
      expect(listSamples(format)).toEqual(Object.keys(expected).sort())
    })

    test.each(Object.entries(expected))('%s', (file, expectation) => {
      const result = importSlos(readSample(format, file))
      if ('slos' in expectation) expect(slosOf(result)).toStrictEqual(expectation.slos)
      else expectErrors(result, expectation.errors)
    })
  })
}

export const prometheusSource = { metricSource: { type: 'Prometheus', spec: { query: 'sum(rate(http_requests_total[5m]))' } } }
/** An OpenSLO SLO object: checkout's share of good requests, Occurrences, a 99 % objective; `spec` and `metadata` override. */
export const sloObject = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'checkout', ...metadata },
  spec: {
    service: 'checkout',
    indicator: {
      metadata: { name: 'checkout-errors' },
      spec: { ratioMetric: { counter: true, good: prometheusSource, total: prometheusSource } },
    },
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    ...spec,
  },
})
/** The objects as one YAML file, --- apart. */
export const yamlOf = (...objects: object[]) => objects.map((object) => stringify(object)).join('---\n')
/** The first SLO the objects import as. */
export const importOne = (...objects: object[]) => slosOf(importOpenSlo(yamlOf(...objects)))[0]!
