// `npm run demo`: the whole product on one machine with demo data. Starts (or reuses) the embedded
// Postgres, migrates, seeds, starts the demo Jaeger, the worker and the app, and prints where to sign
// in. Ctrl-C stops everything; running it again reuses the data.
import fs from 'node:fs'
import path from 'node:path'
import { disconnectDb } from '@/lib/db/client'
import { EMBEDDED_DATABASE } from '@/lib/db/database-url'
import { LOCAL_DIR, loadEnvOrExit } from '@/lib/env'
import { redactUrl } from '@/lib/url/credentials'
import { buildCatalog } from '../demo/catalog'
import { DEMO_USERS, seedDemoUsers, seedInventory } from '../prisma/seed'
import { buildAppIfStale, NEXT_CLI } from './stack/app-build'
import { migrateDeploy, preparePostgres } from './stack/database'
import { assertPortFree } from './stack/free-port'
import { startProcess, stopAll, waitForHttp, type Managed } from './stack/processes'

process.env.SPANLENS_DEMO ??= '1'

const say = (line = '') => console.log(line)
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

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
  await seedInventory(buildCatalog(anchor))
  await disconnectDb()
  say(`  database ready (${elapsed(started)})`)

  const jaegerUrl = useDemoJaeger ? `http://127.0.0.1:${config.DEMO_JAEGER_PORT}` : config.JAEGER_URL
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

  const childEnv = {
    ...process.env,
    DATABASE_URL: postgres.url,
    JAEGER_URL: jaegerUrl,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET,
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty', // the worker's progress is read by a person here
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

  say()
  say(`Spanlens is running at ${appUrl}  (ready in ${elapsed(started)})`)
  say()
  say('Sign in as:')
  for (const user of DEMO_USERS) say(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} password: ${user.password}`)
  say()
  say(`Jaeger query API: ${redactUrl(jaegerUrl)}${useDemoJaeger ? '  (demo Jaeger, simulated 23-service fleet)' : ''}`)
  say(`Health:           ${appUrl}/api/health`)
  say('Press Ctrl-C to stop everything. Running `npm run demo` again reuses the data.')
}

main().catch(async (error: unknown) => {
  console.error(`spanlens demo: ${error instanceof Error ? error.message : String(error)}`)
  await stopAll()
  process.exit(1)
})
