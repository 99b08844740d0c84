import { z } from 'zod'

/** catching-up: current data is behind; backfilling: current data is caught up, history is still filling in. */
export const syncHealthSchema = z.enum(['caught-up', 'backfilling', 'catching-up', 'failing', 'not-in-jaeger'])

export const syncStatusSchema = z.object({
  service: z.string(),
  origin: z.enum(['inventory', 'discovered']),
  health: syncHealthSchema,
  dataAsOf: z.iso.datetime().nullable(),
  lagSeconds: z.number().nullable(),
  backfillPercent: z.number().nullable(),
  spansPerMinute: z.number().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  retryAt: z.iso.datetime().nullable(),
})

export const syncStatusResponseSchema = z.object({
  generatedAt: z.iso.datetime(),
  /** Over every service Jaeger lists: 0..100. */
  backfillPercent: z.number(),
  caughtUp: z.number().int(),
  synced: z.number().int(),
  services: z.array(syncStatusSchema),
})
export type SyncStatusResponse = z.infer<typeof syncStatusResponseSchema>
