// What the browser tests run against: the production build, a worker, the demo Jaeger and the demo
// notification receiver, on ports of their own, over a freshly migrated and seeded database whose
// inventory is the demo catalog, imported through the inventory import API as `npm run demo` does (with
// the demo jobs' API token), and whose channel demo-receiver posts to that receiver. The demo's alert
// rules are not imported: the SRE journey writes its own rule.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importDemoCatalog } from '../../demo/jobs/import-catalog'
import { wireDemoAlerting } from '../../demo/jobs/wire-alerting'
import { NEXT_CLI } from './app-build'
import { migrateDeploy } from './database'
import { assertPortFree } from './free-port'
import { runCommand, startProcess, waitForHttp, type Managed } from './processes'

const PORTS = { app: 3107, jaeger: 16697, receiver: 9197 }
/** A quarter of the demo's default: the slow query still has ≥ 20 spans an hour, for its baseline. */
const E2E_TRACES_PER_MINUTE = 10

export type E2eStack = { env: Record<string, string>; stop: () => Promise<void> }

export async function startE2eStack({ databaseUrl, anchor = new Date() }: { databaseUrl: string; anchor?: Date }): Promise<E2eStack> {
  await assertPortFree(PORTS.app, 'the e2e app port')
  await assertPortFree(PORTS.jaeger, 'the e2e Jaeger port')
  await assertPortFree(PORTS.receiver, 'the e2e notification receiver port')
  const appUrl = `http://localhost:${PORTS.app}`
  const jaegerUrl = `http://127.0.0.1:${PORTS.jaeger}`
  const receiverUrl = `http://127.0.0.1:${PORTS.receiver}`
  // The incident webhooks' secrets: the specs sign their posts with them (passed on below).
  const webhookSecrets = { pagerduty: crypto.randomBytes(32).toString('base64'), incidents: crypto.randomBytes(32).toString('hex') }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JAEGER_URL: jaegerUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    WORKER_HEARTBEAT_SECONDS: '2',
    // A day and a half of history at a quarter of the demo's traffic: enough clock hours for baselines
    // (24 needed) before the slow operation's last 3 hours, without two weeks competing for the CPU.
    SYNC_BACKFILL_DAYS: '1.5',
    // The last five hours first: the demo's rollouts around the anchor (the bad canary from four hours
    // before it, the good rollout promoted 20 minutes before it) are judged on whole data within minutes,
    // not once the backfill has come that far.
    SYNC_LIVE_FIRST_MINUTES: '300',
    LOG_LEVEL: 'warn',
    PAGERDUTY_WEBHOOK_SECRETS: webhookSecrets.pagerduty,
    INCIDENT_WEBHOOK_SECRET: webhookSecrets.incidents,
  }
  await migrateDeploy(databaseUrl, true)
  const tsx = ['--import', 'tsx']
  const tokenFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spanlens-e2e-')), 'demo-jobs-token')
  if (
    (await runCommand(
      'seed',
      process.execPath,
      [...tsx, 'scripts/db.ts', 'seed-demo', '--anchor', anchor.toISOString(), '--token-file', tokenFile],
      { env, quiet: true },
    )) !== 0
  ) {
    throw new Error('seeding the e2e database failed')
  }
  const jobsToken = fs.readFileSync(tokenFile, 'utf8')
  fs.rmSync(path.dirname(tokenFile), { recursive: true, force: true })
  const children: Managed[] = [
    startProcess(
      'jaeger',
      process.execPath,
      [
        ...tsx,
        'demo/server.ts',
        '--port',
        String(PORTS.jaeger),
        '--anchor',
        anchor.toISOString(),
        '--traces-per-minute',
        String(E2E_TRACES_PER_MINUTE),
      ],
      { env, quiet: true },
    ),
    startProcess('receiver', process.execPath, [...tsx, 'demo/receiver/server.ts', '--port', String(PORTS.receiver)], { env, quiet: true }),
    startProcess('worker', process.execPath, [...tsx, 'lib/worker/worker.ts'], { env, quiet: true }),
    startProcess('app', process.execPath, [NEXT_CLI, 'start', '--port', String(PORTS.app), '--hostname', '127.0.0.1'], {
      env,
      quiet: true,
    }),
  ]
  const alive = () => children.every((child) => child.child.exitCode === null)
  try {
    await waitForHttp(`${jaegerUrl}/api/v3/services`, 60_000, alive)
    await waitForHttp(`${receiverUrl}/health`, 60_000, alive)
    await waitForHttp(`${appUrl}/api/health`, 60_000, alive)
    await importDemoCatalog({ appUrl, token: jobsToken, anchor })
    await wireDemoAlerting({ appUrl, token: jobsToken, receiverUrl, importRules: false })
  } catch (error) {
    for (const child of children) for (const line of child.tail.slice(-20)) console.error(`[${child.name}] ${line}`)
    throw error
  }
  return {
    env: {
      E2E_BASE_URL: appUrl,
      E2E_JAEGER_URL: jaegerUrl,
      E2E_RECEIVER_URL: receiverUrl,
      E2E_DATABASE_URL: databaseUrl,
      E2E_PAGERDUTY_WEBHOOK_SECRET: webhookSecrets.pagerduty,
      E2E_INCIDENT_WEBHOOK_SECRET: webhookSecrets.incidents,
    },
    stop: async () => {
      for (const { child } of children) child.kill('SIGTERM')
      await Promise.all(children.map((child) => child.exited))
    },
  }
}
