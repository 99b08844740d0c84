// The worker's view of whether Postgres answers: every round and heartbeat reports here, and the log
// gets one line when the database becomes unreachable and one when it answers again, however many
// queries fail in between.
import { isConnectionError } from './connection-error'

/** Prisma's messages open with the call site and a code frame; the reason is their last line. */
const reason = (error: unknown) => (error instanceof Error ? error.message.trim().split('\n').at(-1)! : String(error))

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void }

export class DatabaseOutage {
  private sinceMs: number | null = null

  constructor(
    private readonly log: Log,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** True (logged on the first of an outage) when `error` is the database being unreachable; false leaves it to the caller. */
  failed(error: unknown): boolean {
    if (!isConnectionError(error)) return false
    if (this.sinceMs === null) {
      this.sinceMs = this.nowMs()
      this.log.warn({ error: reason(error) }, 'database unreachable; the worker keeps retrying until it answers')
    }
    return true
  }

  /** Call after work that reached the database. */
  reached(): void {
    if (this.sinceMs === null) return
    this.log.info({ outageMs: this.nowMs() - this.sinceMs }, 'database reachable again')
    this.sinceMs = null
  }
}
