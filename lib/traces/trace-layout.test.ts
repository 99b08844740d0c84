import { describe, expect, test } from 'vitest'
import type { Span } from './span'
import { classicFixtureTrace } from '@/lib/jaeger/testing/fixture-traces'
import { testSpan, testTrace } from './testing/spans'
import { computeTraceLayout, SERVICE_COLOR_COUNT, serviceColorIndex, type TraceLayout } from './trace-layout'

const classic = classicFixtureTrace

const id = (n: number) => n.toString(16).padStart(16, '0')
/** A span `n` of service `svc` over [startUs, endUs), under span `parent`. */
const span = (n: number, startUs: number, endUs: number, parent: number | string | null = null, overrides: Partial<Span> = {}): Span =>
  testSpan({
    spanId: id(n),
    parentSpanId: typeof parent === 'number' ? id(parent) : parent,
    operation: `op-${n}`,
    startUs,
    durationUs: endUs - startUs,
    ...overrides,
  })
const trace = testTrace

const rowOf = (layout: TraceLayout, spanId: string) => layout.rows.find((row) => row.span.spanId === spanId)!
/** The critical path as `spanId start-end`, µs from the trace start. */
const pathOf = (layout: TraceLayout) =>
  layout.criticalPath.map(
    (s) => `${s.spanId.replace(/^0+(?=.)/, '')} ${s.startUs - layout.summary.startUs}-${s.endUs - layout.summary.startUs}`,
  )
/** Rows as `  spanId` indented by depth. */
const outline = (layout: TraceLayout) => layout.rows.map((row) => `${'  '.repeat(row.depth)}${row.span.spanId.replace(/^0+(?=.)/, '')}`)

describe('tree', () => {
  test('spanAmongEachOtherGroupedAndSpans: children by start time, input order on ties; subtree sizes', () => {
    const layout = computeTraceLayout(classic('ui/spanAmongEachOtherGroupedAndSpans.json'))
    expect(outline(layout)).toEqual([
      '9afcdf2e24e8d70a',
      '  6962df17f54c3741',
      '    6f9bbe751e5fd944',
      ...[
        'd293d7d80690ce74',
        'b33418a95acab83f',
        'a68c6983a6d81a2',
        '22a6dbf5f149e280',
        'cbcdc46290379f7a',
        '4308efcfd216cbb0',
        'd0ae415b55555eb0',
        '38b37689f26c5b9e',
        '427f5b436c6ef2cb',
        '1',
        '2',
        '3',
        '9f0a544e33b693c2',
        'c045fb92504eb97f',
      ].map((s) => `      ${s}`),
    ])
    expect(layout.rows.map((row) => row.descendantCount).slice(0, 4)).toEqual([16, 15, 14, 0])
    expect(rowOf(layout, '6f9bbe751e5fd944').childCount).toBe(14)
  })

  test.each([
    ['an orphan sits at depth 0, marked', trace(span(1, 0, 100), span(2, 10, 20, 99)), ['1', '2'], [null, 'orphan']],
    [
      'top-level spans go by start time',
      trace(span(2, 50, 60, 99), span(1, 0, 100), span(3, 10, 20, 1)),
      ['1', '  3', '2'],
      [null, null, 'orphan'],
    ],
    ['a span that is its own parent is a cycle of one', trace(span(1, 0, 10, 1)), ['1'], ['cycle']],
    [
      'a circle with a tail: the circle hangs below its earliest span, the tail below its parent',
      trace(span(1, 30, 40, 3), span(2, 10, 20, 1), span(3, 20, 30, 2), span(4, 40, 50, 3)),
      ['2', '  3', '    1', '    4'],
      ['cycle', null, null, null],
    ],
    [
      'a duplicate span id is a sibling of the first; the first keeps the children',
      trace(span(1, 0, 100), span(2, 10, 50, 1), span(2, 20, 60, 1), span(3, 30, 40, 2)),
      ['1', '  2', '    3', '  2'],
      [null, null, null, null],
    ],
  ])('%s', (_label, input, expected, detached) => {
    const layout = computeTraceLayout(input)
    expect(outline(layout)).toEqual(expected)
    expect(layout.rows.map((row) => row.detached)).toEqual(detached)
  })

  test('parent-cycle fixture: both spans are drawn once, the earlier one cut loose', () => {
    const layout = computeTraceLayout(classic('ui-trace-contract/parent-cycle.legacy.json'))
    expect(outline(layout)).toEqual(['a', '  b'])
    expect(layout.rows[0]!.detached).toBe('cycle')
    expect(pathOf(layout)).toEqual(['a 0-100', 'b 100-34000'])
  })

  test('a chain 20 000 deep and a 10 000-span circle do not overflow the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => span(i + 1, i, 40_000 - i, i === 0 ? null : i))
    const ring = Array.from({ length: 10_000 }, (_, i) => span(100_000 + i, i, i + 1, 100_000 + ((i + 1) % 10_000)))
    const layout = computeTraceLayout(trace(...chain, ...ring))
    expect(layout.rows).toHaveLength(30_000)
    expect(layout.summary.depth).toBe(20_000)
    expect(layout.criticalPath.length).toBeGreaterThan(0)
  })
})

