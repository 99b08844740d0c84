// For *.db.test.ts files: a database of their own on the test server, cloned from the migrated
// template that `npm test` prepares (DATABASE_URL names the template), dropped when the file ends.
import crypto from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function admin<T>(templateUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/**
 * Creates the file's database and points DATABASE_URL at it (call before the first query; lib/env
 * and the Prisma client read it lazily). Returns its URL.
 */
export async function createScratchDatabase(): Promise<string> {
  const templateUrl = process.env.DATABASE_URL
  if (!templateUrl) throw new Error('DB tests need DATABASE_URL (the migrated template database): run them through `npm test`.')
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1))
  const name = `spanlens_t_${crypto.randomBytes(5).toString('hex')}`
  await admin(templateUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
  const url = withDatabase(templateUrl, name)
  process.env.DATABASE_URL = url
  afterAll(async () => {
    const { disconnectDb } = await import('./client')
    await disconnectDb()
    await admin(templateUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  })
  return url
}
