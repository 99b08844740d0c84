// Process entry of the demo notification receiver (`node --import tsx demo/receiver/server.ts`), an
// Alertmanager webhook receiver that shows what it was sent; `npm run demo` starts it and wires the
// channel demo-receiver to it (demo/jobs/wire-alerting.ts):
//   --port <n>      default 9094, or DEMO_RECEIVER_PORT
//   --host <addr>   default 127.0.0.1
import { parseArgs } from 'node:util'
import { DEFAULT_RECEIVER_PORT, startReceiver } from './start-receiver'

function fail(message: string): never {
  console.error(`demo receiver: ${message}`)
  process.exit(2)
}

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true })
const portText = values.port ?? process.env.DEMO_RECEIVER_PORT
const port = portText === undefined ? DEFAULT_RECEIVER_PORT : Number(portText)
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be an integer from 0 to 65535, got "${portText}"`)

async function main() {
  const receiver = await startReceiver({
    port,
    host: values.host,
    onNotification: ({ id, payload }) => {
      const names = [...new Set(payload.alerts.map((alert) => alert.labels.alertname ?? '?'))].join(', ')
      const count = `${payload.alerts.length} ${payload.alerts.length === 1 ? 'alert' : 'alerts'}`
      console.log(`#${id} ${payload.status} from ${payload.receiver}: ${count} (${names})`)
    },
  })
  console.log(`demo receiver listening on ${receiver.url}: POST /alerts (Alertmanager webhook v4); what it received at ${receiver.url}/`)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      receiver.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
