// The JSON of /api/v1/slos: each SLO as stored, with its figures as of its last accounting pass, its
// status in a word, and its burn-rate alerts. Schemas describe the answers in the OpenAPI document.
import { z } from 'zod'
import { SLO_HEALTHS } from './slo-health'
import type { SloDetail, SloOverview } from './slo-read-repository'
import { BURN_TIERS, sloNameSchema, storedSloSchema } from './schemas'

const totals = z.object({ good: z.number(), total: z.number(), minutes: z.number(), badMinutes: z.number() })

export const sloStatusSchema = z.object({
  atMs: z.number(),
  windowStartMs: z.number(),
  windowEndMs: z.number(),
  windowMinutes: z.number(),
  correctedMinutes: z.number(),
  totals,
  budget: z.object({
    sli: z.number().nullable(),
    remaining: z.number(),
    unit: z.enum(['events', 'minutes']),
    allowed: z.number(),
    spent: z.number(),
    left: z.number(),
  }),
  burnRates: z.array(z.object({ seconds: z.number(), rate: z.number().nullable() })),
  tiers: z.array(
    z.object({
      tier: z.enum(BURN_TIERS),
      action: z.enum(['page', 'ticket']),
      severity: z.enum(['critical', 'warning']),
      longSeconds: z.number(),
      shortSeconds: z.number(),
      factor: z.number(),
      enabled: z.boolean(),
      longBurn: z.number().nullable(),
      shortBurn: z.number().nullable(),
      shortEvents: z.number(),
      lowTraffic: z.boolean(),
      holds: z.boolean(),
    }),
  ),
  runsOutAtMs: z.number().nullable(),
  accountedFromMs: z.number(),
})

const sloAlertSchema = z.object({
  rule: z.string(),
  tier: z.enum(BURN_TIERS),
  state: z.enum(['pending', 'firing', 'inactive']),
  value: z.number(),
  activeAt: z.string(),
  firedAt: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
})

export const sloViewSchema = storedSloSchema.safeExtend({
  health: z.enum(SLO_HEALTHS),
  status: sloStatusSchema.nullable(),
  alerts: z.array(sloAlertSchema),
})
export const sloListSchema = z.object({
  slos: z.array(sloViewSchema),
  unreadable: z.array(z.object({ id: z.string(), name: z.string(), error: z.string() })),
})

export const sloDetailViewSchema = sloViewSchema.safeExtend({
  corrections: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      reason: z.string(),
      author: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** Accounted hours over the window (and last month): good and all events, counted and bad minutes. */
  hours: z.array(totals.safeExtend({ startsAt: z.string() })),
})

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function toSloView({ slo, status, health, alerts }: SloOverview): z.infer<typeof sloViewSchema> {
  return {
    ...slo,
    health,
    status,
    alerts: alerts.map((alert) => ({
      rule: alert.ruleName,
      tier: alert.tier,
      state: alert.state,
      value: alert.value,
      activeAt: iso(alert.activeAt)!,
      firedAt: iso(alert.firedAt),
      labels: { ...alert.labels },
    })),
  }
}

export function toSloDetailView(detail: SloDetail): z.infer<typeof sloDetailViewSchema> {
  return {
    ...toSloView(detail),
    corrections: detail.corrections.map((correction) => ({
      id: correction.id,
      startsAt: iso(correction.startMs)!,
      endsAt: iso(correction.endMs)!,
      reason: correction.reason,
      author: correction.author,
      createdAt: iso(correction.createdAt)!,
    })),
    hours: detail.hours.map(({ startMs, good, total, minutes, badMinutes }) => ({
      startsAt: iso(startMs)!,
      good,
      total,
      minutes,
      badMinutes,
    })),
  }
}

/** POST /api/v1/slos/import: an OpenSLO or Sloth file as text, with `dryRun` to see what would change. */
export const slosImportBody = z.object({
  content: z.string({ error: 'expected the file as text in content' }).max(1024 * 1024, 'at most 1 MB'),
  dryRun: z.boolean().default(false),
})

/** GET /api/v1/slos/export?name=…: one SLO, or every SLO when absent. */
export const slosExportQuery = z.object({ name: sloNameSchema.optional() })

export const correctionParams = z.object({
  id: z.uuid({ error: 'not an SLO id (a UUID)' }),
  correctionId: z.uuid({ error: 'not a correction id (a UUID)' }),
})
