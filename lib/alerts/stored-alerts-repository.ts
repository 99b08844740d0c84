// The evaluator's read of the alerts it moves on: each (rule, service)'s stored alerts, in one query of
// the columns an Alert needs, times as epoch ms (Postgres computes them; no Date per column and row).
import { db } from '@/lib/db/client'
import { pairKey } from './alerts-repository'
import type { Alert, AlertState, Labels } from './schemas'

type AlertRow = {
  rule_id: string
  service: string
  fingerprint: string
  labels: unknown
  annotations: unknown
  state: AlertState
  value: number
  active_ms: number
  fired_ms: number | null
  resolved_ms: number | null
  last_sent_ms: number | null
  keep_firing_since_ms: number | null
}

/**
 * A label set as stored: a JSON object of strings. Checked by hand rather than with zod's record schema,
 * which took ~35 ms a pass for 6,700 alerts' labels and annotations (npm run bench -- alerts).
 */
export function isLabels(value: unknown): value is Labels {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== 'string') return false
  return true
}

/** Per pairKey(rule, service), its pending, firing and retained resolved alerts by fingerprint. */
export async function listAlertsByPair(ruleIds: readonly string[], services: readonly string[]): Promise<Map<string, Map<string, Alert>>> {
  const byPair = new Map<string, Map<string, Alert>>()
  if (ruleIds.length === 0 || services.length === 0) return byPair
  const rows = await db.$queryRaw<AlertRow[]>`
    SELECT rule_id::text AS rule_id, service, fingerprint, labels, annotations, state, value,
      (extract(epoch FROM active_at) * 1000)::float8 AS active_ms, (extract(epoch FROM fired_at) * 1000)::float8 AS fired_ms,
      (extract(epoch FROM resolved_at) * 1000)::float8 AS resolved_ms, (extract(epoch FROM last_sent_at) * 1000)::float8 AS last_sent_ms,
      (extract(epoch FROM keep_firing_since) * 1000)::float8 AS keep_firing_since_ms
    FROM alerts WHERE service = ANY(${[...services]}::text[]) AND rule_id = ANY(${[...ruleIds]}::uuid[])`
  for (const row of rows) {
    if (!isLabels(row.labels))
      throw new Error(`alert ${row.fingerprint} of rule ${row.rule_id} has damaged labels: ${JSON.stringify(row.labels)}`)
    const key = pairKey(row.rule_id, row.service)
    let alerts = byPair.get(key)
    if (!alerts) byPair.set(key, (alerts = new Map()))
    alerts.set(row.fingerprint, {
      fingerprint: row.fingerprint,
      labels: row.labels,
      annotations: isLabels(row.annotations) ? row.annotations : {},
      state: row.state,
      value: row.value,
      activeAt: row.active_ms,
      firedAt: row.fired_ms,
      resolvedAt: row.resolved_ms,
      lastSentAt: row.last_sent_ms,
      keepFiringSince: row.keep_firing_since_ms,
    })
  }
  return byPair
}
