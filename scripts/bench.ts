// `npm run bench`: every benchmark, each printing its figures next to a reference measured in the
// same run and the target it is held to. Speed lives here, never in timed tests.
//   npm run bench                 all        npm run bench -- pipeline   one (pipeline | percentiles | sync | histogram | pages | stages | manager | alerts | slos | canary)
import { benchHistogram } from './bench/histogram.bench'
import { benchPipeline } from './bench/pipeline.bench'
import { printReport, type BenchContext, type BenchReport } from './bench/figures'
import { migrateDeploy } from './stack/database'
import { recreateDatabase, startTestPostgres } from './stack/test-postgres'

const BENCHES: Record<string, (context: BenchContext) => Promise<BenchReport>> = {
  pipeline: () => benchPipeline(),
  histogram: async () => ({
    title: 'Latency histogram (lib/metrics/histogram.ts)',
    figures: (await benchHistogram()).map((r) => ({ ...r })),
    notes: [],
  }),
  percentiles: async () => (await import('./bench/percentiles.bench')).benchPercentiles(),
  sync: async (context) => (await import('./bench/sync.bench')).benchSync(context),
  pages: async (context) => (await import('./bench/pages.bench')).benchLatencyPages(context),
  stages: async (context) => (await import('./bench/stages.bench')).benchStages(context),
  manager: async (context) => (await import('./bench/manager.bench')).benchManagerPages(context),
  alerts: async (context) => (await import('./bench/alerts.bench')).benchAlerts(context),
  slos: async (context) => (await import('./bench/slos.bench')).benchSlos(context),
  canary: async (context) => (await import('./bench/canary.bench')).benchCanary(context),
}

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
  const unknown = wanted.filter((name) => !BENCHES[name])
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`)
  const server = await startTestPostgres(process.env.DATABASE_URL)
  // One database for the benches that read through lib/db (set before anything opens the client).
  const databaseUrl = await recreateDatabase(server.url, 'spanlens_bench')
  process.env.DATABASE_URL = databaseUrl
  process.env.LOG_LEVEL ??= 'warn'
  await migrateDeploy(databaseUrl, true)
  console.log(`Benchmarks on ${server.description}, Node ${process.version}`)
  const reports: BenchReport[] = []
  try {
    for (const [name, bench] of Object.entries(BENCHES)) {
      if (wanted.length && !wanted.includes(name)) continue
      const report = await bench({ serverUrl: server.url, databaseUrl })
      printReport(report)
      reports.push(report)
    }
  } finally {
    const { disconnectDb } = await import('@/lib/db/client')
    await disconnectDb()
    await server.stop()
  }
  const judged = reports.flatMap((r) => r.figures).filter((f) => f.met !== undefined)
  if (judged.length) console.log(`\n${judged.filter((f) => f.met).length} of ${judged.length} targets met`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
