// Which services are traced: they sent spans lately. One definition for the scorecard, the rollout
// board and the overhead page.
import { db } from '@/lib/db/client'

/** The services with spans since `since` (the scorecard's and board's "traced": the last 24 h); stops at each one's first such row. */
export async function listServicesWithSpansSince(services: readonly string[], since: Date): Promise<Set<string>> {
  if (services.length === 0) return new Set()
  const rows = await db.$queryRaw<{ service: string }[]>`
    SELECT s.service FROM unnest(${[...services]}::text[]) AS s(service)
    WHERE EXISTS (SELECT 1 FROM service_rollups r WHERE r.service = s.service AND r.resolution IN ('minute', 'hour', 'day')
      AND r.bucket_start >= ${since} AND r.spans > 0)`
  return new Set(rows.map((row) => row.service))
}
