// Wire schemas for the Jaeger query API: api/v3 (OTLP JSON) and the classic /api JSON.
//
// Rules that hold for every schema here:
// - Unknown fields are accepted (Jaeger adds fields between releases): envelopes keep them, spans and
//   attributes drop them, since nothing downstream reads them.
// - proto3 JSON omits zero values (0, "", [], false), so nearly every field is optional.
// - int64 arrives as a decimal string (OTLP JSON: `intValue`, `*UnixNano`) or, from the classic API,
//   as a number or, beyond 2^53, a string. Both are accepted and kept as given; lib/jaeger/normalize
//   converts units (v3 ns strings, classic µs numbers) once.
// - Record arrays (spans, traces, summaries) are parsed element by element by lib/jaeger/parse.ts,
//   so one broken record is counted and skipped instead of failing its whole response.
import { z } from 'zod'

const int64 = z.union([z.number(), z.string().regex(/^-?\d+$/, 'expected an integer string')])
/** proto3 JSON renders doubles as numbers, or as the strings "NaN", "Infinity", "-Infinity". */
const double = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity']), z.string().regex(/^-?[\d.eE+-]+$/)])
/** Trace and span ids: hex (any case, possibly unpadded) or base64 (Jaeger ≤ 1.52's grpc-gateway). */
const wireId = z
  .string()
  .min(1, 'empty id')
  .regex(/^[0-9A-Za-z+/=_-]+$/, 'not hex or base64')

// ---------------------------------------------------------------- api/v3 (OTLP JSON)

/**
 * An attribute value. Checked one level deep: the scalar fields must have their types; the items of
 * array and key-value-list values are kept unchecked (normalize-v3.ts reads them defensively). A
 * recursive schema here cost more than JSON.parse itself on every span (see lib/jaeger/pipeline.bench.ts).
 */
export const otlpAnyValueSchema = z.object({
  stringValue: z.string().optional(),
  boolValue: z.boolean().optional(),
  intValue: int64.optional(),
  doubleValue: double.optional(),
  bytesValue: z.string().optional(),
  arrayValue: z.object({ values: z.array(z.unknown()).optional() }).optional(),
  kvlistValue: z.object({ values: z.array(z.unknown()).optional() }).optional(),
})
export type OtlpAnyValue = z.infer<typeof otlpAnyValueSchema>

export const otlpKeyValueSchema = z.object({ key: z.string(), value: otlpAnyValueSchema.optional() })
export type OtlpKeyValue = z.infer<typeof otlpKeyValueSchema>

const otlpAttributes = z.array(otlpKeyValueSchema).optional()

/** OTLP SpanKind: numbers in Jaeger's output; enum names accepted as other encoders emit them. */
export const otlpSpanKindSchema = z.union([
  z.number().int().min(0).max(5),
  z.enum([
    'SPAN_KIND_UNSPECIFIED',
    'SPAN_KIND_INTERNAL',
    'SPAN_KIND_SERVER',
    'SPAN_KIND_CLIENT',
    'SPAN_KIND_PRODUCER',
    'SPAN_KIND_CONSUMER',
  ]),
])

export const otlpStatusSchema = z.object({
  code: z.union([z.number().int().min(0).max(2), z.enum(['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'])]).optional(),
  message: z.string().optional(),
})

