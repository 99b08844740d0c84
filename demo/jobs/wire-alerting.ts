// The demo's alerting arrives as an SRE would wire it, with the demo jobs' API token (alerts.write):
// a channel `demo-receiver` pointing at the demo receiver (demo/receiver, an Alertmanager webhook
// receiver) through the channels API, then the demo's rules file (fixtures/alert-rules/demo-rules.yaml,
// whose rules notify that channel) through the rules import API. Later runs leave both as an SRE left
// them: an existing channel of that name is kept, and the rules are applied only while none of the
// file's rules exists (a dry run says which would be created, replaced or left unchanged).
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describeRefusal, postToApp, type AppResponse } from './post-to-app'

export const DEMO_CHANNEL = 'demo-receiver'
export const DEMO_RULES_FILE = fileURLToPath(new URL('../../fixtures/alert-rules/demo-rules.yaml', import.meta.url))

/**
 * Applied: the file's rules were created. Not applied: `existing` names the file's rules already stored,
 * or `refused` gives the app's answer when the file clashes with a rule an SRE wrote (the same signal
 * under another name), which then stands.
 */
export type DemoRulesOutcome = { applied: true; created: string[] } | { applied: false; existing: string[]; refused: string | null }

export type DemoAlertingOutcome = {
  channel: { name: string; url: string; created: boolean }
  /** null when asked not to import them (the e2e stack: its journey writes its own rule). */
  rules: DemoRulesOutcome | null
}

/** POST /api/v1/rules/import's answer (app/api/v1/rules/import/route.ts, lib/alerts/rules-repository.ts RulesImport). */
type RulesImportAnswer = { created: string[]; updated: string[]; unchanged: string[] }

/**
 * A clash between the file and the stored rules: a 409, or a 400 about the file's rules only (`rules.N…`;
 * a malformed body would name content or dryRun). Our own file renders and holds together
 * (wire-alerting.test.ts), so the stored rules are what it clashes with.
 */
function isClash({ status, json }: AppResponse): boolean {
  if (status === 409) return true
  const issues = (json as { issues?: { path?: unknown }[] } | null)?.issues
  return status === 400 && Array.isArray(issues) && issues.length > 0 && issues.every((issue) => String(issue.path).startsWith('rules.'))
}

export async function wireDemoAlerting({
  appUrl,
  token,
  receiverUrl,
  importRules = true,
}: {
  appUrl: string
  token: string
  /** The receiver's base URL; the channel posts to its /alerts. */
  receiverUrl: string
  importRules?: boolean
}): Promise<DemoAlertingOutcome> {
  const headers = { authorization: `Bearer ${token}` }
  const channel = { name: DEMO_CHANNEL, url: `${receiverUrl.replace(/\/+$/, '')}/alerts` }
  // Alertmanager's route settings, with a short group wait so the demo's first notification comes quickly.
  const created = await postToApp(
    `${appUrl}/api/v1/channels`,
    JSON.stringify({
      ...channel,
      type: 'alertmanager',
      sendResolved: true,
      groupBy: ['alertname'],
      groupWait: '10s',
      groupInterval: '1m',
      repeatInterval: '4h',
    }),
    headers,
  )
  if (created.status !== 201 && created.status !== 409)
    throw new Error(`creating the channel ${DEMO_CHANNEL} refused: ${describeRefusal(created)}`)
  const outcome = { channel: { ...channel, created: created.status === 201 } }
  if (!importRules) return { ...outcome, rules: null }

  const content = fs.readFileSync(DEMO_RULES_FILE, 'utf8')
  const post = (dryRun: boolean) => postToApp(`${appUrl}/api/v1/rules/import`, JSON.stringify({ content, dryRun }), headers)
  const preview = await post(true)
  if (isClash(preview)) return { ...outcome, rules: { applied: false, existing: [], refused: describeRefusal(preview) } }
  if (preview.status !== 200) throw new Error(`alert rules import (dry run) refused: ${describeRefusal(preview)}`)
  const planned = preview.json as RulesImportAnswer
  const existing = [...planned.updated, ...planned.unchanged]
  if (existing.length > 0) return { ...outcome, rules: { applied: false, existing, refused: null } }
  const applied = await post(false)
  if (applied.status !== 200) throw new Error(`alert rules import refused: ${describeRefusal(applied)}`)
  return { ...outcome, rules: { applied: true, created: (applied.json as RulesImportAnswer).created } }
}
