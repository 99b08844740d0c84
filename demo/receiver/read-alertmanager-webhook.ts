// A POST /alerts body as the demo receiver reads it: JSON, then Alertmanager's webhook schema (the one
// Spanlens builds its own notifications with). A refusal lists every problem with its path, as the app's 400s do.
import { alertmanagerWebhookSchema, type AlertmanagerWebhook } from '@/lib/alerts/notify/alertmanager-payload'

export type WebhookIssue = { path: string; message: string }
export type WebhookReading = { ok: true; webhook: AlertmanagerWebhook } | { ok: false; issues: WebhookIssue[] }

export function readAlertmanagerWebhook(body: string): WebhookReading {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    const reason = body.trim() === '' ? 'the body is empty' : (error as Error).message
    return { ok: false, issues: [{ path: '', message: `expected a JSON body (${reason})` }] }
  }
  const parsed = alertmanagerWebhookSchema.safeParse(json)
  if (parsed.success) return { ok: true, webhook: parsed.data }
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) }
}
