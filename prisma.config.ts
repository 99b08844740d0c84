// Prisma CLI configuration. Two things differ from a stock setup:
// - The CLI's native schema engine cannot be downloaded on these machines, so it runs our
//   wasm-backed stand-in (scripts/schema-engine-shim.mjs; see the comments there).
// - Without DATABASE_URL the project uses its embedded Postgres (.data/postgres). For the commands
//   that talk to the database (`prisma migrate …`, `prisma db …`) this config starts it for the
//   CLI's lifetime when it is not already running, so `npx prisma migrate status` just works.
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { embeddedDatabaseUrl, startEmbeddedPostgres } from './lib/db/embedded-postgres'

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(__dirname, 'scripts/schema-engine-shim.mjs')

const EMBEDDED = {
  dataDir: path.resolve(__dirname, '.data/postgres'),
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  database: 'spanlens',
}
const needsDatabase = ['migrate', 'db'].includes(process.argv[2] ?? '')

async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  if (needsDatabase) return (await startEmbeddedPostgres({ ...EMBEDDED, holdProcess: false })).url
  return embeddedDatabaseUrl(EMBEDDED.port, EMBEDDED.database)
}

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: await databaseUrl() },
})
