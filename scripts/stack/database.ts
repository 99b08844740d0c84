// Postgres for the launcher and the test runner: DATABASE_URL when given, else the embedded one.
import { createRequire } from 'node:module'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from '@/lib/db/embedded-postgres'
import { runCommand } from './processes'

const require = createRequire(import.meta.url)
export const PRISMA_CLI = require.resolve('prisma/build/index.js')

export async function preparePostgres({ databaseUrl, dataDir, port, database, fresh = false }: { databaseUrl?: string; dataDir: string; port: number; database: string; fresh?: boolean }): Promise<RunningPostgres> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {}, startedHere: false }
  const running = await startEmbeddedPostgres({ dataDir, port, database })
  if (fresh) {
    const admin = new pg.Client({ connectionString: running.url.replace(/\/[^/]*$/, '/postgres') })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await admin.query(`CREATE DATABASE "${database}"`)
    } finally {
      await admin.end()
    }
  }
  return running
}

/** `prisma migrate deploy` against `url`; throws when it fails. */
export async function migrateDeploy(url: string, quiet = false): Promise<void> {
  const code = await runCommand('migrate', process.execPath, [PRISMA_CLI, 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, quiet })
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`)
}
