// Database chores, against DATABASE_URL or (unset) the embedded Postgres in .data/postgres:
//   npm run db:migrate                       apply committed migrations (prisma migrate deploy)
//   npm run db:seed                          create the default week-2 targets
//   npm run db -- seed-demo [--anchor ISO] [--token-file PATH]   demo users, targets, a token for the demo's jobs
//                                            (written to PATH; the jobs import the inventory through the API)
//   npm run db -- create-user EMAIL NAME ROLE   password read from stdin (first admin of a real deployment)
import fs from 'node:fs'
import readline from 'node:readline'
import { userInput } from '@/lib/auth/schemas'
import { disconnectDb } from '@/lib/db/client'
import { EMBEDDED_DATABASE } from '@/lib/db/database-url'
import { loadEnvOrExit } from '@/lib/env'
import { createUser } from '@/lib/users/repository'
import { buildCatalog, demoDueDate } from '../demo/catalog'
import { createDemoJobsToken, seedDefaults, seedDemoUsers, seedPlannedTargets } from '../prisma/seed'
import { migrateDeploy, preparePostgres } from './stack/database'

const readLine = (prompt: string) =>
  new Promise<string>((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr })
    rl.question(prompt, (answer) => (rl.close(), resolve(answer)))
  })

async function main() {
  const [command, ...args] = process.argv.slice(2)
  const config = loadEnvOrExit()
  const postgres = await preparePostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: '.data/postgres',
    port: config.EMBEDDED_POSTGRES_PORT,
    database: EMBEDDED_DATABASE,
  })
  process.env.DATABASE_URL = postgres.url
  try {
    switch (command) {
      case 'migrate':
        await migrateDeploy(postgres.url)
        break
      case 'seed':
        await seedDefaults()
        console.log('default targets seeded')
        break
      case 'seed-demo': {
        const anchorArg = args.indexOf('--anchor')
        const anchor = anchorArg >= 0 ? new Date(args[anchorArg + 1] ?? '') : new Date()
        if (Number.isNaN(anchor.getTime())) throw new Error('--anchor: expected an ISO date-time')
        await seedDemoUsers()
        await seedPlannedTargets({ dueDate: demoDueDate(anchor), servicesGoal: buildCatalog(anchor).length })
        const tokenArg = args.indexOf('--token-file')
        if (tokenArg >= 0) {
          const file = args[tokenArg + 1]
          if (!file) throw new Error('--token-file: expected a path')
          fs.writeFileSync(file, (await createDemoJobsToken()).token, { mode: 0o600 })
        }
        console.log('demo users and targets seeded')
        break
      }
      case 'create-user': {
        const [email, name, role] = args
        const password = await readLine('Password (at least 12 characters): ')
        const input = userInput.safeParse({ email, name, role, password })
        if (!input.success) throw new Error(input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
        const user = await createUser(input.data, { by: null })
        console.log(`created ${user.email} (${user.role})`)
        break
      }
      default:
        throw new Error(`unknown command ${command ?? '(none)'}; use migrate, seed, seed-demo or create-user`)
    }
  } finally {
    await disconnectDb()
    await postgres.stop()
  }
}

main().catch((error: unknown) => {
  console.error(`spanlens db: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
