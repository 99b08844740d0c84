import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { normalizeV3 } from '@/lib/jaeger/normalize-v3'
import { parseOtlpTracesData } from '@/lib/jaeger/parse'
import { computeTraceQuality, isSkewed, traceOwner } from './quality'
import type { Span, Trace } from './span'
import { classicFixtureTrace, FIXTURES } from '@/lib/jaeger/testing/fixture-traces'
import { testSpan, testTrace } from './testing/spans'

const classic = classicFixtureTrace
const otlp = (file: string): Trace[] =>
  normalizeV3(parseOtlpTracesData(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), file).records).traces

let nextId = 1
const span = (overrides: Partial<Span> = {}): Span => testSpan({ spanId: (nextId++).toString(16).padStart(16, '0'), ...overrides })
const trace = testTrace

describe('computeTraceQuality', () => {
  const root = span({ spanId: '0000000000000001', kind: 'client', service: 'gateway' })
  const child = span({ parentSpanId: root.spanId, kind: 'server', startUs: 1010, durationUs: 50 })

  test.each([
    ['a whole tree is complete', trace(root, child), { complete: true, rootCount: 1, orphans: 0, cycles: 0 }],
    [
      'a parent missing from the trace makes an orphan',
      trace(root, span({ parentSpanId: 'ffffffffffffffff' })),
      { complete: false, rootCount: 1, orphans: 1, cycles: 0 },
    ],
    ['two roots are not one tree', trace(root, span()), { complete: false, rootCount: 2, orphans: 0, cycles: 0 }],
    ['no root at all', trace(span({ parentSpanId: 'ffffffffffffffff' })), { complete: false, rootCount: 0, orphans: 1, cycles: 0 }],
    [
      'a span warning of a lost reference makes it incomplete',
      trace(root, { ...child, warnings: ['invalid parent span IDs=ffffffffffffffff; skipping clock skew adjustment'] }),
      { complete: false, rootCount: 1, orphans: 0, cycles: 0 },
    ],
    [
      'duplicate span ids make it incomplete',
      trace(root, { ...child, warnings: ['duplicate span IDs; skipping clock skew adjustment'] }),
      { complete: false, rootCount: 1, orphans: 0, cycles: 0 },
    ],
    [
      'a clock-skew note is a quality note: the trace arrived whole',
      trace(root, { ...child, warnings: ['clock skew adjustment disabled; not applying calculated delta of 1.2ms'] }),
      { complete: true, rootCount: 1, orphans: 0, cycles: 0 },
    ],
    [
      'so is a skew delta too large to apply',
      trace(root, { ...child, warnings: ['max clock skew adjustment delta of 1s exceeded; not applying calculated delta of 3s'] }),
      { complete: true, rootCount: 1, orphans: 0, cycles: 0 },
    ],
    [
      'any other warning makes it incomplete',
      trace(root, { ...child, warnings: ['span has an unknown reference type'] }),
      { complete: false, rootCount: 1, orphans: 0, cycles: 0 },
    ],
  ])('%s', (_label, input, expected) => {
    const quality = computeTraceQuality(input)
    expect({
      complete: quality.complete,
      rootCount: quality.rootCount,
      orphans: quality.orphanSpans.length,
      cycles: quality.cycleSpans.length,
    }).toEqual(expected)
  })

  test('a trace-level warning makes it incomplete, unless it is a clock-skew note', () => {
    expect(computeTraceQuality({ ...trace(root, child), warnings: ['invalid parent span IDs'] }).complete).toBe(false)
    expect(computeTraceQuality({ ...trace(root, child), warnings: ['clock skew adjustment disabled'] }).complete).toBe(true)
  })

  test('parent-cycle fixture: two spans that are each other parent terminate as a cycle, no root', () => {
    const quality = computeTraceQuality(classic('ui-trace-contract/parent-cycle.legacy.json'))
    expect(quality).toMatchObject({ complete: false, rootCount: 0, root: null })
    expect(quality.cycleSpans).toHaveLength(2)
  })

  test('a long cycle with a tail leading into it is found in linear time', () => {
    const ring = Array.from({ length: 10_000 }, (_, i) =>
      span({ spanId: (i + 1).toString(16).padStart(16, '0'), parentSpanId: (((i + 1) % 10_000) + 1).toString(16).padStart(16, '0') }),
    )
    const tail = span({ parentSpanId: ring[0]!.spanId })
    const quality = computeTraceQuality(trace(...ring, tail))
    expect(quality.cycleSpans).toHaveLength(10_001)
  })

  test('follows-from-orphan fixture: the broken link is an orphan', () => {
    expect(computeTraceQuality(classic('ui-trace-contract/follows-from-orphan.legacy.json'))).toMatchObject({
      complete: false,
      rootCount: 1,
    })
  })

  test('otel_traces_01: every span names a parent missing from its own trace', () => {
    // SOURCES.md counts 3 of 4: span 2's parent (span 3) is in the file, but in the other trace.
    const orphans = otlp('otlp/otel_traces_01.json').flatMap((t) => computeTraceQuality(t).orphanSpans)
    expect(orphans.map((s) => s.spanId).sort()).toEqual(['0000000000000002', '0000000000000003', '0000000000000004', '0000000000000005'])
  })

  test('testTraceNormal: a realistic two-service trace is complete', () => {
    expect(computeTraceQuality(classic('ui/testTraceNormal.json')).complete).toBe(true)
  })
})

describe('isSkewed', () => {
  const client = span({ kind: 'client', startUs: 1000, durationUs: 100 })
  test.each([
    ['a server span inside its client', span({ kind: 'server', startUs: 1010, durationUs: 50 }), false],
    ['a child starting before its parent', span({ kind: 'internal', startUs: 990, durationUs: 5 }), true],
    ['a server span outliving its client', span({ kind: 'server', startUs: 1050, durationUs: 100 }), true],
    ['a consumer outliving its producer is normal', span({ kind: 'consumer', startUs: 1050, durationUs: 500 }), false],
  ])('%s: %s', (_label, child, skewed) => expect(isSkewed(child, client)).toBe(skewed))
})

describe('traceOwner', () => {
  test('the root span, or else the earliest span', () => {
    const root = span({ service: 'gateway', startUs: 5 })
    const whole = trace(span({ startUs: 1, parentSpanId: root.spanId }), root) // a skewed child starts first
    expect(traceOwner(whole, computeTraceQuality(whole))?.service).toBe('gateway')
    const early = span({ service: 'first', startUs: 1, parentSpanId: 'ffffffffffffffff' })
    const rootless = trace(span({ startUs: 9, parentSpanId: 'eeeeeeeeeeeeeeee' }), early)
    expect(traceOwner(rootless, computeTraceQuality(rootless))?.service).toBe('first')
  })
})
