// Which worker syncs which service: Postgres session advisory locks, one per service, held on a
// connection of this worker's own. Adding a worker process is how the sync scales out; if a worker
// dies, Postgres drops its connection and with it every lock, so nothing has to expire.
// (Correctness does not rest on the locks: commitWindow's compare-and-set refuses a double commit.)
import pg from 'pg'

/** A 64-bit lock key per service, namespaced so other advisory-lock users of the database never collide. */
const KEY_SQL = "hashtextextended('spanlens.sync:' || $1, 0)"

export class SyncLeases {
  private constructor(private readonly client: pg.Client) {}

  static async connect(databaseUrl: string): Promise<SyncLeases> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'spanlens-sync-leases' })
    await client.connect()
    return new SyncLeases(client)
  }

  /** True when this worker now holds `service` (or already did); false when another worker does. */
  async tryAcquire(service: string): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${KEY_SQL}) AS locked`, [service])
    return rows[0]?.locked === true
  }

  async release(service: string): Promise<void> {
    await this.client.query(`SELECT pg_advisory_unlock(${KEY_SQL})`, [service])
  }

  async close(): Promise<void> {
    await this.client.end()
  }
}
