import { env } from '@/lib/env'
import { embeddedDatabaseUrl } from './embedded-postgres'

/** The embedded cluster's database name (scripts/demo and prisma.config.ts use the same). */
export const EMBEDDED_DATABASE = 'spanlens'

/** DATABASE_URL, or the embedded Postgres that `npm run demo` / `npm run worker` start when it is unset. */
export function databaseUrl(): string {
  const { DATABASE_URL, EMBEDDED_POSTGRES_PORT } = env()
  return DATABASE_URL ?? embeddedDatabaseUrl(EMBEDDED_POSTGRES_PORT, EMBEDDED_DATABASE)
}
