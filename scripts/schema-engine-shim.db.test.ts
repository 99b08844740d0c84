// The Prisma CLI, through our schema-engine shim, against a real Postgres: deploy and status work,
// and `migrate dev` really writes a migration (on PostgreSQL 18 an unpatched engine exits 0 having
// written nothing; see the shim's comments).
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { onServer } from '@/scripts/stack/test-postgres'

const run = promisify(execFile)
const PRISMA = path.resolve('node_modules/prisma/build/index.js')
fs.mkdirSync(path.resolve('.data'), { recursive: true }) // absent in a fresh clone whose tests use DATABASE_URL
const workDir = fs.mkdtempSync(path.resolve('.data', 'shim-test-'))
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

// An empty database next to the template (the shim must build the schema from nothing).
const scratchUrl = await createScratchDatabase()
const emptyUrl = scratchUrl.replace(/\/([^/?]+)(\?|$)/, '/$1_empty$2')
const emptyName = new URL(emptyUrl).pathname.slice(1)
await onServer(scratchUrl, `CREATE DATABASE "${emptyName}"`)
afterAll(() => onServer(scratchUrl, `DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`))

function prisma(args: string[], databaseUrl: string, config?: string) {
  return run(process.execPath, [PRISMA, ...args, ...(config ? ['--config', config] : [])], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1' },
    cwd: process.cwd(),
    timeout: 120_000,
  })
}

describe('schema-engine shim', () => {
  test('migrate deploy builds the schema in an empty database, and status then reports it up to date', async () => {
    const deploy = await prisma(['migrate', 'deploy'], emptyUrl)
    expect(deploy.stdout).toMatch(/applied|No pending migrations/i)
    const client = new pg.Client({ connectionString: emptyUrl })
    await client.connect()
    const { rows } = await client
      .query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)
      .finally(() => client.end())
    expect(rows.map((r: { table_name: string }) => r.table_name)).toEqual(
      expect.arrayContaining(['users', 'audit_log', 'services', 'targets', 'sync_state', 'worker_heartbeats', '_prisma_migrations']),
    )
    const status = await prisma(['migrate', 'status'], emptyUrl)
    expect(status.stdout).toContain('Database schema is up to date')
  })

  test('migrate dev writes a real migration for a schema change', async () => {
    fs.cpSync('prisma', path.join(workDir, 'prisma'), { recursive: true })
    fs.appendFileSync(
      path.join(workDir, 'prisma/schema.prisma'),
      '\nmodel ShimProbe {\n  id Int @id\n  note String?\n\n  @@map("shim_probe")\n}\n',
    )
    const config = path.join(workDir, 'prisma.config.ts')
    fs.writeFileSync(
      config,
      [
        "import path from 'node:path'",
        "import { defineConfig } from 'prisma/config'",
        `process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.resolve('scripts/schema-engine-shim.mjs'))}`,
        `export default defineConfig({ schema: path.join(${JSON.stringify(workDir)}, 'prisma/schema.prisma'), migrations: { path: path.join(${JSON.stringify(workDir)}, 'prisma/migrations') }, datasource: { url: process.env.DATABASE_URL! } })`,
      ].join('\n'),
    )
    const before = new Set(fs.readdirSync(path.join(workDir, 'prisma/migrations')))
    await prisma(['migrate', 'dev', '--name', 'shim_probe', '--create-only'], scratchUrl, config)
    const written = fs.readdirSync(path.join(workDir, 'prisma/migrations')).filter((dir) => !before.has(dir))
    expect(written).toHaveLength(1)
    const sql = fs.readFileSync(path.join(workDir, 'prisma/migrations', written[0]!, 'migration.sql'), 'utf8')
    expect(sql).toContain('CREATE TABLE "shim_probe"')
  }, 120_000) // migrate dev replays every migration into a shadow database: 20 s was not enough on a busy machine
})
