// Alerts as stored: each (rule, service)'s alerts, each service's evaluation cursor, and one pass's changes saved in
// one transaction behind a claim on the cursors (lib/alerts/alert-evaluator.ts).
import { z } from 'zod'
import { db, Prisma } from '@/lib/db/client'
import type { AlertTransition } from './alert-state'
import type { Alert, StoredAlertRule } from './schemas'

export const pairKey = (ruleId: string, service: string) => `${ruleId}\u0000${service}`

const ms = (date: Date | null) => (date ? date.getTime() : null)
const date = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs))

type AlertRow = Prisma.AlertGetPayload<object>

const labelsSchema = z.record(z.string(), z.string())

const toAlert = (row: AlertRow): Alert => ({
  fingerprint: row.fingerprint,
  labels: labelsSchema.parse(row.labels),
  annotations: labelsSchema.catch({}).parse(row.annotations),
  state: row.state,
  value: row.value,
  activeAt: row.activeAt.getTime(),
  firedAt: ms(row.firedAt),
  resolvedAt: ms(row.resolvedAt),
  lastSentAt: ms(row.lastSentAt),
  keepFiringSince: ms(row.keepFiringSince),
})

/** Per service, the instant its series were last evaluated at (epoch ms). */
export async function listEvaluationCursors(services: readonly string[]): Promise<Map<string, number>> {
  const cursors = await db.alertEvaluation.findMany({ where: { service: { in: [...services] } } })
  return new Map(cursors.map((cursor) => [cursor.service, cursor.evaluatedAt.getTime()]))
}

/** Per (rule, service) key, its pending, firing and retained resolved alerts by fingerprint. */
export async function listStoredAlerts(ruleIds: readonly string[], services: readonly string[]): Promise<Map<string, Map<string, Alert>>> {
  const rows = await db.alert.findMany({ where: { service: { in: [...services] }, ruleId: { in: [...ruleIds] } } })
  const byPair = new Map<string, Map<string, Alert>>()
  for (const row of rows) {
    const key = pairKey(row.ruleId, row.service)
    if (!byPair.has(key)) byPair.set(key, new Map())
    byPair.get(key)!.set(row.fingerprint, toAlert(row))
  }
  return byPair
}

/**
 * Saves a pass: claims each service's instant first, and only if its cursor is still where the pass read
 * it — a second worker (or a retried pass) that evaluated it meanwhile wins, and this pass writes nothing
 * for that service. Returns the transitions written.
 */
export async function saveEvaluations(evaluated: readonly EvaluatedService[], changes: readonly AlertChange[]): Promise<number> {
  if (evaluated.length === 0) return 0
  // A fleet-wide burst changes thousands of alerts at once: three statements, whatever their number.
  return db.$transaction(
    async (tx) => {
      const claimed = new Set((await claimEvaluations(tx, evaluated)).map((row) => row.service))
      const saved = changes.filter((change) => claimed.has(change.cursor ?? change.service))
      await saveChanges(tx, saved)
      return saved.reduce((sum, change) => sum + change.transitions.length, 0)
    },
    { timeout: 60_000 },
  )
}

type Tx = Prisma.TransactionClient
export type AlertChange = {
  rule: StoredAlertRule
  service: string
  /** The evaluation cursor this change was judged under, when not its service's (an SLO's: `slo:<id>`). */
  cursor?: string
  previous: ReadonlyMap<string, Alert>
  alerts: Map<string, Alert>
  transitions: AlertTransition[]
  touched: string[]
}

/** A cursor moved by a pass: a service's, or an SLO's (`slo:<id>`, lib/slo/slo-stage.ts). */
export type EvaluatedService = { service: string; at: number; previousAt: number | null }

/** Writes the changed alerts (deleted, inserted or replaced) and every transition, in three statements. */
async function saveChanges(tx: Tx, changes: readonly AlertChange[]) {
  const deleted: { ruleId: string; fingerprint: string }[] = []
  const rows: (Alert & { ruleId: string; service: string })[] = []
  for (const change of changes)
    for (const fingerprint of change.touched) {
      const alert = change.alerts.get(fingerprint)
      if (alert) rows.push({ ...alert, ruleId: change.rule.id, service: change.service })
      else deleted.push({ ruleId: change.rule.id, fingerprint })
    }
  if (deleted.length)
    await tx.$executeRaw`
      DELETE FROM alerts a USING unnest(${deleted.map((row) => row.ruleId)}::uuid[], ${deleted.map((row) => row.fingerprint)}::text[]) AS d(rule_id, fingerprint)
      WHERE a.rule_id = d.rule_id AND a.fingerprint = d.fingerprint`
  if (rows.length) {
    const at = (pick: (alert: Alert) => number | null) => rows.map((row) => date(pick(row)))
    await tx.$executeRaw`
      INSERT INTO alerts (rule_id, fingerprint, service, labels, annotations, state, value, active_at, fired_at, resolved_at, last_sent_at, keep_firing_since)
      SELECT * FROM unnest(
        ${rows.map((row) => row.ruleId)}::uuid[], ${rows.map((row) => row.fingerprint)}::text[], ${rows.map((row) => row.service)}::text[],
        ${rows.map((row) => JSON.stringify(row.labels))}::jsonb[], ${rows.map((row) => JSON.stringify(row.annotations))}::jsonb[],
        ${rows.map((row) => row.state)}::"AlertState"[], ${rows.map((row) => row.value)}::float8[],
        ${at((alert) => alert.activeAt)}::timestamptz[], ${at((alert) => alert.firedAt)}::timestamptz[], ${at((alert) => alert.resolvedAt)}::timestamptz[],
        ${at((alert) => alert.lastSentAt)}::timestamptz[], ${at((alert) => alert.keepFiringSince)}::timestamptz[])
      ON CONFLICT (rule_id, fingerprint) DO UPDATE SET service = excluded.service, labels = excluded.labels, annotations = excluded.annotations,
        state = excluded.state, value = excluded.value, active_at = excluded.active_at, fired_at = excluded.fired_at,
        resolved_at = excluded.resolved_at, last_sent_at = excluded.last_sent_at, keep_firing_since = excluded.keep_firing_since`
  }
  const events = changes.flatMap((change) =>
    change.transitions.map((transition) => ({
      ruleId: change.rule.id,
      fingerprint: transition.fingerprint,
      service: change.service,
      labels: (change.alerts.get(transition.fingerprint) ?? change.previous.get(transition.fingerprint))!.labels,
      fromState: transition.from,
      toState: transition.to,
      at: new Date(transition.at),
      value: transition.value,
    })),
  )
  if (events.length) await tx.alertEvent.createMany({ data: events })
}

