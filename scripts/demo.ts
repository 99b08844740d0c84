// `npm run demo`: the whole product on one machine with demo data. Starts (or reuses) the embedded
// Postgres, migrates, seeds (users, targets, an API token for the demo's jobs), starts the demo Jaeger,
// the demo notification receiver, the worker and the app, then feeds the app the way a team would: the
// inventory through the import API, the alerting (a channel to the receiver, the demo's rules) through
// the channels and rules APIs, the demo pager's PagerDuty webhooks, the load-test job's overhead
// measurements. Prints where to sign in. Ctrl-C stops everything; running it again reuses the data.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { disconnectDb } from '@/lib/db/client'
import { EMBEDDED_DATABASE } from '@/lib/db/database-url'
import { LOCAL_DIR, loadEnvOrExit } from '@/lib/env'
import { redactUrl } from '@/lib/url/credentials'
import { buildCatalog, demoDueDate } from '../demo/catalog'
import { importDemoCatalog } from '../demo/jobs/import-catalog'
import { wireDemoAlerting, type DemoAlertingOutcome } from '../demo/jobs/wire-alerting'
import { wireDemoSlos } from '../demo/jobs/wire-slos'
import { postDemoDeployments } from '../demo/jobs/post-deployments'
import { DEMO_USERS, createDemoJobsToken, seedDemoUsers, seedPlannedTargets } from '../prisma/seed'
import { buildAppIfStale, NEXT_CLI } from './stack/app-build'
import { migrateDeploy, preparePostgres } from './stack/database'
import { assertPortFree } from './stack/free-port'
import { startProcess, stopAll, waitForHttp, type Managed } from './stack/processes'

process.env.SPANLENS_DEMO ??= '1'

const say = (line = '') => console.log(line)
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

function describeAlerting({ channel, rules }: DemoAlertingOutcome, receiverUrl: string): string {
  const parts = [`channel ${channel.name} → ${receiverUrl} (received notifications: ${receiverUrl}/)`]
  if (!channel.created) parts.push('the channel was there already (left as it is)')
  if (rules?.applied) parts.push(`${rules.created.length} rules imported`)
  else if (rules?.refused) parts.push(`the demo rules not imported, they clash with rules of yours: ${rules.refused}`)
  else if (rules) parts.push('the demo rules already imported (left as they are)')
  return parts.join(', ')
}

/** The simulator's "now" of the first run, kept so every later run serves the same history. */
function demoAnchor(): Date {
  const file = path.join(LOCAL_DIR, 'demo-anchor')
  if (fs.existsSync(file)) return new Date(fs.readFileSync(file, 'utf8').trim())
  const anchor = new Date()
  fs.mkdirSync(LOCAL_DIR, { recursive: true })
  fs.writeFileSync(file, `${anchor.toISOString()}\n`)
  return anchor
}

