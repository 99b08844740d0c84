// What the SLO pages and the read API show: each SLO with the figures the stage stored, its generated
// rules' alerts, and for one SLO its accounted hours and corrections.
import { listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import type { Alert } from '@/lib/alerts/schemas'
import { db } from '@/lib/db/client'
import { listAccountedHours, listAccountingStates } from './accounting-repository'
import type { SloBucket } from './error-budget'
import type { BurnTier, StoredCorrection, StoredSlo } from './schemas'
import { sloHealthOf, type SloHealth } from './slo-health'
import { ACCOUNT_BACK_MS } from './slo-stage'
import type { SloStatus } from './slo-status'
import { listCorrections } from './corrections-repository'
import { getSlo, listSlos } from './slos-repository'
import { DAY_MS } from './time'

export type SloAlert = Alert & { ruleId: string; ruleName: string; tier: BurnTier; service: string }

export type SloOverview = {
  slo: StoredSlo
  status: SloStatus | null
  health: SloHealth
  alerts: SloAlert[]
}

async function alertsBySlo(): Promise<Map<string, SloAlert[]>> {
  const [rules, { byRule }] = await Promise.all([
    db.alertRule.findMany({ where: { sloId: { not: null } }, select: { id: true, name: true, sloId: true, definition: true } }),
    listStoredAlertsByRule(),
  ])
  const bySlo = new Map<string, SloAlert[]>()
  for (const rule of rules) {
    const tier = (rule.definition as { rule?: { condition?: { tier?: BurnTier } } }).rule?.condition?.tier
    if (!tier) continue
    const alerts = (byRule.get(rule.id) ?? []).map((alert) => ({ ...alert, ruleId: rule.id, ruleName: rule.name, tier }))
    bySlo.set(rule.sloId!, [...(bySlo.get(rule.sloId!) ?? []), ...alerts])
  }
  return bySlo
}

export async function listSloOverviews(): Promise<{ overviews: SloOverview[]; unreadable: { id: string; name: string; error: string }[] }> {
  const [{ slos, unreadable }, alerts] = await Promise.all([listSlos(), alertsBySlo()])
  const states = await listAccountingStates(slos.map((slo) => slo.id))
  const overviews = slos.map((slo) => {
    const status = states.get(slo.id)?.status ?? null
    return { slo, status, health: sloHealthOf(status), alerts: alerts.get(slo.id) ?? [] }
  })
  return { overviews, unreadable }
}

export type SloDetail = SloOverview & {
  /** Accounted hours back to the start of the window or of last month, whichever is earlier (members' sums for a composite). */
  hours: SloBucket[]
  corrections: StoredCorrection[]
  /** Composite SLOs: their members, as stored. */
  members: { slo: StoredSlo; weight: number; status: SloStatus | null }[]
  /** Other SLOs this one is a member of. */
  memberOf: StoredSlo[]
}

export async function getSloDetail(id: string): Promise<SloDetail> {
  const slo = await getSlo(id)
  const [{ slos }, alerts, corrections] = await Promise.all([listSlos(), alertsBySlo(), listCorrections([id])])
  const memberSlos =
    slo.sli.kind === 'composite'
      ? slo.sli.members.flatMap((member) => {
          const found = slos.find((candidate) => candidate.name === member.slo)
          return found ? [{ slo: found, weight: member.weight }] : []
        })
      : []
  const states = await listAccountingStates([id, ...memberSlos.map((member) => member.slo.id)])
  const status = states.get(id)?.status ?? null
  const fromMs = (status?.atMs ?? Date.now()) - ACCOUNT_BACK_MS - DAY_MS
  const hours =
    slo.sli.kind === 'composite' ? await compositeHours(memberSlos, fromMs) : ((await listAccountedHours([id], fromMs)).get(id) ?? [])
  return {
    slo,
    status,
    health: sloHealthOf(status),
    alerts: alerts.get(id) ?? [],
    hours,
    corrections: corrections.get(id) ?? [],
    members: memberSlos.map((member) => ({ ...member, status: states.get(member.slo.id)?.status ?? null })),
    memberOf: slos.filter((other) => other.sli.kind === 'composite' && other.sli.members.some((member) => member.slo === slo.name)),
  }
}

/** A composite's hours: its members' good and all events per hour, weighted and added. */
async function compositeHours(members: { slo: StoredSlo; weight: number }[], fromMs: number): Promise<SloBucket[]> {
  const byMember = await listAccountedHours(
    members.map((member) => member.slo.id),
    fromMs,
  )
  const byHour = new Map<number, SloBucket>()
  for (const { slo, weight } of members)
    for (const hour of byMember.get(slo.id) ?? []) {
      const sum = byHour.get(hour.startMs) ?? {
        startMs: hour.startMs,
        endMs: hour.endMs,
        good: 0,
        total: 0,
        minutes: hour.minutes,
        badMinutes: 0,
      }
      sum.good += hour.good * weight
      sum.total += hour.total * weight
      byHour.set(hour.startMs, sum)
    }
  return [...byHour.values()].sort((a, b) => a.startMs - b.startMs)
}

/** The SLOs of one service, with their figures (the service page's card). */
export async function listServiceSlos(service: string): Promise<SloOverview[]> {
  const { overviews } = await listSloOverviews()
  return overviews.filter((overview) => overview.slo.service === service)
}
