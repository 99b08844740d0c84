// Shapes of incidents crossing our boundary: the incident as our webhook and CSV import accept it,
// and the PagerDuty v3 webhook envelope and incident resource we read.
import { z } from 'zod'
import type { FieldIssue } from '@/lib/errors'
import { isZeroId, normalizeTraceId } from '@/lib/jaeger/ids'
import { serviceNameSchema } from '@/lib/inventory/schemas'
import { singleLineText } from '@/lib/text/plain-text'

/** An instant with its offset stated (`Z` or `±hh:mm`), so no reader has to guess the zone. */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'expected an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00Z' })
  .transform((iso) => new Date(iso))

/** A W3C/Jaeger trace id: 16 or 32 hex digits, not all zero; stored as 32 lower-case digits so it joins with synced spans. */
export const traceIdSchema = z
  .string({ error: 'expected a trace id (text)' })
  .trim()
  .regex(/^(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{32})$/, 'expected a trace id of 16 or 32 hex digits')
  .refine((id) => !isZeroId(id), 'a trace id of all zeros is not a trace')
  .transform(normalizeTraceId)

const unique = <T>(values: T[]) => [...new Set(values)]
const absentAsNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null)

/**
 * One incident as a machine (our signed webhook) or a person (the CSV import) reports it. `startedAt` is
 * when impact began, `detectedAt` when someone or something noticed; at least one is needed, since
 * time-to-resolve counts from the start (or from detection when the start is unknown).
 */
export const incidentInput = z
  .object(
    {
      id: singleLineText({ max: 200, what: 'the incident id' }),
      source: absentAsNull(singleLineText({ max: 100, what: 'a source' })),
      title: absentAsNull(singleLineText({ max: 500, what: 'a title' })),
      services: z
        .array(serviceNameSchema, { error: 'expected a list of service names' })
        .min(1, 'list at least one service')
        .max(100, 'at most 100 services')
        .transform(unique),
      startedAt: absentAsNull(instantSchema),
      detectedAt: absentAsNull(instantSchema),
      resolvedAt: absentAsNull(instantSchema),
      tracesUsed: absentAsNull(z.boolean({ error: 'expected true or false' })),
      traceIds: z
        .array(traceIdSchema, { error: 'expected a list of trace ids' })
        .max(100, 'at most 100 trace ids')
        .nullish()
        .transform((ids) => unique(ids ?? [])),
    },
    { error: 'expected an incident (a JSON object)' },
  )
  .superRefine(
    (incident, ctx) => {
      // Runs even when a field failed (so every problem is listed at once); such a field still holds
      // its raw input, not a Date, hence the instanceof checks.
      if (incident.startedAt == null && incident.detectedAt == null) {
        ctx.addIssue({ code: 'custom', path: ['startedAt'], message: 'give the time the incident started or was detected' })
      }
      const { startedAt, detectedAt, resolvedAt } = incident
      if (!(resolvedAt instanceof Date)) return
      if (startedAt instanceof Date && resolvedAt < startedAt) {
        ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'resolved before it started' })
      }
      if (detectedAt instanceof Date && resolvedAt < detectedAt) {
        ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'resolved before it was detected' })
      }
    },
    { when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value) },
  )
export type IncidentInput = z.infer<typeof incidentInput>

// PagerDuty v3 webhooks (developer.pagerduty.com, docs/webhooks/01-Overview.md). Only what we read is
// declared; the rest of each object is dropped unread, so fields PagerDuty adds break nothing.

/** The envelope every v3 delivery has; `data` is checked only for the event types we handle. */
export const pagerDutyEnvelopeSchema = z.object(
  {
    event: z.object(
      {
        id: z.string({ error: 'expected the event id' }).min(1, 'expected the event id'),
        event_type: z.string({ error: 'expected the event type' }).min(1, 'expected the event type'),
        resource_type: z.string({ error: 'expected the resource type' }),
        occurred_at: instantSchema,
        data: z.record(z.string(), z.unknown(), { error: 'expected the event data (an object)' }),
      },
      { error: 'expected a PagerDuty v3 webhook: { event: { id, event_type, occurred_at, data, … } }' },
    ),
  },
  { error: 'expected a JSON object' },
)

