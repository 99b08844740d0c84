// The one Prisma client, shared by the app and the worker (Prisma 7: driver adapter + generated client).
// Created on first use, so importing it (e.g. while `next build` collects routes) needs no database
// or environment; kept on globalThis so dev-mode reloads do not open a new pool each time.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/client'
import { databaseUrl } from './database-url'

const globalForPrisma = globalThis as unknown as { spanlensPrisma?: PrismaClient }

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: 10 }) })
}

export function prismaClient(): PrismaClient {
  globalForPrisma.spanlensPrisma ??= createClient()
  return globalForPrisma.spanlensPrisma
}

/** `db.user.findMany()` etc.; resolves the client on first property access. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = prismaClient()
    const value = Reflect.get(client, property, client)
    return typeof value === 'function' ? value.bind(client) : value
  },
})

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.spanlensPrisma?.$disconnect()
  globalForPrisma.spanlensPrisma = undefined
}

export { Prisma } from './generated/client'
export type { Role, ServiceOrigin, TargetKey, TargetComparator } from './generated/enums'
