// Starts the demo Jaeger: the fleet simulator behind a node:http server speaking Jaeger's query API.
// Used by demo/server.ts (the process entry), the project's demo launcher and the tests.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDemoHandler } from './http/demo-handler'
import type { DemoHandler } from './http/demo-response'
import { serveDemoHandler } from './http/serve-demo-handler'
import { createSimulator, type Simulator } from './simulator/simulator'

export const DEFAULT_PORT = 16686
export const DEFAULT_SEED = 20251
/** Once the rollout is complete: ~29k spans per hour at the daily mean, 19–39k over the day. */
export const DEFAULT_TRACES_PER_MINUTE = 40

export type DemoJaegerOptions = {
  /** 0 picks a free port. */
  port?: number
  host?: string
  /** Rollout anchor (a Date, an ISO string or ms since the epoch); default: now. */
  anchor?: Date | string | number
  seed?: number
  tracesPerMinute?: number
  /** Wall clock in ms; default Date.now. Tests pin it. */
  now?: () => number
  cacheMinutes?: number
  /** Wraps request handling, e.g. with a fault-injecting middleware. */
  wrapHandler?: (handler: DemoHandler) => DemoHandler
}

/** `anchor` is what the traffic was built around: pass it to buildCatalog (demo/catalog.ts). */
export type DemoJaeger = { url: string; port: number; anchor: Date; simulator: Simulator; close(): Promise<void> }

export async function startDemoJaeger(options: DemoJaegerOptions = {}): Promise<DemoJaeger> {
  const now = options.now ?? Date.now
  const anchorMs = options.anchor === undefined ? now() : new Date(options.anchor).getTime()
  if (Number.isNaN(anchorMs)) throw new Error(`anchor is not a date: ${String(options.anchor)}`)
  const simulator = createSimulator({
    anchorMs,
    seed: options.seed ?? DEFAULT_SEED,
    tracesPerMinute: options.tracesPerMinute ?? DEFAULT_TRACES_PER_MINUTE,
    now,
    cacheMinutes: options.cacheMinutes,
  })
  const baseHandler = createDemoHandler(simulator)
  const handler = options.wrapHandler ? options.wrapHandler(baseHandler) : baseHandler

  const server = http.createServer(serveDemoHandler(handler))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port, address } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  return {
    url: `http://${host}:${port}`,
    port,
    anchor: new Date(anchorMs),
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
