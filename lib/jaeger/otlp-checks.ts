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
const isDouble = (value: unknown) =>
  isNumber(value) ||
  (typeof value === 'string' && (value === 'NaN' || value === 'Infinity' || value === '-Infinity' || DOUBLE_STRING.test(value)))
const SPAN_KINDS = new Set([
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
])
const STATUS_CODES = new Set(['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'])

/** `undefined` (absent) or passes `check`. Checks are module-level functions: no closure per call. */
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value)
const isString = (value: unknown) => typeof value === 'string'
const isBoolean = (value: unknown) => typeof value === 'boolean'
const isParentId = (value: unknown) => value === '' || isWireId(value)
const isSpanKind = (value: unknown) => (isInt(value) && (value as number) >= 0 && (value as number) <= 5) || SPAN_KINDS.has(value as string)
const isStatusCode = (value: unknown) =>
  (isInt(value) && (value as number) >= 0 && (value as number) <= 2) || STATUS_CODES.has(value as string)

const isValuesContainer = (value: unknown) => isObject(value) && optional(value.values, Array.isArray)

function isAnyValue(value: unknown): boolean {
  return (
    isObject(value) &&
    optional(value.stringValue, isString) &&
    optional(value.boolValue, isBoolean) &&
    optional(value.intValue, isInt64) &&
    optional(value.doubleValue, isDouble) &&
    optional(value.bytesValue, isString) &&
    optional(value.arrayValue, isValuesContainer) &&
    optional(value.kvlistValue, isValuesContainer)
  )
}

function isAttributes(value: unknown): boolean {
  if (!Array.isArray(value)) return false
  for (const attribute of value)
    if (!isObject(attribute) || typeof attribute.key !== 'string' || !optional(attribute.value, isAnyValue)) return false
  return true
}

const isEvent = (value: unknown) =>
  isObject(value) &&
  optional(value.timeUnixNano, isInt64) &&
  optional(value.name, isString) &&
  optional(value.attributes, isAttributes) &&
  optional(value.droppedAttributesCount, isInt)

const isLink = (value: unknown) =>
  isObject(value) &&
  isWireId(value.traceId) &&
  isWireId(value.spanId) &&
  optional(value.traceState, isString) &&
  optional(value.attributes, isAttributes) &&
  optional(value.droppedAttributesCount, isInt) &&
  optional(value.flags, isInt)

const isStatus = (value: unknown) => isObject(value) && optional(value.code, isStatusCode) && optional(value.message, isString)

const everyItem = (check: (value: unknown) => boolean) => (value: unknown) => Array.isArray(value) && value.every(check)
const isEvents = everyItem(isEvent)
const isLinks = everyItem(isLink)

/** True exactly when `otlpSpanSchema` accepts `value`; the value itself is then the OtlpSpan (nothing copied). */
export function isOtlpSpan(value: unknown): value is OtlpSpan {
  return (
    isObject(value) &&
    isWireId(value.traceId) &&
    isWireId(value.spanId) &&
    optional(value.traceState, isString) &&
    optional(value.parentSpanId, isParentId) &&
    optional(value.flags, isInt) &&
    optional(value.name, isString) &&
    optional(value.kind, isSpanKind) &&
    optional(value.startTimeUnixNano, isInt64) &&
    optional(value.endTimeUnixNano, isInt64) &&
    optional(value.attributes, isAttributes) &&
    optional(value.droppedAttributesCount, isInt) &&
    optional(value.events, isEvents) &&
    optional(value.droppedEventsCount, isInt) &&
    optional(value.links, isLinks) &&
    optional(value.droppedLinksCount, isInt) &&
    optional(value.status, isStatus)
  )
}

const isScope = (value: unknown) =>
  isObject(value) &&
  optional(value.name, isString) &&
  optional(value.version, isString) &&
  optional(value.attributes, isAttributes) &&
  optional(value.droppedAttributesCount, isInt)

const isResource = (value: unknown) =>
  isObject(value) && optional(value.attributes, isAttributes) && optional(value.droppedAttributesCount, isInt)

const isScopeSpans = (value: unknown) =>
  isObject(value) && optional(value.scope, isScope) && optional(value.spans, Array.isArray) && optional(value.schemaUrl, isString)

const isScopeSpansList = everyItem(isScopeSpans)
const isResourceSpans = (value: unknown) =>
  isObject(value) &&
  optional(value.resource, isResource) &&
  optional(value.scopeSpans, isScopeSpansList) &&
  optional(value.schemaUrl, isString)

const isResourceSpansList = everyItem(isResourceSpans)

/** True exactly when `otlpTracesDataSchema` accepts `value` (spans inside are left to isOtlpSpan). */
export function isOtlpTracesData(value: unknown): value is OtlpTracesData {
  return isObject(value) && optional(value.resourceSpans, isResourceSpansList)
}
