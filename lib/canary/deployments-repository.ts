// Deployments in Postgres: the worker's view of them (observed from service_versions), CI's
// announcements, and the judge's verdicts. One row per (service, version).
import { db, type Prisma } from '@/lib/db/client'
import type { CanaryJudgement } from './canary-judge'
import type { DetectedDeployment, ObservedVersion } from './deployment-detection'
import type { VersionBucket } from './canary-window'
import { readPlans, type ReadPlan } from '@/lib/latency/read-plan-repository'

export async function listObservedVersions(service: string): Promise<ObservedVersion[]> {
  const rows = await db.serviceVersion.findMany({ where: { service } })
  return rows.map((row) => ({
    version: row.version,
    firstSeenMs: row.firstSeen.getTime(),
    lastSeenMs: row.lastSeen.getTime(),
    spans: Number(row.spans),
  }))
}

/**
 * Which of a service's rollup rows hold [fromMs, toMs) for the canary: every minute still kept, and the
 * hours (or days) only where the minutes are past their retention (planRollupReads, preferring the finest).
 */
export async function versionReadPlan(service: string, fromMs: number, toMs: number, now: Date): Promise<ReadPlan> {
  return (await readPlans([service], fromMs * 1000, toMs * 1000, { now, prefer: 'finest' })).get(service)!
}

/**
 * The versions' entry spans per bucket of `plan` (versionReadPlan): per minute, or per hour where the
 * minutes are past their retention. A version that served every entry span of a bucket stored no
 * histogram of its own (lib/metrics/version-rollup.ts): the service's row has it.
 */
export async function listVersionBuckets(service: string, versions: readonly string[], plan: ReadPlan): Promise<VersionBucket[]> {
  const rows = await db.$queryRaw<
    { bucket_ms: number; width_ms: number; version: string; requests: number; errors: number; histogram: Uint8Array | null }[]
  >`
    SELECT (extract(epoch FROM v.bucket_start) * 1000)::float8 AS bucket_ms,
      (extract(epoch FROM (CASE v.resolution WHEN 'minute' THEN interval '1 minute' WHEN 'hour' THEN interval '1 hour' ELSE interval '1 day' END)) * 1000)::float8 AS width_ms,
      v.version, v.entry_spans AS requests, v.entry_errors AS errors, COALESCE(v.entry_histogram, s.entry_histogram) AS histogram
    FROM (SELECT * FROM version_rollups WHERE service = ${service} AND version = ANY(${[...versions]}::text[]) AND (${plan.sql})) v
    LEFT JOIN service_rollups s ON s.service = v.service AND s.resolution = v.resolution AND s.bucket_start = v.bucket_start
      AND v.entry_histogram IS NULL
    ORDER BY v.bucket_start`
  return rows.map((row) => ({
    bucketMs: row.bucket_ms,
    widthMs: row.width_ms,
    version: row.version,
    requests: row.requests,
    errors: row.errors,
    histogram: row.histogram,
  }))
}

/**
 * Makes the service's observed deployments what `detected` says: new ones opened, the rest updated.
 * Observed rows no longer detected (history read later changed the picture) go, unless CI announced them.
 * A deployment whose status, baseline or end changed is due for judgement again (its judgedAt cleared):
 * the stage judges it in the same pass, whatever the wall clock says of its last judgement.
 */
export async function saveObservedDeployments(service: string, detected: readonly DetectedDeployment[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = new Map(
      (
        await tx.deployment.findMany({ where: { service }, select: { version: true, status: true, baselineVersion: true, endedAt: true } })
      ).map((row) => [row.version, row]),
    )
    for (const deployment of detected) {
      const observed = {
        baselineVersion: deployment.baselineVersion,
        status: deployment.status,
        firstSeenAt: new Date(deployment.firstSeenMs),
        lastSeenAt: new Date(deployment.lastSeenMs),
        baselineLastSeenAt: new Date(deployment.baselineLastSeenMs),
        endedAt: deployment.endedMs === null ? null : new Date(deployment.endedMs),
      }
      const was = before.get(deployment.version)
      const changed =
        was !== undefined &&
        (was.status !== observed.status ||
          was.baselineVersion !== observed.baselineVersion ||
          (was.endedAt?.getTime() ?? null) !== (observed.endedAt?.getTime() ?? null))
      await tx.deployment.upsert({
        where: { service_version: { service, version: deployment.version } },
        create: { service, version: deployment.version, ...observed },
        update: changed ? { ...observed, judgedAt: null } : observed,
      })
    }
    await tx.deployment.deleteMany({
      where: { service, announcedAt: null, version: { notIn: detected.map((deployment) => deployment.version) } },
    })
  })
}

/** How long after its end a deployment is judged again, and how often: history read later (a backfill) completes its minutes. */
const REJUDGE_FOR_MS = 14 * 24 * 3_600_000
const REJUDGE_EVERY_MS = 3_600_000

/** Deployments whose verdict is due: in progress; never judged (or changed since: saveObservedDeployments); or ended lately and not judged for an hour. */
export async function listDeploymentsToJudge(service: string, now: Date) {
  const rows = await db.deployment.findMany({
    where: {
      service,
      baselineVersion: { not: null },
      firstSeenAt: { not: null },
      status: { in: ['in_progress', 'finished', 'rolled_back'] },
    },
  })
  const nowMs = now.getTime()
  return rows.filter(
    (row) =>
      row.status === 'in_progress' ||
      row.judgedAt === null ||
      (row.endedAt !== null && row.endedAt.getTime() > nowMs - REJUDGE_FOR_MS && row.judgedAt.getTime() < nowMs - REJUDGE_EVERY_MS),
  )
}

export async function saveJudgement(id: string, judgement: CanaryJudgement, { canaryShare, at }: { canaryShare: number | null; at: Date }) {
  await db.deployment.update({
    where: { id },
    data: { verdict: judgement.verdict, judgement: judgement as unknown as Prisma.InputJsonValue, canaryShare, judgedAt: at },
  })
}

export type Announcement = { service: string; version: string; at: Date; link: string | null; by: string }

/** CI's record of a deployment: joins the observed one of the same version, or waits for its first spans. Idempotent. */
export async function announceDeployment(announcement: Announcement): Promise<{ id: string }> {
  const data = { announcedAt: announcement.at, link: announcement.link, announcedBy: announcement.by }
  return db.deployment.upsert({
    where: { service_version: { service: announcement.service, version: announcement.version } },
    create: { service: announcement.service, version: announcement.version, status: 'announced', ...data },
    update: data,
    select: { id: true },
  })
}
