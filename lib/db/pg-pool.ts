// A small plain `pg` pool beside the Prisma client, for libraries that speak to Postgres themselves
// (rate-limiter-flexible's store). Created on first use; closed with the Prisma client.
import pg from 'pg'
import { databaseUrl } from './database-url'

const globalForPool = globalThis as unknown as { spanlensPgPool?: pg.Pool }

export function pgPool(): pg.Pool {
  if (!globalForPool.spanlensPgPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4, idleTimeoutMillis: 30_000, application_name: 'spanlens-limits' })
    // An idle client whose server went away emits 'error' on the pool; unhandled, it would end the process.
    // The next query reconnects; the failure itself surfaces there.
    pool.on('error', () => {})
    globalForPool.spanlensPgPool = pool
  }
  return globalForPool.spanlensPgPool
}

export async function closePgPool(): Promise<void> {
  const pool = globalForPool.spanlensPgPool
  globalForPool.spanlensPgPool = undefined
  await pool?.end()
}
