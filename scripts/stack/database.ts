// Postgres for the launcher and the test runner: DATABASE_URL when given, else the embedded one.
import { createRequire } from 'node:module'
import { startEmbeddedPostgres, type RunningPostgres } from '@/lib/db/embedded-postgres'
import { runCommand } from './processes'

const require = createRequire(import.meta.url)
export const PRISMA_CLI = require.resolve('prisma/build/index.js')

export async function preparePostgres({
  databaseUrl,
  dataDir,
  port,
  database,
}: {
  databaseUrl?: string
  dataDir: string
  port: number
  database: string
}): Promise<RunningPostgres> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {}, startedHere: false }
  return startEmbeddedPostgres({ dataDir, port, database })
}

/** `prisma migrate deploy` against `url`; throws when it fails. */
export async function migrateDeploy(url: string, quiet = false): Promise<void> {
  const code = await runCommand('migrate', process.execPath, [PRISMA_CLI, 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: url },
    quiet,
  })
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`)
}
