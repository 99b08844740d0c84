// The rollout board's reads: every inventory service with its rollout status (computed by the worker,
// and a manager's override in force), plan, go-live, coverage and quality over the last 7 days, and
// latest overhead; plus the burn-up of planned vs traced services. A handful of queries for any fleet.
import { db } from '@/lib/db/client'
import { burnUp, lateServices, type BurnUp, type BurnUpService } from './burn-up'
import { addDays, dayOf, type CalendarDay } from './calendar-day'
import { listServicesWithSpansSince } from '@/lib/latency/traced-services-repository'
import { listDailyQuality } from './daily-quality-repository'
import { getRolloutSettings, listRolloutStates, type StoredRolloutState } from './rollout-state-repository'
import type { RolloutStatus } from './schemas'

/** The quality the board shows: the last 7 full days and today so far. */
export const QUALITY_DAYS = 7

export type ActiveOverride = {
  id: string
  status: RolloutStatus
  reason: string
  expiresAt: Date | null
  createdAt: Date
  by: string | null
}

export type BoardService = {
  name: string
  team: string | null
  owner: string | null
  tier: number | null
  wave: number | null
  plannedDate: CalendarDay | null
  goLiveAt: Date | null
  /** The status the worker computed (null before its first pass over the service). */
  computed: StoredRolloutState | null
  override: ActiveOverride | null
  /** What the board counts: the override while in force, else the computed status. */
  status: RolloutStatus
  late: { daysLate: number } | null
  expectedOperations: string[]
  /** Expected operations seen in the baseline window, and every operation seen. */
  coverage: { expectedSeen: number; expected: number; seen: number; missing: string[] }
  quality: {
    tracesSeen: number
    tracesComplete: number
    /** complete ÷ seen over QUALITY_DAYS; null without traces. */
    reliability: number | null
    keyAttributeShare: number | null
    /** Mean sampler.param of spans that carry one; null when none do. */
    samplingRate: number | null
    skewedSpans: number
  }
  overhead: { overheadMs: number; measuredAt: Date } | null
  /** Spans in the last 24 h: "traced" on the scorecard. */
  tracedLast24h: boolean
}

