import { describe, expect, test } from 'vitest'
import { computeBrokenTraces } from './broken-traces'
import { testSpan as span, testTrace as trace } from './testing/spans'

describe('computeBrokenTraces', () => {
  const root = span({ spanId: '0000000000000001', kind: 'server', service: 'gateway', operation: 'GET /' })
  const child = span({ spanId: '0000000000000002', parentSpanId: root.spanId, service: 'payments', startUs: root.startUs + 10 })

  test.each([
    ['a whole trace is not listed', [trace(root, child)], []],
    [
      'an orphan names the service whose parent is missing',
      [trace(root, span({ spanId: '0000000000000003', parentSpanId: 'ffffffffffffffff', service: 'fraud-detection' }))],
      [['1 orphan span (parent missing) in fraud-detection']],
    ],
    ['two roots', [trace(root, span({ spanId: '0000000000000004', service: 'worker' }))], [['2 root spans']]],
    [
      'a clock-skew note alone leaves it whole',
      [trace(root, { ...child, warnings: ['clock skew adjustment disabled; not applying calculated delta of 3ms'] })],
      [],
    ],
    [
      'a lost reference warning is shown, the skew note beside it is not',
      [
        trace(root, {
          ...child,
          warnings: ['invalid parent span IDs=ffff; skipping clock skew adjustment', 'clock skew adjustment disabled'],
        }),
      ],
      [['Jaeger: invalid parent span IDs=ffff; skipping clock skew adjustment']],
    ],
  ])('%s', (_label, traces, problems) => {
    expect(computeBrokenTraces(traces, { limit: 10 }).map((broken) => broken.problems)).toEqual(problems)
  })

  test('newest first, at most `limit`', () => {
    const orphanAt = (startUs: number, id: string) =>
      trace({ ...root, traceId: id, startUs }, span({ traceId: id, spanId: '0000000000000009', parentSpanId: 'ffffffffffffffff', startUs }))
    const found = computeBrokenTraces([orphanAt(1_000, 'a'.repeat(32)), orphanAt(3_000, 'b'.repeat(32)), orphanAt(2_000, 'c'.repeat(32))], {
      limit: 2,
    })
    expect(found.map((broken) => broken.startUs)).toEqual([3_000, 2_000])
  })
})
