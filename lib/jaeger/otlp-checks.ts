// The hot path of the sync validates every span of every search. zod's parse copies each object it
// checks; at a few thousand spans per response that garbage cost more than JSON.parse itself. These are
// `otlpSpanSchema` and `otlpTracesDataSchema` (schemas.ts, the specification) checked in place,
// allocating nothing for valid input; otlp-checks.test.ts proves, by differential property tests, that
// each accepts exactly what its schema accepts. For rejected input, zod is asked for the message.
import type { OtlpSpan, OtlpTracesData } from './schemas'

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value) // zod 4's z.number() refuses NaN and ±Infinity
const isInt = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value)
const WIRE_ID = /^[0-9A-Za-z+/=_-]+$/
const INTEGER_STRING = /^-?\d+$/
const DOUBLE_STRING = /^-?[\d.eE+-]+$/
const isWireId = (value: unknown) => typeof value === 'string' && value.length > 0 && WIRE_ID.test(value)
const isInt64 = (value: unknown) => isNumber(value) || (typeof value === 'string' && INTEGER_STRING.test(value))
const isDouble = (value: unknown) => isNumber(value) || (typeof value === 'string' && (value === 'NaN' || value === 'Infinity' || value === '-Infinity' || DOUBLE_STRING.test(value)))
const SPAN_KINDS = new Set(['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'])
const STATUS_CODES = new Set(['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'])

/** `undefined` (absent) or passes `check`. */
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value)

const isValuesContainer = (value: unknown) => isObject(value) && optional(value.values, Array.isArray)

function isAnyValue(value: unknown): boolean {
  return (
    isObject(value) &&
    optional(value.stringValue, (v) => typeof v === 'string') &&
    optional(value.boolValue, (v) => typeof v === 'boolean') &&
    optional(value.intValue, isInt64) &&
    optional(value.doubleValue, isDouble) &&
    optional(value.bytesValue, (v) => typeof v === 'string') &&
    optional(value.arrayValue, isValuesContainer) &&
    optional(value.kvlistValue, isValuesContainer)
  )
}

function isAttributes(value: unknown): boolean {
  if (!Array.isArray(value)) return false
  for (const attribute of value) if (!isObject(attribute) || typeof attribute.key !== 'string' || !optional(attribute.value, isAnyValue)) return false
  return true
}

const isEvent = (value: unknown) =>
  isObject(value) && optional(value.timeUnixNano, isInt64) && optional(value.name, (v) => typeof v === 'string') && optional(value.attributes, isAttributes) && optional(value.droppedAttributesCount, isInt)

const isLink = (value: unknown) =>
  isObject(value) &&
  isWireId(value.traceId) &&
  isWireId(value.spanId) &&
  optional(value.traceState, (v) => typeof v === 'string') &&
  optional(value.attributes, isAttributes) &&
  optional(value.droppedAttributesCount, isInt) &&
  optional(value.flags, isInt)

const isStatus = (value: unknown) =>
  isObject(value) &&
  optional(value.code, (v) => (isInt(v) && (v as number) >= 0 && (v as number) <= 2) || STATUS_CODES.has(v as string)) &&
  optional(value.message, (v) => typeof v === 'string')

const everyItem = (check: (value: unknown) => boolean) => (value: unknown) => Array.isArray(value) && value.every(check)

/** True exactly when `otlpSpanSchema` accepts `value`; the value itself is then the OtlpSpan (nothing copied). */
export function isOtlpSpan(value: unknown): value is OtlpSpan {
  return (
    isObject(value) &&
    isWireId(value.traceId) &&
    isWireId(value.spanId) &&
    optional(value.traceState, (v) => typeof v === 'string') &&
    optional(value.parentSpanId, (v) => v === '' || isWireId(v)) &&
    optional(value.flags, isInt) &&
    optional(value.name, (v) => typeof v === 'string') &&
    optional(value.kind, (v) => (isInt(v) && (v as number) >= 0 && (v as number) <= 5) || SPAN_KINDS.has(v as string)) &&
    optional(value.startTimeUnixNano, isInt64) &&
    optional(value.endTimeUnixNano, isInt64) &&
    optional(value.attributes, isAttributes) &&
    optional(value.droppedAttributesCount, isInt) &&
    optional(value.events, everyItem(isEvent)) &&
    optional(value.droppedEventsCount, isInt) &&
    optional(value.links, everyItem(isLink)) &&
    optional(value.droppedLinksCount, isInt) &&
    optional(value.status, isStatus)
  )
}

const isScope = (value: unknown) =>
  isObject(value) && optional(value.name, (v) => typeof v === 'string') && optional(value.version, (v) => typeof v === 'string') && optional(value.attributes, isAttributes) && optional(value.droppedAttributesCount, isInt)

const isResource = (value: unknown) => isObject(value) && optional(value.attributes, isAttributes) && optional(value.droppedAttributesCount, isInt)

const isScopeSpans = (value: unknown) =>
  isObject(value) && optional(value.scope, isScope) && optional(value.spans, Array.isArray) && optional(value.schemaUrl, (v) => typeof v === 'string')

const isResourceSpans = (value: unknown) =>
  isObject(value) && optional(value.resource, isResource) && optional(value.scopeSpans, everyItem(isScopeSpans)) && optional(value.schemaUrl, (v) => typeof v === 'string')

/** True exactly when `otlpTracesDataSchema` accepts `value` (spans inside are left to isOtlpSpan). */
export function isOtlpTracesData(value: unknown): value is OtlpTracesData {
  return isObject(value) && optional(value.resourceSpans, everyItem(isResourceSpans))
}