/** Advances the cursors still at the instant this pass read; returns the services it advanced. */
async function claimEvaluations(tx: Tx, evaluated: readonly EvaluatedService[]) {
  const moved = evaluated.filter((row) => row.previousAt !== null)
  const first = evaluated.filter((row) => row.previousAt === null)
  const updated = moved.length
    ? await tx.$queryRaw<{ service: string }[]>`
        UPDATE alert_evaluations a SET evaluated_at = s.at
        FROM unnest(${moved.map((row) => row.service)}::text[], ${moved.map((row) => new Date(row.at))}::timestamptz[],
          ${moved.map((row) => new Date(row.previousAt!))}::timestamptz[]) AS s(service, at, previous_at)
        WHERE a.service = s.service AND a.evaluated_at = s.previous_at
        RETURNING a.service`
    : []
  const inserted = first.length
    ? await tx.$queryRaw<{ service: string }[]>`
        INSERT INTO alert_evaluations (service, evaluated_at)
        SELECT * FROM unnest(${first.map((row) => row.service)}::text[], ${first.map((row) => new Date(row.at))}::timestamptz[])
        ON CONFLICT (service) DO NOTHING
        RETURNING service`
    : []
  return [...updated, ...inserted]
}

export type StoredAlerts = {
  /** Pending, firing and retained resolved alerts, by rule id. */
  byRule: Map<string, (Alert & { service: string })[]>
  /** The latest evaluation of any service: every enabled rule is evaluated with each. */
  lastEvaluationMs: number | null
}

/** Every stored alert by rule id, and when the rules were last evaluated. */
export async function listStoredAlertsByRule(): Promise<StoredAlerts> {
  const [rows, evaluations] = await Promise.all([
    db.alert.findMany({ orderBy: [{ activeAt: 'asc' }] }),
    db.alertEvaluation.aggregate({ _max: { evaluatedAt: true } }),
  ])
  const byRule = new Map<string, (Alert & { service: string })[]>()
  for (const row of rows) {
    const alerts = byRule.get(row.ruleId) ?? []
    alerts.push({ ...toAlert(row), service: row.service })
    byRule.set(row.ruleId, alerts)
  }
  return { byRule, lastEvaluationMs: evaluations._max.evaluatedAt?.getTime() ?? null }
}

export type AlertEventRow = {
  ruleId: string
  fingerprint: string
  service: string
  labels: Record<string, string>
  from: string
  to: string
  at: number
  value: number
}

/** Transitions newest first: a rule's (its history), or every rule's since `sinceMs` (what resolved lately). */
export async function listAlertEvents({
  ruleId,
  sinceMs,
  toState,
  limit = 200,
}: {
  ruleId?: string
  sinceMs?: number
  toState?: string
  limit?: number
}): Promise<AlertEventRow[]> {
  const rows = await db.alertEvent.findMany({
    where: {
      ...(ruleId ? { ruleId } : {}),
      ...(sinceMs !== undefined ? { at: { gte: new Date(sinceMs) } } : {}),
      ...(toState ? { toState } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit,
  })
  return rows.map((row) => ({
    ruleId: row.ruleId,
    fingerprint: row.fingerprint,
    service: row.service,
    labels: labelsSchema.catch({}).parse(row.labels),
    from: row.fromState,
    to: row.toState,
    at: row.at.getTime(),
    value: row.value,
  }))
}

/** Firing alerts and resolved ones still kept (the notification dispatcher's input), with their rule. */
export async function listNotifiableAlerts(): Promise<(Alert & { ruleId: string; service: string })[]> {
  const rows = await db.alert.findMany({
    where: { OR: [{ state: 'firing' }, { state: 'inactive', resolvedAt: { not: null } }] },
    orderBy: [{ activeAt: 'asc' }],
  })
  return rows.map((row) => ({ ...toAlert(row), ruleId: row.ruleId, service: row.service }))
}