/** One span. Unknown fields are accepted and dropped: nothing downstream reads them. */
export const otlpSpanSchema = z.object({
  traceId: wireId,
  spanId: wireId,
  traceState: z.string().optional(),
  parentSpanId: z.union([wireId, z.literal('')]).optional(),
  flags: z.number().int().optional(),
  name: z.string().default(''),
  kind: otlpSpanKindSchema.optional(),
  startTimeUnixNano: int64.optional(),
  endTimeUnixNano: int64.optional(),
  attributes: otlpAttributes,
  droppedAttributesCount: z.number().int().optional(),
  events: z
    .array(
      z.object({
        timeUnixNano: int64.optional(),
        name: z.string().optional(),
        attributes: otlpAttributes,
        droppedAttributesCount: z.number().int().optional(),
      }),
    )
    .optional(),
  droppedEventsCount: z.number().int().optional(),
  links: z
    .array(
      z.object({
        traceId: wireId,
        spanId: wireId,
        traceState: z.string().optional(),
        attributes: otlpAttributes,
        droppedAttributesCount: z.number().int().optional(),
        flags: z.number().int().optional(),
      }),
    )
    .optional(),
  droppedLinksCount: z.number().int().optional(),
  status: otlpStatusSchema.optional(),
})
/** A span as on the wire (zod's input type: `name` may be absent, proto3 omits empty strings). */
export type OtlpSpan = z.input<typeof otlpSpanSchema>

export const otlpResourceSchema = z.looseObject({
  attributes: otlpAttributes,
  droppedAttributesCount: z.number().int().optional(),
})
export const otlpScopeSchema = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  attributes: otlpAttributes,
  droppedAttributesCount: z.number().int().optional(),
})

/** ResourceSpans with its spans left unparsed: lib/jaeger/parse.ts validates them one by one. */
export const otlpResourceSpansEnvelopeSchema = z.looseObject({
  resource: otlpResourceSchema.optional(),
  scopeSpans: z
    .array(
      z.looseObject({
        scope: otlpScopeSchema.optional(),
        spans: z.array(z.unknown()).optional(),
        schemaUrl: z.string().optional(),
      }),
    )
    .optional(),
  schemaUrl: z.string().optional(),
})
export type OtlpResourceSpansEnvelope = z.infer<typeof otlpResourceSpansEnvelopeSchema>

/** OTLP `TracesData`: the object under `result` in api/v3 trace responses. */
export const otlpTracesDataSchema = z.looseObject({
  resourceSpans: z.array(otlpResourceSpansEnvelopeSchema).optional(),
})
export type OtlpTracesData = z.infer<typeof otlpTracesDataSchema>

/** GET /api/v3/traces/{id} and GET /api/v3/traces (FindTraces): `{"result": TracesData}`; the TracesData is validated by parseOtlpTracesData. */
export const v3TracesResponseSchema = z.looseObject({ result: z.unknown() })

/** GET /api/v3/services */
export const v3ServicesResponseSchema = z.looseObject({ services: z.array(z.string()).default([]) })

/** GET /api/v3/operations?service=…&spanKind=… */
export const v3OperationsResponseSchema = z.looseObject({
  operations: z.array(z.looseObject({ name: z.string().default(''), spanKind: z.string().default('') })).default([]),
})

/** One element of GET /api/v3/trace-summaries (Jaeger ≥ 2.19); zero counts are omitted on the wire. */
export const v3TraceSummarySchema = z.looseObject({
  traceId: wireId,
  rootServiceName: z.string().default(''),
  rootOperationName: z.string().default(''),
  minStartTimeUnixNano: int64.optional(),
  maxEndTimeUnixNano: int64.optional(),
  spanCount: z.number().int().nonnegative().default(0),
  errorSpanCount: z.number().int().nonnegative().default(0),
  orphanSpanCount: z.number().int().nonnegative().default(0),
  services: z
    .array(
      z.looseObject({
        name: z.string(),
        spanCount: z.number().int().nonnegative().default(0),
        errorSpanCount: z.number().int().nonnegative().default(0),
      }),
    )
    .default([]),
})
export type V3TraceSummary = z.infer<typeof v3TraceSummarySchema>
export const v3TraceSummariesResponseSchema = z.looseObject({ summaries: z.array(z.unknown()).default([]) })

/** GET /api/v3/dependencies (callCount is a uint64, so a string on the wire). */
export const v3DependenciesResponseSchema = z.looseObject({
  dependencies: z
    .array(z.looseObject({ parent: z.string(), child: z.string(), callCount: int64, source: z.string().optional() }))
    .default([]),
})