/** `event.data` of an incident event (a PagerDuty incident resource), as our incident fields. */
export const pagerDutyIncidentSchema = z
  .object({
    id: z.string({ error: 'expected the incident id' }).min(1, 'expected the incident id'),
    number: z.number({ error: 'expected the incident number' }).int().positive(),
    title: z.string({ error: 'expected the incident title' }),
    html_url: z.url({ error: 'expected the incident URL' }),
    service: z.object(
      {
        id: z.string({ error: 'expected the service id' }).min(1, 'expected the service id'),
        summary: z.string({ error: 'expected the service name' }).min(1, 'expected the service name'),
      },
      { error: 'expected the service reference' },
    ),
    urgency: z.enum(['high', 'low'], { error: 'expected urgency high or low' }),
    priority: z.object({ summary: z.string({ error: 'expected the priority name' }) }).nullish(),
    created_at: instantSchema.optional(),
  })
  .transform((incident) => ({
    externalId: incident.id,
    number: incident.number,
    title: incident.title,
    htmlUrl: incident.html_url,
    serviceName: incident.service.summary,
    serviceExternalId: incident.service.id,
    urgency: incident.urgency,
    priority: incident.priority?.summary ?? null,
    /** In PagerDuty's docs sample, not in every delivery (neither Zulip-recorded one has it). */
    createdAt: incident.created_at ?? null,
  }))
export type PagerDutyIncident = z.output<typeof pagerDutyIncidentSchema>

/** Zod issues as the 400 names them: a dotted path (`services.0`, `event.data.service.id`) and a message. */
export const issuesOf = (error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] =>
  error.issues.map((issue) => ({ path: [...prefix, ...issue.path].map(String).join('.') || '(root)', message: issue.message }))

// The "Record incident" form and the incidents page's URL: what people type and click, read into the
// shapes above (the form ends in incidentInput, so the form, the CSV and the webhook share one rule set).

const formText = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? '')
/** Splits a typed list on commas, semicolons and white space. */
const typedList = (value: string) => value.split(/[\s,;]+/).filter(Boolean)
/** `<input type="datetime-local">` gives `2026-03-01T09:30` (no zone): the form says UTC, so it is read as UTC. */
const formInstant = (value: string) => {
  if (value === '') return null
  const wallTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.exec(value)
  // The schema wants seconds; the browser leaves them out when they are zero.
  return wallTime ? `${value}${wallTime[1] ? '' : ':00'}Z` : value
}

/** The form's fields (all text) as an incident; errors name the same fields as incidentInput does. */
export const incidentFormInput = z
  .object({
    id: formText,
    title: formText,
    services: formText,
    startedAt: formText,
    detectedAt: formText,
    resolvedAt: formText,
    tracesUsed: formText,
    traceIds: formText,
  })
  .transform(
    (form) =>
      ({
        // Left empty, the incident gets an id of its own: recorded by hand, it has none elsewhere.
        id: form.id === '' ? `form-${globalThis.crypto.randomUUID()}` : form.id,
        source: 'form',
        title: form.title === '' ? null : form.title,
        services: typedList(form.services),
        startedAt: formInstant(form.startedAt),
        detectedAt: formInstant(form.detectedAt),
        resolvedAt: formInstant(form.resolvedAt),
        tracesUsed: form.tracesUsed === 'yes' ? true : form.tracesUsed === 'no' ? false : form.tracesUsed === '' ? null : form.tracesUsed,
        traceIds: typedList(form.traceIds),
        // Typed as the schema's input, which it is except for a tracesUsed the select never sends: the pipe refuses that one.
      }) as z.input<typeof incidentInput>,
  )
  .pipe(incidentInput)

/** The CSV upload: one file, at most 5 MB (10,000 rows of a few hundred bytes). */
export const MAX_INCIDENT_CSV_BYTES = 5 * 1024 * 1024
export const incidentsCsvUpload = z.object({
  file: z
    .instanceof(File, { error: 'choose a CSV file' })
    .refine((file) => file.size > 0, 'the file is empty')
    .refine((file) => file.size <= MAX_INCIDENT_CSV_BYTES, `at most ${MAX_INCIDENT_CSV_BYTES / 1024 / 1024} MB per file: split it`),
})

export const INCIDENT_PAGE_SIZE = 50
/** The incidents page's filters, from its URL; a value that does not parse is dropped, not an error page. */
export const incidentListQuery = z.object({
  service: serviceNameSchema.optional().catch(undefined),
  /** Before or after go-live: of `service` when given, else of the incident's first traced service. */
  cohort: z.enum(['before', 'after']).optional().catch(undefined),
  status: z.enum(['resolved', 'open']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})
export type IncidentListQuery = z.output<typeof incidentListQuery>