async function main() {
  const started = performance.now()
  const config = loadEnvOrExit()
  const useDemoJaeger = !process.env.JAEGER_URL
  await assertPortFree(config.PORT, 'PORT')
  if (useDemoJaeger) await assertPortFree(config.DEMO_JAEGER_PORT, 'DEMO_JAEGER_PORT')
  await assertPortFree(config.DEMO_RECEIVER_PORT, 'DEMO_RECEIVER_PORT')

  say(`Spanlens demo: ${config.DATABASE_URL ? 'Postgres from DATABASE_URL' : 'embedded Postgres in .data/postgres'}`)
  const postgres = await preparePostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: '.data/postgres',
    port: config.EMBEDDED_POSTGRES_PORT,
    database: EMBEDDED_DATABASE,
  })
  process.env.DATABASE_URL = postgres.url
  await migrateDeploy(postgres.url, true)
  const anchor = demoAnchor()
  await seedDemoUsers()
  await seedPlannedTargets({ dueDate: demoDueDate(anchor), servicesGoal: buildCatalog(anchor).length })
  const jobs = await createDemoJobsToken()
  await disconnectDb()
  say(`  database ready (${elapsed(started)})`)

  const jaegerUrl = useDemoJaeger ? `http://127.0.0.1:${config.DEMO_JAEGER_PORT}` : config.JAEGER_URL
  const receiverUrl = `http://127.0.0.1:${config.DEMO_RECEIVER_PORT}`
  const children: Managed[] = []
  let shuttingDown = false
  async function shutdown(code: number) {
    if (shuttingDown) return
    shuttingDown = true
    say('\nStopping Spanlens…')
    await stopAll()
    await postgres.stop()
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))
  const watch = (managed: Managed) => {
    children.push(managed)
    void managed.exited.then((code) => {
      if (!shuttingDown) {
        console.error(`[${managed.name}] exited unexpectedly (code ${code}); stopping everything.`)
        void shutdown(1)
      }
    })
    return managed
  }

  const pagerDutySecret = crypto.randomBytes(32).toString('base64')
  const childEnv = {
    ...process.env,
    DATABASE_URL: postgres.url,
    JAEGER_URL: jaegerUrl,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET,
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty', // the worker's progress is read by a person here
    // The demo pager signs its deliveries with this one; any secrets already configured keep working.
    PAGERDUTY_WEBHOOK_SECRETS: [process.env.PAGERDUTY_WEBHOOK_SECRETS, pagerDutySecret].filter(Boolean).join(','),
  }
  if (useDemoJaeger) {
    watch(
      startProcess(
        'jaeger',
        process.execPath,
        ['--import', 'tsx', 'demo/server.ts', '--port', String(config.DEMO_JAEGER_PORT), '--anchor', anchor.toISOString()],
        { env: childEnv },
      ),
    )
  }
  watch(
    startProcess(
      'receiver',
      process.execPath,
      ['--import', 'tsx', 'demo/receiver/server.ts', '--port', String(config.DEMO_RECEIVER_PORT)],
      { env: childEnv },
    ),
  )

  const buildStarted = performance.now()
  say('  checking the app build (the first run builds it, about 30 s)…')
  if (await buildAppIfStale({ quiet: true })) say(`  app built (${elapsed(buildStarted)})`)
  watch(startProcess('worker', process.execPath, ['--import', 'tsx', 'lib/worker/worker.ts'], { env: childEnv }))
  const app = watch(
    startProcess('app', process.execPath, [NEXT_CLI, 'start', '--port', String(config.PORT), '--hostname', '127.0.0.1'], {
      env: childEnv,
      quiet: true,
    }),
  )
  const appUrl = `http://localhost:${config.PORT}`
  await waitForHttp(`${appUrl}/api/health`, 60_000, () => app.child.exitCode === null)
  if (useDemoJaeger) await waitForHttp(`${jaegerUrl}/api/v3/services`, 30_000)
  await waitForHttp(`${receiverUrl}/health`, 30_000)

  const imported = await importDemoCatalog({ appUrl, token: jobs.token, anchor })
  say(
    imported.applied
      ? `  inventory imported through the API: ${imported.added} services added, ${imported.adopted} already seen in Jaeger adopted`
      : '  inventory: already imported (left as it is)',
  )
  say(`  alerting: ${describeAlerting(await wireDemoAlerting({ appUrl, token: jobs.token, receiverUrl }), receiverUrl)}`)
  const slos = await wireDemoSlos({ appUrl, token: jobs.token })
  say(
    slos.applied
      ? `  SLOs imported through the API (OpenSLO): ${slos.created.join(', ')}; transactions-lookup-latency burns its budget and pages`
      : '  SLOs: already imported (left as they are)',
  )
  const posted = await postDemoDeployments({ appUrl, token: jobs.token, anchor })
  say(`  deployments posted by the demo CI: ${posted} of account-service; audit-log-service's bad canary is found from its spans`)
  // The pager runs every time (its deliveries have fixed event ids: replays change nothing); the
  // load-test job posts its measurements once, on a new database.
  const jobEnv = { ...childEnv, DEMO_APP_URL: appUrl, DEMO_API_TOKEN: jobs.token, DEMO_PAGERDUTY_SECRET: pagerDutySecret }
  const runJob = (name: string, entry: string) => {
    const job = startProcess(name, process.execPath, ['--import', 'tsx', entry, '--anchor', anchor.toISOString()], { env: jobEnv })
    void job.exited.then((code) => code !== 0 && !shuttingDown && console.error(`[${name}] failed (code ${code}); the rest runs on`))
  }
  runJob('pager', 'demo/pager/run-pager.ts')
  if (jobs.firstRun) runJob('load-test', 'demo/load-test/run-load-test.ts')

  say()
  say(`Spanlens is running at ${appUrl}  (ready in ${elapsed(started)})`)
  say()
  say('Sign in as:')
  for (const user of DEMO_USERS) say(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} password: ${user.password}`)
  say()
  say(`Jaeger query API: ${redactUrl(jaegerUrl)}${useDemoJaeger ? '  (demo Jaeger, simulated 23-service fleet)' : ''}`)
  say(`Notifications:    ${receiverUrl}/  (demo receiver: what the channel demo-receiver was sent)`)
  say(`Health:           ${appUrl}/api/health`)
  say('Press Ctrl-C to stop everything. Running `npm run demo` again reuses the data.')
}

main().catch(async (error: unknown) => {
  console.error(`spanlens demo: ${error instanceof Error ? error.message : String(error)}`)
  await stopAll()
  process.exit(1)
})