/**
 * api/v3 error body. Jaeger ≥ 1.53 (its own HTTP gateway): `{"error":{"httpCode":404,"message":"…"}}`;
 * Jaeger ≤ 1.52 (grpc-gateway): google.rpc.Status `{"code":5,"message":"…","details":[]}`.
 */
export const v3ErrorResponseSchema = z.union([
  z.looseObject({ error: z.looseObject({ httpCode: z.number().int().optional(), message: z.string().default('') }) }),
  z.looseObject({ code: z.number().int(), message: z.string().default(''), details: z.array(z.unknown()).optional() }),
])

// ---------------------------------------------------------------- classic /api (jaeger-query JSON)

export const classicKeyValueSchema = z.looseObject({
  key: z.string(),
  type: z.enum(['string', 'bool', 'int64', 'float64', 'binary']).optional(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
})
export type ClassicKeyValue = z.infer<typeof classicKeyValueSchema>
const classicTags = z.array(classicKeyValueSchema).nullish()

export const classicProcessSchema = z.looseObject({ serviceName: z.string(), tags: classicTags })
export type ClassicProcess = z.infer<typeof classicProcessSchema>

export const classicSpanSchema = z.looseObject({
  traceID: wireId,
  spanID: wireId,
  flags: z.number().int().optional(),
  operationName: z.string().default(''),
  references: z.array(z.looseObject({ refType: z.enum(['CHILD_OF', 'FOLLOWS_FROM']), traceID: wireId, spanID: wireId })).nullish(),
  /** µs since the epoch; absent on some malformed traces (ui-trace-contract fixtures). */
  startTime: z.number().optional(),
  /** µs */
  duration: z.number().optional(),
  tags: classicTags,
  logs: z.array(z.looseObject({ timestamp: z.number().optional(), fields: classicTags })).nullish(),
  processID: z.string().optional(),
  /** Inline process, as in the span model some endpoints embed instead of processID. */
  process: classicProcessSchema.optional(),
  warnings: z.array(z.string()).nullish(),
})
export type ClassicSpan = z.infer<typeof classicSpanSchema>

/** A classic trace with its spans left unparsed (validated one by one in parse.ts). */
export const classicTraceEnvelopeSchema = z.looseObject({
  traceID: wireId,
  spans: z.array(z.unknown()).default([]),
  processes: z.record(z.string(), z.unknown()).nullish(),
  warnings: z.array(z.string()).nullish(),
})
export type ClassicTraceEnvelope = z.infer<typeof classicTraceEnvelopeSchema>

export const classicErrorSchema = z.looseObject({
  code: z.number().int().optional(),
  msg: z.string().default(''),
  traceID: z.string().optional(),
})

/** Every classic endpoint answers `{data, total, limit, offset, errors}`. */
export const classicEnvelopeSchema = z.looseObject({
  data: z.unknown(),
  total: z.number().int().optional(),
  limit: z.number().int().optional(),
  offset: z.number().int().optional(),
  errors: z.array(classicErrorSchema).nullish(),
})

/** /api/services and /api/services/{service}/operations: `data` is a list of names. */
export const classicNamesSchema = z
  .array(z.string())
  .nullable()
  .transform((names) => names ?? [])

/** /api/operations?service=…&spanKind=…: `data` is a list of {name, spanKind}. */
export const classicOperationsSchema = z
  .array(z.looseObject({ name: z.string(), spanKind: z.string().default('') }))
  .nullable()
  .transform((ops) => ops ?? [])

/** One link of /api/dependencies `data`. */
export const classicDependencyLinkSchema = z.looseObject({
  parent: z.string(),
  child: z.string(),
  callCount: int64,
  source: z.string().optional(),
})
export const classicDependenciesSchema = z
  .array(classicDependencyLinkSchema)
  .nullable()
  .transform((links) => links ?? [])