describe('bars and self time', () => {
  test('testTraceNormal: offsets, fractions of the trace and self time', () => {
    const layout = computeTraceLayout(classic('ui/testTraceNormal.json'))
    const rows = ['150c193cf155b46b', '22be69e72cbcde0b', 'e821b549888cbc3b', '4085dddb47429851', '622a5079b565623e'].map((spanId) =>
      rowOf(layout, spanId),
    )
    expect(rows.map((row) => [row.depth, row.offsetUs, row.span.durationUs, row.selfTimeUs])).toEqual([
      [0, 0, 4902, 4902 - 2499],
      [1, 820, 2499, 2499 - 1739],
      [2, 1200, 1739, 1739 - 21 - 52],
      [3, 2059, 21, 21],
      [3, 2840, 52, 52],
    ])
    expect(rows[0]!.bar).toEqual({ offset: 0, width: 1 })
    expect(rows[1]!.bar.offset).toBeCloseTo(820 / 4902)
    expect(rows[1]!.bar.width).toBeCloseTo(2499 / 4902)
  })

  test('spanAmongEachOtherGroupedAndSpans: overlapping children are subtracted once', () => {
    const layout = computeTraceLayout(classic('ui/spanAmongEachOtherGroupedAndSpans.json'))
    // 14 children, 345 µs in sum, cover [1849,1880] ∪ [1897,1937] ∪ [2522,2568] ∪ [2658,2677] (µs from the trace start) = 136 µs.
    expect(rowOf(layout, '6f9bbe751e5fd944').selfTimeUs).toBe(1696 - 136)
    expect(rowOf(layout, '6962df17f54c3741').selfTimeUs).toBe(2977 - 1696)
    expect(rowOf(layout, '9afcdf2e24e8d70a').selfTimeUs).toBe(3720 - 2977)
  })

  test.each([
    ['nested children count at their own level only', trace(span(1, 0, 100), span(2, 10, 60, 1), span(3, 20, 30, 2)), [50, 40, 10]],
    ['a child overrunning its parent counts up to the parent end', trace(span(1, 0, 100), span(2, 50, 150, 1)), [50, 100]],
    ['a child wholly after its parent takes nothing from it', trace(span(1, 0, 40), span(2, 100, 400, 1)), [40, 300]],
    ['a child starting before its parent counts from the parent start', trace(span(1, 10, 100), span(2, 0, 30, 1)), [70, 30]],
    ['a zero-length span has no self time', trace(span(1, 0, 0)), [0]],
  ])('%s', (_label, input, selfTimes) => {
    expect(computeTraceLayout(input).rows.map((row) => row.selfTimeUs)).toEqual(selfTimes)
  })

  test('a trace of zero duration draws without NaN', () => {
    expect(computeTraceLayout(trace(span(1, 5, 5))).rows[0]!.bar).toEqual({ offset: 0, width: 0 })
  })
})

