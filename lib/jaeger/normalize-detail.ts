// Wire records (lib/jaeger/parse.ts) → the trace view's spans (lib/traces/trace-detail.ts), grouped by
// trace. Each span is the lean span of normalize-v3.ts or normalize-classic.ts, whole (same ids, kind,
// µs, error, warnings and reasons to reject), plus what the pipeline drops: attributes, events,
// resource and status message, as values a page can show.
import type { Attribute, AttributeValue, DetailSpan, SpanEvent, TraceDetail } from '@/lib/traces/trace-detail'
import type { Collected } from './normalize'
import { classicProcessOf, classicSpan, collectClassic } from './normalize-classic'
import { collectV3, nanosToMicros, v3Span, WARNINGS_ATTRIBUTE } from './normalize-v3'
import type { ClassicTraceRecord, RejectedRecord, V3SpanRecord } from './parse'
import type { ClassicKeyValue, OtlpKeyValue } from './schemas'

export type NormalizedDetail = { traces: TraceDetail[]; rejected: RejectedRecord[] }

type ClassicSpanRecord = ClassicTraceRecord['spans'][number]
type ClassicLog = NonNullable<ClassicSpanRecord['logs']>[number]

// ---------------------------------------------------------------- attribute values

const isFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const INTEGER_STRING = /^-?\d+$/

/** int64 (decimal string, or number) → a number when exactly representable, else the decimal string. */
function int64Value(value: string | number): number | string {
  if (typeof value === 'number') return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : BigInt(value).toString()
  return INTEGER_STRING.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value
}

/** proto3 JSON doubles are numbers, or strings for NaN/±Infinity: those stay strings (JSON has no NaN). */
function doubleValue(value: string | number): number | string {
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : String(value)
}

/**
 * An OTLP AnyValue as a plain JSON value (null: no value set). The schema checks only the first level
 * (schemas.ts), so items of array and key-value-list values arrive unchecked but whole: nothing is
 * dropped before this point. They are decoded with the same rules, defensively: an item that is not an
 * AnyValue is kept as it came, so the view shows it instead of hiding it; a key-value entry without a
 * string key has nothing to be shown under and is left out.
 */
function plainValue(value: unknown): unknown {
  if (!isFields(value)) return value ?? null
  if (typeof value.stringValue === 'string') return value.stringValue
  if (typeof value.intValue === 'string' || typeof value.intValue === 'number') return int64Value(value.intValue)
  if (typeof value.doubleValue === 'string' || typeof value.doubleValue === 'number') return doubleValue(value.doubleValue)
  if (typeof value.boolValue === 'boolean') return value.boolValue
  if (typeof value.bytesValue === 'string') return value.bytesValue // base64, as proto3 JSON writes bytes
  const items = (container: unknown): unknown[] => (isFields(container) && Array.isArray(container.values) ? container.values : [])
  if (isFields(value.arrayValue)) return items(value.arrayValue).map(plainValue)
  if (isFields(value.kvlistValue)) {
    return Object.fromEntries(
      items(value.kvlistValue).flatMap((entry) =>
        isFields(entry) && typeof entry.key === 'string' ? [[entry.key, plainValue(entry.value)]] : [],
      ),
    )
  }
  return Object.keys(value).length === 0 ? null : value
}

/** Scalars as they came; arrays and key-value lists as JSON text; no value at all as ''. */
export function otlpAttributeValue(value: unknown): AttributeValue {
  const plain = plainValue(value)
  if (plain === null) return ''
  return typeof plain === 'string' || typeof plain === 'number' || typeof plain === 'boolean' ? plain : JSON.stringify(plain)
}

/** A classic tag's value: typed by the JSON itself, except int64 beyond 2^53, which Jaeger sends as a string (kept). */
export function classicAttributeValue({ type, value }: ClassicKeyValue): AttributeValue {
  if (value === null || value === undefined) return ''
  return type === 'int64' && typeof value !== 'boolean' ? int64Value(value) : value
}

const otlpAttributes = (attributes: readonly OtlpKeyValue[] | undefined): Attribute[] =>
  (attributes ?? []).map(({ key, value }) => ({ key, value: otlpAttributeValue(value) }))
const classicAttributes = (tags: readonly ClassicKeyValue[] | null | undefined): Attribute[] =>
  (tags ?? []).map((tag) => ({ key: tag.key, value: classicAttributeValue(tag) }))

// ---------------------------------------------------------------- spans

function v3DetailSpan(record: V3SpanRecord): DetailSpan {
  const lean = v3Span(record)
  const { attributes, events, status } = record.span
  return {
    ...lean,
    statusMessage: status?.message || null,
    // Jaeger's warnings are `warnings` already; as an attribute they would show twice.
    attributes: otlpAttributes(attributes?.filter((attribute) => attribute.key !== WARNINGS_ATTRIBUTE)),
    resource: otlpAttributes(record.resourceAttributes),
    events: (events ?? []).map((event) => ({
      // proto3 omits a zero time: an event without one is placed at its span's start.
      timeUs: nanosToMicros(event.timeUnixNano) ?? lean.startUs,
      name: event.name ?? '',
      attributes: otlpAttributes(event.attributes),
    })),
  }
}

/** A classic log as an OTLP event, as Jaeger's own translation makes it: the `event` field is the name. */
function classicEvent({ timestamp, fields }: ClassicLog, spanStartUs: number): SpanEvent {
  const nameField = fields?.find(
    (field) => field.key === 'event' && field.value !== null && field.value !== undefined && field.value !== '',
  )
  return {
    timeUs: timestamp ?? spanStartUs,
    name: nameField ? String(nameField.value) : 'log',
    attributes: classicAttributes(fields?.filter((field) => field !== nameField)),
  }
}

function classicDetailSpan(trace: ClassicTraceRecord, record: ClassicSpanRecord): DetailSpan {
  const lean = classicSpan(trace, record)
  const process = classicProcessOf(trace, record)
  const description = record.tags?.find((tag) => tag.key === 'otel.status_description')?.value
  return {
    ...lean,
    statusMessage: description === null || description === undefined || description === '' ? null : String(description),
    attributes: classicAttributes(record.tags),
    // serviceName is the process's service.name (what the lean span's `service` is); a tag of that name cannot override it.
    resource: [
      { key: 'service.name', value: process.serviceName },
      ...classicAttributes(process.tags?.filter((tag) => tag.key !== 'service.name')),
    ],
    events: (record.logs ?? []).map((log) => classicEvent(log, lean.startUs)),
  }
}

// ---------------------------------------------------------------- traces

const byStartThenId = (a: DetailSpan, b: DetailSpan) => a.startUs - b.startUs || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0)

/** Sorts each trace's own (freshly collected) span list; duplicate span ids keep their order. */
function sorted(collected: Collected<DetailSpan>): NormalizedDetail {
  for (const trace of collected.traces) trace.spans.sort(byStartThenId)
  return collected
}

export const normalizeV3Detail = (records: readonly V3SpanRecord[]): NormalizedDetail => sorted(collectV3(records, v3DetailSpan))

export const normalizeClassicDetail = (traces: readonly ClassicTraceRecord[]): NormalizedDetail =>
  sorted(collectClassic(traces, classicDetailSpan))
