// The demo load-test job (a process started by `npm run demo` on a new database): posts each planned
// overhead measurement (plan-measurements.ts) to POST /api/v1/overhead-measurements with an API token
// holding overhead.write, as a CI job running k6 would after each run.
//   DEMO_APP_URL=… DEMO_API_TOKEN=spl_… tsx demo/load-test/run-load-test.ts --anchor ISO [--seed N]
import { parseArgs } from 'node:util'
import { describeRefusal, postToApp } from '../jobs/post-to-app'
import { planOverheadMeasurements } from './plan-measurements'

export const DEFAULT_LOAD_TEST_SEED = 20251

async function main() {
  const { values } = parseArgs({ options: { anchor: { type: 'string' }, seed: { type: 'string' } } })
  const appUrl = process.env.DEMO_APP_URL
  const token = process.env.DEMO_API_TOKEN
  const anchorMs = Date.parse(values.anchor ?? '')
  if (!appUrl || !token || Number.isNaN(anchorMs)) throw new Error('needs DEMO_APP_URL, DEMO_API_TOKEN and --anchor ISO')
  const measurements = planOverheadMeasurements({ anchorMs, seed: values.seed ? Number(values.seed) : DEFAULT_LOAD_TEST_SEED })
  for (const measurement of measurements) {
    const response = await postToApp(`${appUrl}/api/v1/overhead-measurements`, JSON.stringify(measurement), {
      authorization: `Bearer ${token}`,
    })
    if (response.status >= 300) throw new Error(`the app refused ${measurement.service}'s measurement: ${describeRefusal(response)}`)
  }
  console.log(`posted ${measurements.length} overhead measurements of ${new Set(measurements.map((m) => m.service)).size} services`)
}

main().catch((error: unknown) => {
  console.error(`demo load test: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
