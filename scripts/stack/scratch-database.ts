// For *.db.test.ts files: a database of their own on the test server, cloned from the migrated
// template that `npm test` prepares (DATABASE_URL names the template), dropped when the file ends.
import crypto from 'node:crypto'
import { afterAll } from 'vitest'
import { databaseUrlFor, onServer } from './test-postgres'

/**
 * Creates the file's database and points DATABASE_URL at it (call before the first query; lib/env
 * and the Prisma client read it lazily). Returns its URL.
 */
export async function createScratchDatabase(): Promise<string> {
  const templateUrl = process.env.DATABASE_URL
  if (!templateUrl) throw new Error('DB tests need DATABASE_URL (the migrated template database): run them through `npm test`.')
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1))
  const name = `spanlens_t_${crypto.randomBytes(5).toString('hex')}`
  await onServer(templateUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  const url = databaseUrlFor(templateUrl, name)
  process.env.DATABASE_URL = url
  afterAll(async () => {
    const { disconnectDb } = await import('@/lib/db/client')
    await disconnectDb()
    await onServer(templateUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  })
  return url
}
