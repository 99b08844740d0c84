// SyncLeases when its connection is cut (pg_terminate_backend on its own backend, as a server restart
// or a failover would): the process survives, every lock is reported lost and is free for others at
// once, and the leases reconnect and grant again, never trusting or unlocking a lock of the old connection.
import { afterAll, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { SyncLeases } = await import('./leases')

const messages: string[] = []
const log = {
  info: (_details: object, message: string) => messages.push(message),
  warn: (_details: object, message: string) => messages.push(message),
}
const leases = await SyncLeases.connect(databaseUrl, { log })
const other = await SyncLeases.connect(databaseUrl)
afterAll(() => Promise.all([leases.close(), other.close()]))

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Cuts the connections holding this database's advisory locks (one lease client's, in each test). */
async function terminateLockHolders() {
  const [row] = await db.$queryRaw<{ terminated: number }[]>`
    SELECT count(pg_terminate_backend(l.pid))::int AS terminated FROM (
      SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) l`
  expect(row!.terminated).toBe(1)
}

test('a cut connection loses every lease at once; the leases reconnect and grant again', async () => {
  expect(await leases.tryAcquire('checkout')).toBe(true)
  expect(await leases.tryAcquire('ledger')).toBe(true)
  expect(await other.tryAcquire('checkout')).toBe(false)

  await terminateLockHolders()
  await until(() => !leases.holds('checkout') && !leases.holds('ledger'))
  expect(await other.tryAcquire('checkout')).toBe(true) // Postgres dropped the lock with the connection
  await other.release('checkout')

  await until(() => leases.tryAcquire('checkout'))
  expect(leases.holds('checkout')).toBe(true)
  await leases.release('ledger') // a lock of the dead connection: nothing to unlock, and no error
  expect(await other.tryAcquire('checkout')).toBe(false) // held again, on the new connection
  await leases.release('checkout')
  expect(await other.tryAcquire('checkout')).toBe(true)
  await other.release('checkout')
  expect(messages).toEqual([
    'lease connection lost; this worker holds no sync leases until it reconnects',
    'lease connection restored; services are leased again on their next turn',
  ])
})

test('close() after a cut leaves no connection and no retries behind', async () => {
  const closing = await SyncLeases.connect(databaseUrl)
  expect(await closing.tryAcquire('payments')).toBe(true)
  await terminateLockHolders()
  await until(() => !closing.holds('payments'))
  await closing.close()
  await new Promise((resolve) => setTimeout(resolve, 500)) // longer than the first reconnect delay
  const [activity] = await db.$queryRaw<{ connections: number }[]>`
    SELECT count(*)::int AS connections FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'spanlens-sync-leases'`
  expect(activity!.connections).toBe(2) // `leases` and `other` only
  expect(await closing.tryAcquire('payments')).toBe(false)
})
