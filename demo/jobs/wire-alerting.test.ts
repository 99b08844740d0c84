// wireDemoAlerting against a stand-in for the app's two routes, answering as their contracts say
// (POST /api/v1/channels: 201 created, 409 the name is taken; POST /api/v1/rules/import: the dry run's
// created / updated / unchanged, parsed from the real demo rules file): what it posts, and when it
// leaves things as an SRE left them.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { checkAlertRule } from '@/lib/alerts/check-rule'
import { parseRulesYaml } from '@/lib/alerts/rules-yaml'
import { DEMO_RULES_FILE, wireDemoAlerting } from './wire-alerting'

const TOKEN = 'spl_demo'
const RECEIVER_URL = 'http://127.0.0.1:9094'
const parsed = parseRulesYaml(fs.readFileSync(DEMO_RULES_FILE, 'utf8'))
const RULE_NAMES = parsed.ok ? parsed.rules.map((rule) => rule.name) : []

type Posted = { path: string; authorization: string | undefined; body: Record<string, unknown> }
type Answer = { status: number; json: unknown }

let server: http.Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** Starts the stand-in: `answer` decides each response; every request is recorded. */
async function standInApp(answer: (posted: Posted) => Answer): Promise<{ appUrl: string; posted: Posted[] }> {
  const posted: Posted[] = []
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry = {
        path: `${request.method} ${request.url}`,
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      }
      posted.push(entry)
      const { status, json } = answer(entry)
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json))
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { appUrl: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, posted }
}

/** An app whose channel exists or not, and which already stores these of the file's rules. */
const appWith =
  ({ channelExists, storedRules }: { channelExists: boolean; storedRules: string[] }) =>
  ({ path }: Posted): Answer => {
    if (path === 'POST /api/v1/channels')
      return channelExists
        ? { status: 409, json: { error: 'conflict', message: 'a channel named demo-receiver exists' } }
        : { status: 201, json: {} }
    return {
      status: 200,
      json: {
        created: RULE_NAMES.filter((name) => !storedRules.includes(name)),
        updated: [],
        unchanged: RULE_NAMES.filter((name) => storedRules.includes(name)),
      },
    }
  }

