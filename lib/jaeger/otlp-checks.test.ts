// isOtlpSpan and isOtlpTracesData must accept exactly what their schemas accept: differential property tests.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isOtlpSpan, isOtlpTracesData } from './otlp-checks'
import { otlpSpanSchema, otlpTracesDataSchema } from './schemas'

/** Asserts; returns nothing (a property returning a falsy value would count as failed). */
function agree(value: unknown): void {
  expect(isOtlpSpan(value)).toBe(otlpSpanSchema.safeParse(value).success)
}

const wireId = fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.stringMatching(/^[0-9A-Za-z+/]{10,22}={0,2}$/))
const int64 = fc.oneof(fc.integer(), fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String))
const anyValue = fc.oneof(
  fc.record({ stringValue: fc.string() }),
  fc.record({ intValue: int64 }),
  fc.record({
    doubleValue: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('NaN', 'Infinity', '-Infinity')),
  }),
  fc.record({ boolValue: fc.boolean() }),
  fc.record({ arrayValue: fc.record({ values: fc.array(fc.record({ stringValue: fc.string() })) }) }),
  fc.record({ kvlistValue: fc.record({ values: fc.array(fc.anything()) }, { requiredKeys: [] }) }),
)
const attributes = fc.array(fc.record({ key: fc.string(), value: anyValue }, { requiredKeys: ['key'] }), { maxLength: 6 })
const validSpan = fc.record(
  {
    traceId: wireId,
    spanId: wireId,
    parentSpanId: fc.oneof(wireId, fc.constant('')),
    name: fc.string(),
    kind: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT')),
    startTimeUnixNano: int64,
    endTimeUnixNano: int64,
    attributes,
    events: fc.array(fc.record({ timeUnixNano: int64, name: fc.string(), attributes }, { requiredKeys: [] }), { maxLength: 2 }),
    links: fc.array(fc.record({ traceId: wireId, spanId: wireId, attributes }, { requiredKeys: ['traceId', 'spanId'] }), { maxLength: 2 }),
    status: fc.record(
      { code: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant('STATUS_CODE_ERROR')), message: fc.string() },
      { requiredKeys: [] },
    ),
    flags: fc.integer(),
    traceState: fc.string(),
    droppedAttributesCount: fc.nat(),
  },
  { requiredKeys: ['traceId', 'spanId'] },
)

/** Any JSON-ish value, biased towards the shapes that nearly pass. */
const wrongValue = fc.oneof(
  fc.anything(),
  fc.constant(null),
  fc.constant(''),
  fc.double(),
  fc.constant(2 ** 60),
  fc.constant(-1),
  fc.constant(6),
  fc.string(),
  fc.array(fc.anything()),
  fc.constant({}),
)
const FIELDS = [
  'traceId',
  'spanId',
  'parentSpanId',
  'name',
  'kind',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'attributes',
  'events',
  'links',
  'status',
  'flags',
  'traceState',
  'droppedAttributesCount',
]

describe('isOtlpSpan agrees with otlpSpanSchema', () => {
  test('on valid spans (all accepted)', () => {
    fc.assert(
      fc.property(validSpan, (span) => {
        expect(isOtlpSpan(span)).toBe(true)
        agree(span)
      }),
      { numRuns: 500 },
    )
  })

  test('on valid spans with one field replaced by anything', () => {
    fc.assert(
      fc.property(validSpan, fc.constantFrom(...FIELDS), wrongValue, (span, field, value) => {
        agree({ ...span, [field]: value })
      }),
      { numRuns: 3000 },
    )
  })

  test('on valid spans with one attribute damaged', () => {
    fc.assert(
      fc.property(
        validSpan,
        wrongValue,
        fc.constantFrom('key', 'value', 'stringValue', 'intValue', 'doubleValue', 'boolValue', 'arrayValue'),
        (span, value, field) => {
          const attribute =
            field === 'key' || field === 'value'
              ? { key: 'k', value: { stringValue: 'v' }, [field]: value }
              : { key: 'k', value: { [field]: value } }
          agree({ ...span, attributes: [...(span.attributes ?? []), attribute] })
        },
      ),
      { numRuns: 3000 },
    )
  })

  test('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        agree(value)
      }),
      { numRuns: 2000 },
    )
  })

  test.each([
    ['a missing spanId', { traceId: 'ab' }],
    ['an unsafe integer flag', { traceId: 'ab', spanId: 'cd', flags: 2 ** 60 }],
    ['kind 6', { traceId: 'ab', spanId: 'cd', kind: 6 }],
    ['a null name', { traceId: 'ab', spanId: 'cd', name: null }],
    ['an unknown field only', { traceId: 'ab', spanId: 'cd', futureField: { x: 1 } }],
    ['a number-looking time', { traceId: 'ab', spanId: 'cd', startTimeUnixNano: '1.5e3' }],
  ])('edge case: %s', (_label, value) => agree(value))
})

describe('isOtlpTracesData agrees with otlpTracesDataSchema', () => {
  const agreeData = (value: unknown) => {
    expect(isOtlpTracesData(value)).toBe(otlpTracesDataSchema.safeParse(value).success)
  }
  const scopeSpans = fc.record(
    {
      scope: fc.record({ name: fc.string(), version: fc.string(), attributes }, { requiredKeys: [] }),
      spans: fc.array(fc.anything(), { maxLength: 3 }),
      schemaUrl: fc.string(),
    },
    { requiredKeys: [] },
  )
  const resourceSpans = fc.record(
    {
      resource: fc.record({ attributes, droppedAttributesCount: fc.nat() }, { requiredKeys: [] }),
      scopeSpans: fc.array(scopeSpans, { maxLength: 3 }),
      schemaUrl: fc.string(),
    },
    { requiredKeys: [] },
  )
  const tracesData = fc.record({ resourceSpans: fc.array(resourceSpans, { maxLength: 3 }) }, { requiredKeys: [] })

  test('on valid TracesData (all accepted)', () => {
    fc.assert(
      fc.property(tracesData, (value) => {
        expect(isOtlpTracesData(value)).toBe(true)
        agreeData(value)
      }),
      { numRuns: 500 },
    )
  })

  test('with one level damaged', () => {
    fc.assert(
      fc.property(
        tracesData,
        resourceSpans,
        fc.constantFrom('resource', 'scopeSpans', 'schemaUrl', 'scope', 'spans', 'attributes'),
        wrongValue,
        (data, block, field, value) => {
          const damaged = ['scope', 'spans'].includes(field)
            ? { ...block, scopeSpans: [{ [field]: value }] }
            : field === 'attributes'
              ? { ...block, resource: { attributes: [value] } }
              : { ...block, [field]: value }
          agreeData({ resourceSpans: [...(data.resourceSpans ?? []), damaged] })
        },
      ),
      { numRuns: 3000 },
    )
  })

  test('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        agreeData(value)
      }),
      { numRuns: 2000 },
    )
  })
})
