// Sloth SLO specs as written (github.com/slok/sloth): `version: prometheus/v1` (pkg/prometheus/api/v1) and the
// Kubernetes custom resource sloth.slok.dev/v1 PrometheusServiceLevel (pkg/kubernetes/api/sloth/v1), whose spec has
// the same fields in camelCase. Checked as Sloth checks them (pkg/common/validation/slo.go); unknown keys pass, as
// Sloth's decoder lets them (its own good samples carry pageAlert in a prometheus/v1 file, which it ignores).
import { z } from 'zod'
import { LABEL_NAME } from '@/lib/alerts/schemas'

export const SLOTH_VERSION = 'prometheus/v1'
export const SLOTH_API_VERSION = 'sloth.slok.dev/v1'
export const SLOTH_KIND = 'PrometheusServiceLevel'

/** The keys that differ between the two forms. */
export const SLOTH_KEYS = {
  prometheus: {
    errorQuery: 'error_query',
    totalQuery: 'total_query',
    errorRatioQuery: 'error_ratio_query',
    pageAlert: 'page_alert',
    ticketAlert: 'ticket_alert',
    sloPlugins: 'slo_plugins',
  },
  kubernetes: {
    errorQuery: 'errorQuery',
    totalQuery: 'totalQuery',
    errorRatioQuery: 'errorRatioQuery',
    pageAlert: 'pageAlert',
    ticketAlert: 'ticketAlert',
    sloPlugins: 'sloPlugins',
  },
} as const
export type SlothKeys = (typeof SLOTH_KEYS)[keyof typeof SLOTH_KEYS]

/** Sloth's names (conventions.NameRegexp): service and SLO names, plugin ids. */
const SLOTH_NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$/
/** Sloth fills `{{.window}}` in each SLI query (conventions.TplSLIQueryWindowVarRegex). */
const WINDOW_VARIABLE = /{{ *\.window *}}/

/** An optional key; YAML's `key:` with nothing after it (null) counts as absent, as Go reads it. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? undefined, schema.optional())

const slothName = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .min(1, { message: `${what} is required`, abort: true })
    .regex(SLOTH_NAME, `${what}: letters, digits, -, _ and ., starting and ending with a letter or digit`)
/** Label values are text to Sloth; YAML's `tier: 2` or `generated: true` are read as text. */
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'expected text' })
const labelsSchema = optional(z.record(z.string().regex(LABEL_NAME, 'not a Prometheus label name'), scalar))
const query = z
  .string({ error: 'expected a query (text)' })
  .min(1, 'the query is required')
  .regex(WINDOW_VARIABLE, 'the query needs the {{.window}} variable')
const pluginsSchema = optional(
  z
    .object({
      overridePrevious: optional(z.boolean()),
      chain: optional(z.array(z.object({ id: z.string().min(1, 'a plugin id is required') }))),
    })
    .refine((plugins) => !plugins.overridePrevious || (plugins.chain?.length ?? 0) > 0, 'overridePrevious needs plugins in chain'),
)
const alertSchema = optional(
  z.object({ disable: optional(z.boolean()), labels: labelsSchema, annotations: optional(z.record(z.string(), scalar)) }),
)

function sliSchema(keys: SlothKeys) {
  const events = z
    .object({ [keys.errorQuery]: query, [keys.totalQuery]: query })
    .refine((queries) => queries[keys.errorQuery] !== queries[keys.totalQuery], 'the error and total queries are the same')
  return z
    .object({
      events: optional(events),
      raw: optional(z.object({ [keys.errorRatioQuery]: query })),
      plugin: optional(z.object({ id: slothName('a plugin id'), options: optional(z.record(z.string(), scalar)) })),
    })
    .refine((sli) => [sli.events, sli.raw, sli.plugin].filter(Boolean).length === 1, 'give one SLI: events, raw or plugin')
}

function sloSchema(keys: SlothKeys) {
  return z
    .object({
      name: slothName('name'),
      description: optional(z.string({ error: 'expected text' })),
      objective: z
        .number({ error: 'expected the objective in percent, such as 99.9' })
        .gt(0, 'objective is above 0')
        .max(100, 'objective is at most 100 (%)'),
      plugins: pluginsSchema,
      labels: labelsSchema,
      sli: optional(sliSchema(keys)),
      alerting: optional(
        z.object({
          name: optional(z.string({ error: 'expected text' })),
          labels: labelsSchema,
          annotations: optional(z.record(z.string(), scalar)),
          [keys.pageAlert]: alertSchema,
          [keys.ticketAlert]: alertSchema,
        }),
      ),
    })
    .superRefine((slo, context) => {
      if (!slo.sli) context.addIssue({ code: 'custom', path: ['sli'], message: 'sli is required: events, raw or plugin' })
      const alerting = slo.alerting as SlothAlerting | undefined
      const enabled = [keys.pageAlert, keys.ticketAlert].some((key) => !(alerting?.[key] as SlothAlert)?.disable)
      if (enabled && !alerting?.name)
        context.addIssue({
          code: 'custom',
          path: ['alerting', 'name'],
          message: 'alerting.name is required while the page or ticket alert is on',
        })
    })
}

/** A service's SLOs: a prometheus/v1 file, or the spec of a PrometheusServiceLevel. */
export function serviceLevelSchema(keys: SlothKeys) {
  return z.object({
    service: slothName('service'),
    labels: labelsSchema,
    [keys.sloPlugins]: pluginsSchema,
    slos: z.array(sloSchema(keys), { error: 'slos is required' }).min(1, 'at least one SLO is required'),
  })
}

type Labels = Record<string, string | number | boolean> | undefined
export type SlothAlert = { disable?: boolean; labels?: Labels } | undefined
/** page_alert and ticket_alert (pageAlert, ticketAlert) are under the dialect's keys. */
export type SlothAlerting = { name?: string; labels?: Labels; [alert: string]: unknown }
export type SlothSlo = { name: string; description?: string; objective: number; labels?: Labels; alerting?: SlothAlerting }
export type SlothServiceLevel = { service: string; labels?: Labels; slos: SlothSlo[] }
