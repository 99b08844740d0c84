// Latency health: the verdicts the worker's judgement stores in latency_health (one per operation and
// span kind of a service, and operation '' with span kind '' for the service itself), read back for
// pages, and the judgement of one service at once (an admin's change of its baseline window).
import { db } from '@/lib/db/client'
import type { LatencyHealth } from './judge-latency'
import type { ServicePassReport } from './judgement-pass'
import { LatencyHealthJudge } from './latency-health-judge'
import { fromStored, SERVICE_LEVEL } from './stored-verdicts-repository'

/**
 * Judges every series of `service` on the data synced so far, read in full. Skipped when nothing new
 * was committed since its last verdict (same watermark) unless `force`. The worker judges its services
 * together and incrementally instead (LatencyHealthJudge).
 */
export async function judgeAndSaveLatencyHealth(
  service: string,
  { now = new Date(), force = false }: { now?: Date; force?: boolean } = {},
): Promise<ServicePassReport> {
  const [report] = await new LatencyHealthJudge().judgeAndSave([service], { now, force })
  if (report!.skipped === 'failed') throw report!.error
  return report!
}

/**
 * The stored verdicts of the given services: all of them, one operation's (`operation`), or only
 * each service's own and its slow operations' (`summaryOnly`, what the services list shows: the
 * baselines' JSON is most of what these rows weigh).
 */
export async function listLatencyHealth(
  services: readonly string[],
  { operation, summaryOnly = false }: { operation?: string; summaryOnly?: boolean } = {},
): Promise<LatencyHealth[]> {
  const rows = await db.latencyHealth.findMany({
    where: {
      service: { in: [...services] },
      ...(operation === undefined ? {} : { operation }),
      ...(summaryOnly
        ? { OR: [{ operation: SERVICE_LEVEL.operation, spanKind: SERVICE_LEVEL.spanKind }, { state: 'slow' as const }] }
        : {}),
    },
  })
  return rows.flatMap((row) => fromStored(row) ?? [])
}
