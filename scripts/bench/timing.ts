// Timing helpers shared by the benches: warm medians, and how much of a read's wall time had a
// database query in flight.
import pg from 'pg'

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Median wall time of `runs` runs after one warm-up, in ms. */
export async function timeMedian(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return median(times)
}

type Query = (...args: unknown[]) => unknown

/**
 * Wall time during which at least one query of this process was in flight (sent, until its rows
 * were parsed), measured on node-postgres, which Prisma's pg adapter drives: the pool's `query`
 * outside transactions, a client's inside them (the pool's own calls to a client pass a callback
 * and are not counted twice). Parallel queries count once, so `busyMs / wallMs` is the database's
 * share of a read.
 */
export class DatabaseClock {
  private inFlight = 0
  private since = 0
  busyMs = 0
  private readonly originals = [
    [pg.Pool.prototype, pg.Pool.prototype.query as Query],
    [pg.Client.prototype, pg.Client.prototype.query as Query],
  ] as const

  private started(): void {
    if (this.inFlight++ === 0) this.since = performance.now()
  }

  private finished(): void {
    if (--this.inFlight === 0) this.busyMs += performance.now() - this.since
  }

  install(): void {
    const started = () => this.started()
    const done = () => this.finished()
    for (const [prototype, original] of this.originals) {
      ;(prototype as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args)
        if (!(result instanceof Promise)) return result
        started()
        return result.then(
          (value: unknown) => (done(), value),
          (error: unknown) => {
            done()
            throw error
          },
        )
      }
    }
  }

  uninstall(): void {
    for (const [prototype, original] of this.originals) (prototype as { query: Query }).query = original
  }
  /** Median wall time and median database share of `runs` warm runs. */
  async measure(runs: number, run: () => Promise<unknown>): Promise<{ wallMs: number; dbMs: number; dbShare: number }> {
    await run()
    const samples: { wallMs: number; dbMs: number }[] = []
    for (let i = 0; i < runs; i++) {
      this.busyMs = 0
      const started = performance.now()
      await run()
      samples.push({ wallMs: performance.now() - started, dbMs: this.busyMs })
    }
    const wallMs = median(samples.map((s) => s.wallMs))
    const dbMs = median(samples.map((s) => s.dbMs))
    return { wallMs, dbMs, dbShare: median(samples.map((s) => s.dbMs / s.wallMs)) }
  }
}