export type RolloutBoard = {
  today: CalendarDay
  startDate: CalendarDay | null
  dueDate: CalendarDay | null
  services: BoardService[]
  burnUp: BurnUp | null
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export async function getRolloutBoard({ now = new Date() }: { now?: Date } = {}): Promise<RolloutBoard> {
  const today = dayOf(now)
  const [inventory, settings, target] = await Promise.all([
    db.service.findMany({
      where: { origin: 'inventory', retiredAt: null },
      select: {
        name: true,
        team: true,
        owner: true,
        tier: true,
        rolloutWave: true,
        plannedDate: true,
        goLiveAt: true,
        expectedOperations: true,
      },
      orderBy: [{ rolloutWave: 'asc' }, { name: 'asc' }],
    }),
    getRolloutSettings(),
    db.target.findUnique({ where: { key: 'services_traced' }, select: { dueDate: true } }),
  ])
  const names = inventory.map((service) => service.name)
  const [states, overrides, operations, overheads, recent, quality] = await Promise.all([
    listRolloutStates(names),
    listActiveOverrides(names, now),
    db.latencyHealth.findMany({
      where: { service: { in: names }, operation: { not: '' } },
      select: { service: true, operation: true },
      distinct: ['service', 'operation'],
    }),
    db.$queryRaw<{ service: string; overhead_ms: number; measured_at: Date }[]>`
      SELECT DISTINCT ON (service) service, overhead_ms, measured_at FROM overhead_measurements
      WHERE service = ANY(${names}::text[]) ORDER BY service, measured_at DESC`,
    listServicesWithSpansSince(names, new Date(now.getTime() - 86_400_000)),
    listDailyQuality(new Map(names.map((name) => [name, { from: addDays(today, -QUALITY_DAYS), to: addDays(today, 1) }])), { now }),
  ])
  const seenOps = new Map<string, Set<string>>()
  for (const row of operations) {
    if (!seenOps.has(row.service)) seenOps.set(row.service, new Set())
    seenOps.get(row.service)!.add(row.operation)
  }
  const overheadOf = new Map(overheads.map((row) => [row.service, { overheadMs: row.overhead_ms, measuredAt: row.measured_at }]))
  const traced = recent
  const burnUpServices: BurnUpService[] = inventory.map((service) => ({
    name: service.name,
    wave: service.rolloutWave,
    plannedDate: service.plannedDate ? dayOf(service.plannedDate) : null,
    goLiveDay: service.goLiveAt ? dayOf(service.goLiveAt) : null,
  }))
  const late = new Map(lateServices(burnUpServices, today).map((service) => [service.name, service.daysLate]))

  const services = inventory.map((service): BoardService => {
    const days = quality.get(service.name) ?? []
    const sum = (field: keyof (typeof days)[number]) => days.reduce((total, day) => total + (day[field] as number), 0)
    const seen = seenOps.get(service.name) ?? new Set<string>()
    const missing = service.expectedOperations.filter((operation) => !seen.has(operation))
    const computed = states.get(service.name) ?? null
    const override = overrides.get(service.name) ?? null
    const keyed = sum('serverSpans') + sum('httpSpans')
    return {
      name: service.name,
      team: service.team,
      owner: service.owner,
      tier: service.tier,
      wave: service.rolloutWave,
      plannedDate: service.plannedDate ? dayOf(service.plannedDate) : null,
      goLiveAt: service.goLiveAt,
      computed,
      override,
      status: override?.status ?? computed?.status ?? (service.goLiveAt ? 'instrumented' : 'not_started'),
      late: late.has(service.name) ? { daysLate: late.get(service.name)! } : null,
      expectedOperations: service.expectedOperations,
      coverage: {
        expectedSeen: service.expectedOperations.length - missing.length,
        expected: service.expectedOperations.length,
        seen: seen.size,
        missing,
      },
      quality: {
        tracesSeen: sum('tracesSeen'),
        tracesComplete: sum('tracesComplete'),
        reliability: share(sum('tracesComplete'), sum('tracesSeen')),
        keyAttributeShare: share(sum('serverSpansWithRoute') + sum('httpSpansWithStatus'), keyed),
        samplingRate: share(sum('samplerParamSum'), sum('spansWithSampler')),
        skewedSpans: sum('skewedSpans'),
      },
      overhead: overheadOf.get(service.name) ?? null,
      tracedLast24h: traced.has(service.name),
    }
  })

  const dueDate = target?.dueDate ? dayOf(target.dueDate) : null
  const plannedDays = burnUpServices.flatMap((service) => (service.plannedDate ? [service.plannedDate] : []))
  const from = settings.startDate ?? plannedDays.sort()[0] ?? null
  const to = [dueDate, today, ...plannedDays]
    .filter((day): day is CalendarDay => day !== null)
    .sort()
    .at(-1)!
  return {
    today,
    startDate: settings.startDate,
    dueDate,
    services,
    burnUp: from && from <= to ? burnUp({ services: burnUpServices, from, to, today }) : null,
  }
}

/** Per service, the newest override not cleared and not expired. */
export async function listActiveOverrides(services: readonly string[], now: Date): Promise<Map<string, ActiveOverride>> {
  const rows = await db.rolloutOverride.findMany({
    where: { service: { in: [...services] }, clearedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: 'desc' },
  })
  const users = await db.user.findMany({
    where: { id: { in: rows.flatMap((row) => (row.createdById ? [row.createdById] : [])) } },
    select: { id: true, name: true },
  })
  const nameOf = new Map(users.map((user) => [user.id, user.name]))
  const active = new Map<string, ActiveOverride>()
  for (const row of rows)
    if (!active.has(row.service))
      active.set(row.service, {
        id: row.id,
        status: row.status,
        reason: row.reason,
        expiresAt: row.expiresAt,
        createdAt: row.createdAt,
        by: row.createdById ? (nameOf.get(row.createdById) ?? null) : null,
      })
  return active
}