describe('critical path', () => {
  test.each([
    ['a lone span is its own path', trace(span(1, 0, 100)), ['1 0-100']],
    [
      'a sequential pair, back to back: both on the path',
      trace(span(1, 0, 100), span(2, 10, 40, 1), span(3, 40, 90, 1)),
      ['1 0-10', '2 10-40', '3 40-90', '1 90-100'],
    ],
    [
      'a sequential pair with a gap: the parent owns the gap',
      trace(span(1, 0, 100), span(2, 10, 30, 1), span(3, 40, 90, 1)),
      ['1 0-10', '2 10-30', '1 30-40', '3 40-90', '1 90-100'],
    ],
    [
      'parallel children: only the one ending last',
      trace(span(1, 0, 100), span(2, 10, 80, 1), span(3, 20, 60, 1)),
      ['1 0-10', '2 10-80', '1 80-100'],
    ],
    [
      'a child ending before its last-finishing sibling starts joins the path; one overlapping it does not',
      trace(span(1, 0, 100), span(2, 5, 25, 1), span(3, 30, 90, 1), span(4, 10, 40, 1)),
      ['1 0-5', '2 5-25', '1 25-30', '3 30-90', '1 90-100'],
    ],
    ['a child longer than its parent is clipped to it', trace(span(1, 0, 100), span(2, 50, 150, 1)), ['1 0-50', '2 50-100']],
    ['a child wholly after its parent is off the path', trace(span(1, 0, 40), span(2, 100, 400, 1)), ['1 0-40']],
    [
      'the path descends through grandchildren',
      trace(span(1, 0, 100), span(2, 10, 90, 1), span(3, 20, 50, 2), span(4, 60, 80, 2)),
      ['1 0-10', '2 10-20', '3 20-50', '2 50-60', '4 60-80', '2 80-90', '1 90-100'],
    ],
    [
      'each tree has its own path, trees in row order',
      trace(span(1, 0, 30), span(2, 40, 100), span(3, 20, 50, 99), span(4, 25, 45, 3)),
      ['1 0-30', '3 20-25', '4 25-45', '3 45-50', '2 40-100'],
    ],
  ])('%s', (_label, input, expected) => {
    expect(pathOf(computeTraceLayout(input))).toEqual(expected)
  })

  test('testTraceNormal: every span is on the path, and the path covers the whole trace', () => {
    const layout = computeTraceLayout(classic('ui/testTraceNormal.json'))
    expect(pathOf(layout)).toEqual([
      '150c193cf155b46b 0-820',
      '22be69e72cbcde0b 820-1200',
      'e821b549888cbc3b 1200-2059',
      '4085dddb47429851 2059-2080',
      'e821b549888cbc3b 2080-2840',
      '622a5079b565623e 2840-2892',
      'e821b549888cbc3b 2892-2939',
      '22be69e72cbcde0b 2939-3319',
      '150c193cf155b46b 3319-4902',
    ])
  })

  test('spanAmongEachOtherGroupedAndSpans: through the last query, then the ones before it; of three identical spans the first', () => {
    const layout = computeTraceLayout(classic('ui/spanAmongEachOtherGroupedAndSpans.json'))
    expect(pathOf(layout)).toEqual([
      '9afcdf2e24e8d70a 0-376',
      '6962df17f54c3741 376-1016',
      '6f9bbe751e5fd944 1016-1849',
      'd293d7d80690ce74 1849-1880',
      '6f9bbe751e5fd944 1880-1897',
      '1 1897-1937',
      '6f9bbe751e5fd944 1937-2522',
      '9f0a544e33b693c2 2522-2568',
      '6f9bbe751e5fd944 2568-2658',
      'c045fb92504eb97f 2658-2677',
      '6f9bbe751e5fd944 2677-2712',
      '6962df17f54c3741 2712-3353',
      '9afcdf2e24e8d70a 3353-3720',
    ])
    const covered = layout.criticalPath.reduce((sum, s) => sum + s.endUs - s.startUs, 0)
    expect(covered).toBe(layout.summary.durationUs)
    expect(rowOf(layout, '6f9bbe751e5fd944').criticalPath).toHaveLength(5)
    expect(rowOf(layout, '0000000000000002').criticalPath).toEqual([])
  })

  test('spanLongerAsParent: children overrunning the root are clipped, so the path ends with the root', () => {
    const layout = computeTraceLayout(classic('ui/spanLongerAsParent.json'))
    const last = layout.criticalPath.at(-1)!
    expect(last.spanId).toBe('ab496a7591486ffd')
    expect(last.endUs - layout.summary.startUs).toBe(12_887)
    expect(layout.summary.durationUs).toBe(13_940)
  })
})

describe('services and summary', () => {
  test('testTraceNormal: summary', () => {
    const input = classic('ui/testTraceNormal.json')
    expect(computeTraceLayout(input).summary).toEqual({
      startUs: Math.min(...input.spans.map((s) => s.startUs)),
      endUs: Math.min(...input.spans.map((s) => s.startUs)) + 4902,
      durationUs: 4902,
      spanCount: 5,
      errorCount: 0,
      depth: 4,
      services: [
        { service: 'api-gateway', colorIndex: serviceColorIndex('api-gateway'), spanCount: 2, errorCount: 0 },
        { service: 'customers-service', colorIndex: serviceColorIndex('customers-service'), spanCount: 3, errorCount: 0 },
      ],
    })
  })

  test('errors are counted per service and in total', () => {
    const layout = computeTraceLayout(
      trace(span(1, 0, 10, null, { error: true }), span(2, 1, 5, 1, { service: 'db', error: true }), span(3, 5, 9, 1, { service: 'db' })),
    )
    expect(layout.summary.errorCount).toBe(2)
    expect(layout.summary.services.map((s) => [s.service, s.spanCount, s.errorCount])).toEqual([
      ['svc', 1, 1],
      ['db', 2, 1],
    ])
  })

  test('a trace without spans', () => {
    expect(computeTraceLayout(trace())).toEqual({
      rows: [],
      criticalPath: [],
      summary: { startUs: 0, endUs: 0, durationUs: 0, spanCount: 0, errorCount: 0, depth: 0, services: [] },
    })
  })

  test.each([
    ['api-gateway', 5],
    ['customers-service', 9],
    ['payment-gateway', 8],
    ['', 3],
  ])('%j keeps its colour %i (a change recolours every page)', (service, colorIndex) => {
    expect(serviceColorIndex(service)).toBe(colorIndex)
  })

  test('colour indices stay inside the palette', () => {
    for (const service of ['frontend', 'checkout', 'payments', 'a'.repeat(500), 'ünïcödé'])
      expect(serviceColorIndex(service)).toBeLessThan(SERVICE_COLOR_COUNT)
  })
})