describe('wireDemoAlerting', () => {
  test('the demo rules file names five rules, all notifying demo-receiver but the info one, and passes the checks of an import', () => {
    const rules = parsed.ok ? parsed.rules : []
    rules.forEach((rule, index) => {
      const earlier = rules
        .slice(0, index)
        .map((other, otherIndex) => ({ ...other, id: `00000000-0000-4000-8000-00000000000${otherIndex}`, version: 1 }))
      expect(checkAlertRule(rule, earlier), rule.name).toEqual([])
    })
    expect(parsed.ok && parsed.rules.map((rule) => [rule.name, rule.channels])).toEqual([
      ['TransactionsSlow', ['demo-receiver']],
      ['CheckoutP99High', ['demo-receiver']],
      ['PaymentErrors', ['demo-receiver']],
      ['TracesIncomplete', []],
      ['ServiceSilent', ['demo-receiver']],
      ['CanaryRegression', ['demo-receiver']],
    ])
  })

  test('on a new database: creates the channel as an Alertmanager webhook to the receiver, then imports the rules (dry run first)', async () => {
    const { appUrl, posted } = await standInApp(appWith({ channelExists: false, storedRules: [] }))
    const outcome = await wireDemoAlerting({ appUrl, token: TOKEN, receiverUrl: `${RECEIVER_URL}/` })
    expect(outcome).toEqual({
      channel: { name: 'demo-receiver', url: `${RECEIVER_URL}/alerts`, created: true },
      rules: { applied: true, created: RULE_NAMES },
    })
    expect(posted.map(({ path, body }) => [path, body.dryRun])).toEqual([
      ['POST /api/v1/channels', undefined],
      ['POST /api/v1/rules/import', true],
      ['POST /api/v1/rules/import', false],
    ])
    expect(posted.every(({ authorization }) => authorization === `Bearer ${TOKEN}`)).toBe(true)
    expect(posted[0]!.body).toEqual({
      name: 'demo-receiver',
      type: 'alertmanager',
      url: `${RECEIVER_URL}/alerts`,
      sendResolved: true,
      groupBy: ['alertname'],
      groupWait: '10s',
      groupInterval: '1m',
      repeatInterval: '4h',
    })
    expect(posted[1]!.body.content).toBe(fs.readFileSync(DEMO_RULES_FILE, 'utf8'))
  })

  test('on a later run: keeps the existing channel and, with some of the rules stored, imports nothing', async () => {
    const { appUrl, posted } = await standInApp(appWith({ channelExists: true, storedRules: ['TransactionsSlow'] }))
    expect(await wireDemoAlerting({ appUrl, token: TOKEN, receiverUrl: RECEIVER_URL })).toEqual({
      channel: { name: 'demo-receiver', url: `${RECEIVER_URL}/alerts`, created: false },
      rules: { applied: false, existing: ['TransactionsSlow'], refused: null },
    })
    expect(posted.map(({ path, body }) => [path, body.dryRun])).toEqual([
      ['POST /api/v1/channels', undefined],
      ['POST /api/v1/rules/import', true],
    ])
  })

  test('importRules: false creates the channel only (the e2e stack)', async () => {
    const { appUrl, posted } = await standInApp(appWith({ channelExists: false, storedRules: [] }))
    expect(await wireDemoAlerting({ appUrl, token: TOKEN, receiverUrl: RECEIVER_URL, importRules: false })).toMatchObject({
      channel: { created: true },
      rules: null,
    })
    expect(posted.map(({ path }) => path)).toEqual(['POST /api/v1/channels'])
  })

  test.each<[string, Answer]>([
    ['409', { status: 409, json: { error: 'conflict', message: 'PaymentErrors: the same signal as MyPaymentErrors' } }],
    ['400 about the rules', { status: 400, json: { error: 'invalid_input', issues: [{ path: 'rules.2.selector', message: 'clash' }] } }],
  ])('a dry run refused as a clash with a rule an SRE wrote (%s): that rule stands, the demo goes on', async (_label, refusal) => {
    const { appUrl, posted } = await standInApp((entry) => (entry.path === 'POST /api/v1/channels' ? { status: 409, json: {} } : refusal))
    const outcome = await wireDemoAlerting({ appUrl, token: TOKEN, receiverUrl: RECEIVER_URL })
    expect(outcome.rules).toEqual({ applied: false, existing: [], refused: expect.stringContaining(String(refusal.status)) })
    expect(posted).toHaveLength(2)
  })

  test.each<[string, (posted: Posted) => Answer, RegExp]>([
    [
      'a token without the scope',
      () => ({ status: 403, json: { error: 'forbidden', scope: 'alerts.write' } }),
      /channel demo-receiver refused: 403/,
    ],
    [
      'a channel body the app refuses',
      () => ({ status: 400, json: { error: 'invalid_input', issues: [{ path: 'url', message: 'expected the receiver URL' }] } }),
      /channel demo-receiver refused: 400/,
    ],
    [
      'a rules file the app cannot read',
      (entry) => (entry.path === 'POST /api/v1/channels' ? { status: 201, json: {} } : { status: 422, json: { error: 'invalid_rules' } }),
      /rules import \(dry run\) refused: 422/,
    ],
    [
      'a malformed import body',
      (entry) =>
        entry.path === 'POST /api/v1/channels'
          ? { status: 201, json: {} }
          : { status: 400, json: { error: 'invalid_input', issues: [{ path: 'content', message: 'at most 512 KB' }] } },
      /rules import \(dry run\) refused: 400/,
    ],
  ])('%s stops the demo, saying why', async (_label, answer, message) => {
    const { appUrl } = await standInApp(answer)
    await expect(wireDemoAlerting({ appUrl, token: TOKEN, receiverUrl: RECEIVER_URL })).rejects.toThrow(message)
  })
})
