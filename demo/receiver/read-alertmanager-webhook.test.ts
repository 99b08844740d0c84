// On the real Alertmanager deliveries in fixtures/formats/alertmanager-webhook (copies of
// ../shared/fixtures, also read from there when present), which FORMATS-SOURCES.md describes: the
// one it marks invalid is refused naming the field, every other one is kept whole.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { readAlertmanagerWebhook } from './read-alertmanager-webhook'

const REPO_SAMPLES = path.resolve(import.meta.dirname, '../../fixtures/formats/alertmanager-webhook')
const SHARED_SAMPLES = path.resolve(import.meta.dirname, '../../../shared/fixtures/alertmanager-webhook')
const FOLDERS = [REPO_SAMPLES, ...(fs.existsSync(SHARED_SAMPLES) ? [SHARED_SAMPLES] : [])]

/** The sample table of FORMATS-SOURCES.md's alertmanager-webhook section: file → its "exercises" column. */
function describedSamples(): Map<string, string> {
  const sources = fs.readFileSync(path.resolve(REPO_SAMPLES, '../FORMATS-SOURCES.md'), 'utf8')
  const section = sources.split(/^## /m).find((part) => part.startsWith('alertmanager-webhook/'))!
  const rows = section.split('\n').filter((line) => /^\| `[^`]+\.json` \|/.test(line))
  return new Map(rows.map((row) => [/`([^`]+)`/.exec(row)![1]!, row.split(' | ').at(-1)!]))
}
const SAMPLES = describedSamples()
const INVALID = [...SAMPLES].filter(([, exercises]) => exercises.startsWith('**Invalid')).map(([file]) => file)
const VALID = [...SAMPLES.keys()].filter((file) => !INVALID.includes(file))
const REPO = path.resolve(import.meta.dirname, '../..')
/** [the file as the repo sees it, its path], in each sample folder. */
const cases = (files: string[]) =>
  FOLDERS.flatMap((folder) => files.map((file) => [path.relative(REPO, path.join(folder, file)), path.join(folder, file)]))

describe('readAlertmanagerWebhook on the real samples', () => {
  test('FORMATS-SOURCES.md describes every sample file, one of them invalid', () => {
    for (const folder of FOLDERS) expect(fs.readdirSync(folder).sort()).toEqual([...SAMPLES.keys()].sort())
    expect(INVALID).toEqual(['without_mandatory_field.json'])
    expect(VALID).toHaveLength(5)
  })

  test.each(cases(VALID))('keeps %s whole', (_label, file) => {
    const body = fs.readFileSync(file, 'utf8')
    const raw = JSON.parse(body) as { receiver: string; status: string; groupKey?: string; alerts: { labels: object; startsAt: string }[] }
    const reading = readAlertmanagerWebhook(body)
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues))
    const { receiver, status, groupKey } = reading.webhook
    expect({ receiver, status, groupKey }).toEqual({ receiver: raw.receiver, status: raw.status, groupKey: raw.groupKey })
    expect(reading.webhook.alerts.map(({ labels, startsAt }) => ({ labels, startsAt }))).toEqual(
      raw.alerts.map(({ labels, startsAt }) => ({ labels, startsAt })),
    )
  })

  test.each(cases(INVALID))('refuses %s, naming the missing status', (_label, file) => {
    expect(readAlertmanagerWebhook(fs.readFileSync(file, 'utf8'))).toEqual({ ok: false, issues: [{ path: 'status', message: 'required' }] })
  })
})

describe('readAlertmanagerWebhook on broken bodies', () => {
  const alert = fs.readFileSync(path.join(REPO_SAMPLES, 'alert.json'), 'utf8')

  test.each([
    ['an empty body', '', 'expected a JSON body (the body is empty)'],
    ['text that is not JSON', 'alertname=Slow', 'expected a JSON body ('],
  ])('%s is refused at the root', (_label, body, message) => {
    const reading = readAlertmanagerWebhook(body)
    expect(reading).toMatchObject({ ok: false, issues: [{ path: '' }] })
    expect(!reading.ok && reading.issues[0]!.message).toContain(message)
  })

  test('every problem is listed with its path, nested ones included', () => {
    const body = JSON.parse(alert) as { alerts: Record<string, unknown>[] }
    body.alerts[1] = { ...body.alerts[1], startsAt: '06/02/2020', labels: { host: 7 } }
    const reading = readAlertmanagerWebhook(JSON.stringify({ ...body, version: '3' }))
    expect(!reading.ok && reading.issues.map((issue) => issue.path).sort()).toEqual([
      'alerts.1.labels.host',
      'alerts.1.startsAt',
      'version',
    ])
  })

  test('a JSON array is not a notification', () => {
    expect(readAlertmanagerWebhook('[]')).toMatchObject({ ok: false, issues: [{ path: '' }] })
  })
})
