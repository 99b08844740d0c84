// Which worker syncs which service: Postgres session advisory locks, one per service, held on a
// connection of this worker's own. Adding a worker process is how the sync scales out; if a worker
// dies, Postgres drops its connection and with it every lock, so nothing has to expire.
// (Correctness does not rest on the locks: commitWindow's compare-and-set refuses a double commit.)
//
// The same holds the other way round: when this connection drops (Postgres restarting, a network
// cut), every lock this worker held is gone. The leases then hold nothing and grant nothing, and
// reconnect with backoff; each service is leased again on its next turn. A lock taken on a dead
// connection is never trusted, and never unlocked on the new one.
import pg from 'pg'
import { computeBackoffMs, RECONNECT_BACKOFF } from '@/lib/retry/backoff'
import { isConnectionError } from './connection-error'

/** A 64-bit lock key per service, namespaced so other advisory-lock users of the database never collide. */
const KEY_SQL = "hashtextextended('spanlens.sync:' || $1, 0)"
const CONNECT_TIMEOUT_MS = 10_000

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void }
const silent: Log = { info() {}, warn() {} }

export class SyncLeases {
  /** null while reconnecting. */
  private client: pg.Client | null = null
  /** A reconnect attempt in flight, so close() can abandon it. */
  private connecting: pg.Client | null = null
  /** Services locked on the current connection, with how many times (the locks are reentrant). */
  private readonly held = new Map<string, number>()
  private reconnectTimer: NodeJS.Timeout | null = null
  private attempts = 0
  private lostAtMs = 0
  private closed = false

  private constructor(
    private readonly databaseUrl: string,
    private readonly log: Log,
  ) {}

  /** Rejects when the first connection fails: a worker that cannot reach its database does not start. */
  static async connect(databaseUrl: string, { log = silent }: { log?: Log } = {}): Promise<SyncLeases> {
    const leases = new SyncLeases(databaseUrl, log)
    leases.client = await leases.open()
    return leases
  }

  /** True when this worker now holds `service` (or already did); false when another worker does, or while reconnecting. */
  async tryAcquire(service: string): Promise<boolean> {
    const client = this.client
    if (!client) return false
    let locked: boolean
    try {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${KEY_SQL}) AS locked`, [service])
      locked = rows[0]?.locked === true
    } catch (error) {
      if (client !== this.client || isConnectionError(error)) return false
      throw error
    }
    if (!locked || client !== this.client) return false
    this.held.set(service, (this.held.get(service) ?? 0) + 1)
    return true
  }

  /** Whether the lock on `service` is still held: false once the connection it was taken on is gone. */
  holds(service: string): boolean {
    return this.held.has(service)
  }

  async release(service: string): Promise<void> {
    const count = this.held.get(service)
    const client = this.client
    if (count === undefined || !client) return // lost with its connection: nothing left to unlock
    if (count > 1) this.held.set(service, count - 1)
    else this.held.delete(service)
    try {
      await client.query(`SELECT pg_advisory_unlock(${KEY_SQL})`, [service])
    } catch (error) {
      if (client !== this.client || isConnectionError(error)) return
      throw error
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    const clients = [this.client, this.connecting]
    this.client = null
    this.connecting = null
    this.held.clear()
    await Promise.all(clients.map((client) => client?.end().catch(() => {})))
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'spanlens-sync-leases',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    })
    // A pg.Client that loses its connection emits 'error' (twice on a server shutdown: the FATAL
    // message, then the closed socket); with no listener that would end the worker.
    client.on('error', (error) => this.lost(client, error))
    client.on('end', () => this.lost(client, null))
    this.connecting = client
    try {
      await client.connect()
    } finally {
      if (this.connecting === client) this.connecting = null
    }
    return client
  }

  private lost(client: pg.Client, error: Error | null) {
    if (client !== this.client) return // an earlier connection, or one that never opened
    const held = [...this.held.keys()]
    this.client = null
    this.held.clear()
    void client.end().catch(() => {})
    if (this.closed) return
    this.lostAtMs = Date.now()
    this.log.warn(
      { error: error?.message ?? 'connection ended', held },
      'lease connection lost; this worker holds no sync leases until it reconnects',
    )
    this.scheduleReconnect()
  }

  private scheduleReconnect() {
    this.reconnectTimer = setTimeout(() => void this.reconnect(), computeBackoffMs(this.attempts++, RECONNECT_BACKOFF))
  }

  private async reconnect() {
    this.reconnectTimer = null
    let client: pg.Client
    try {
      client = await this.open()
    } catch {
      if (!this.closed) this.scheduleReconnect()
      return
    }
    if (this.closed) return void client.end().catch(() => {})
    this.client = client
    this.log.info(
      { attempts: this.attempts, outageMs: Date.now() - this.lostAtMs },
      'lease connection restored; services are leased again on their next turn',
    )
    this.attempts = 0
  }
}
