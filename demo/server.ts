// Process entry of the demo Jaeger (`npm run demo-jaeger`, `tsx demo/server.ts`):
//   --port <n>                 default 16686, or DEMO_JAEGER_PORT
//   --host <addr>              default 127.0.0.1
//   --anchor <ISO time>        rollout anchor, default now
//   --seed <int>               default 20251
//   --traces-per-minute <n>    sampled traces per minute at the daily mean, default 40
//   --faults                   test fault switch at PUT/GET/DELETE /__demo/faults (demo/faults/schemas.ts); off by default
import { parseArgs } from 'node:util'
import { FAULT_CONTROL_PATH } from './faults/with-fault-control'
import { DEFAULT_PORT, DEFAULT_SEED, DEFAULT_TRACES_PER_MINUTE, startDemoJaeger } from './start-demo-jaeger'

function fail(message: string): never {
  console.error(`demo Jaeger: ${message}`)
  process.exit(2)
}

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min) fail(`${name} must be an integer ≥ ${min}, got "${text}"`)
  return value
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    anchor: { type: 'string' },
    seed: { type: 'string' },
    'traces-per-minute': { type: 'string' },
    faults: { type: 'boolean', default: false },
  },
  strict: true,
})

const anchor = values.anchor === undefined ? new Date() : new Date(values.anchor)
if (Number.isNaN(anchor.getTime())) fail(`--anchor must be an ISO date-time, got "${values.anchor}"`)
const tracesPerMinute = values['traces-per-minute'] === undefined ? DEFAULT_TRACES_PER_MINUTE : Number(values['traces-per-minute'])
if (!(tracesPerMinute > 0)) fail(`--traces-per-minute must be a positive number, got "${values['traces-per-minute']}"`)

async function main() {
  const demo = await startDemoJaeger({
    port: integer('--port', values.port ?? process.env.DEMO_JAEGER_PORT, DEFAULT_PORT, 0),
    host: values.host,
    anchor,
    seed: integer('--seed', values.seed, DEFAULT_SEED, 0),
    tracesPerMinute,
    faults: values.faults,
  })
  console.log(
    `demo Jaeger listening on ${demo.url} (anchor ${anchor.toISOString()}, seed ${demo.simulator.scenario.seed}, ${tracesPerMinute} traces/min)`,
  )
  if (values.faults) console.log(`demo Jaeger: fault switch at ${demo.url}${FAULT_CONTROL_PATH}`)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      demo.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
