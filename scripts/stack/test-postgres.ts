// The Postgres server tests run on: the one DATABASE_URL points at, or a test-only embedded cluster
// (.data/postgres-test, its own port, so it never touches a running demo's data).
import pg from 'pg'
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres'

const TEST_CLUSTER = { dataDir: '.data/postgres-test', port: 54339 }

export type TestPostgres = { url: string; description: string; stop: () => Promise<void> }

export async function startTestPostgres(databaseUrl?: string): Promise<TestPostgres> {
  if (databaseUrl) {
    const { host, port } = new URL(databaseUrl)
    return {
      url: databaseUrl,
      description: `DATABASE_URL (${host}${port ? `:${port}` : ''}); test databases are created on it`,
      stop: async () => {},
    }
  }
  const running = await startEmbeddedPostgres({ ...TEST_CLUSTER, database: 'postgres' })
  return { url: running.url, description: `embedded, ${TEST_CLUSTER.dataDir} on port ${TEST_CLUSTER.port}`, stop: running.stop }
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** Runs maintenance SQL (CREATE/DROP DATABASE) on the server that `anyUrl` points at. */
export async function onServer(anyUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(anyUrl, 'postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Drops and creates `name` on the server; returns its URL. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await onServer(serverUrl, `CREATE DATABASE "${name}"`)
  return databaseUrlFor(serverUrl, name)
}
