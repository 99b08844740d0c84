// Which rollup rows answer [startUs, endUs) for each service (planRollupReads over its compaction
// marks), as SQL to put in a WHERE clause. One query for any number of services.
import { db, Prisma } from '@/lib/db/client'
import { env } from '@/lib/env'
import { planRollupReads, type ReadPreference, type ReadSegment } from '@/lib/metrics/plan-reads'
import { DAY_US, HOUR_US } from '@/lib/time/time-buckets'
import { fromMicros, toMicros } from '@/lib/time/micros'

export type ReadPlan = { segments: ReadSegment[]; sql: Prisma.Sql }

export function segmentsSql(segments: readonly ReadSegment[]): Prisma.Sql {
  if (segments.length === 0) return Prisma.sql`false` // an empty range reads nothing
  return Prisma.join(
    segments.map(
      (s) =>
        Prisma.sql`(resolution = ${s.resolution}::"RollupResolution" AND bucket_start >= ${fromMicros(s.startUs)} AND bucket_start < ${fromMicros(s.endUs)})`,
    ),
    ' OR ',
  )
}

export async function readPlans(
  services: readonly string[],
  startUs: number,
  endUs: number,
  options: { now?: Date; maxBucketUs?: number; prefer?: ReadPreference } = {},
): Promise<Map<string, ReadPlan>> {
  return readPlansByService(new Map(services.map((service) => [service, { startUs, endUs }])), options)
}

/** Like readPlans, with a range of its own for each service. */
export async function readPlansByService(
  ranges: ReadonlyMap<string, { startUs: number; endUs: number }>,
  { now = new Date(), maxBucketUs = DAY_US, prefer }: { now?: Date; maxBucketUs?: number; prefer?: ReadPreference } = {},
): Promise<Map<string, ReadPlan>> {
  const marks = await db.syncState.findMany({
    where: { serviceName: { in: [...ranges.keys()] } },
    select: { serviceName: true, hoursCompactedTo: true, daysCompactedTo: true },
  })
  const byService = new Map(marks.map((mark) => [mark.serviceName, mark]))
  const { ROLLUP_MINUTE_RETENTION_HOURS, ROLLUP_HOUR_RETENTION_DAYS } = env()
  const nowUs = toMicros(now)
  const plans = new Map<string, ReadPlan>()
  for (const [service, { startUs, endUs }] of ranges) {
    const mark = byService.get(service)
    const segments = planRollupReads(
      startUs,
      endUs,
      {
        hoursCompactedToUs: mark?.hoursCompactedTo ? toMicros(mark.hoursCompactedTo) : null,
        daysCompactedToUs: mark?.daysCompactedTo ? toMicros(mark.daysCompactedTo) : null,
        minutesFromUs: nowUs - ROLLUP_MINUTE_RETENTION_HOURS * HOUR_US,
        hoursFromUs: nowUs - ROLLUP_HOUR_RETENTION_DAYS * DAY_US,
      },
      maxBucketUs,
      prefer,
    )
    plans.set(service, { segments, sql: segmentsSql(segments) })
  }
  return plans
}

/** `(service = 'a' AND (…a's segments…)) OR (service = 'b' AND …)` */
export function servicesSql(plans: Map<string, ReadPlan>): Prisma.Sql {
  if (plans.size === 0) return Prisma.sql`false`
  return Prisma.join(
    [...plans].map(([service, plan]) => Prisma.sql`(service = ${service} AND (${plan.sql}))`),
    ' OR ',
  )
}
