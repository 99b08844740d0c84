// Starts the demo Jaeger: the fleet simulator behind a node:http server speaking Jaeger's query API.
// Used by demo/server.ts (the process entry), the project's demo launcher and the tests.
import http from 'node:http'
import { createFaultSwitch, type FaultSwitch } from './faults/fault-switch'
import { createListenerGate } from './faults/listener-gate'
import { withFaultControl } from './faults/with-fault-control'
import { withFaults } from './faults/with-faults'
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
  /**
   * The test fault switch (demo/faults): returned as `faults` and driven over HTTP at /__demo/faults.
   * Off by default: then that path is a 404 like any unknown one and nothing is ever faulted.
   */
  faults?: boolean
}

/** `anchor` is what the traffic was built around: pass it to buildCatalog (demo/catalog.ts). */
export type DemoJaeger = { url: string; port: number; anchor: Date; simulator: Simulator; faults?: FaultSwitch; close(): Promise<void> }

export async function startDemoJaeger(options: DemoJaegerOptions & { faults: true }): Promise<DemoJaeger & { faults: FaultSwitch }>
export async function startDemoJaeger(options?: DemoJaegerOptions): Promise<DemoJaeger>
export async function startDemoJaeger(options: DemoJaegerOptions = {}): Promise<DemoJaeger> {
  const now = options.now ?? Date.now
  const anchorMs = options.anchor === undefined ? now() : new Date(options.anchor).getTime()
  if (Number.isNaN(anchorMs)) throw new Error(`anchor is not a date: ${String(options.anchor)}`)
  const faults = options.faults ? createFaultSwitch() : undefined
  const simulator = createSimulator({
    anchorMs,
    seed: options.seed ?? DEFAULT_SEED,
    tracesPerMinute: options.tracesPerMinute ?? DEFAULT_TRACES_PER_MINUTE,
    now,
    cacheMinutes: options.cacheMinutes,
    clockSkews: faults?.clockSkews,
  })
  const baseHandler = createDemoHandler(simulator)
  const handler = options.wrapHandler ? options.wrapHandler(baseHandler) : baseHandler

  const server = http.createServer(serveDemoHandler(faults ? withFaultControl(withFaults(handler, faults), faults) : handler))
  const gate = createListenerGate(server)
  const { port, address } = await gate.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1')
  faults?.onRefusingChange(gate.setRefusing)
  const host = address.includes(':') ? `[${address}]` : address
  return {
    url: `http://${host}:${port}`,
    port,
    anchor: new Date(anchorMs),
    simulator,
    faults,
    close: () => {
      faults?.dispose()
      return gate.close()
    },
  }
}
