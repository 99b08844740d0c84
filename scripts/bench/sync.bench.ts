// End to end: a worker process syncing the last hour of the demo fleet (a separate demo Jaeger
// process, real HTTP) into Postgres: wall time, spans per second and the worker's peak RSS; then the
// same with twice the window length and with twice the history, to show memory stays flat (a search
// holds at most `SYNC_SEARCH_DEPTH` traces, whatever the window).
import fs from 'node:fs'
import type { BenchContext, BenchReport, Figure } from './figures'
import { migrateDeploy } from '../stack/database'
import { startProcess, waitForHttp, type Managed } from '../stack/processes'
import { recreateDatabase } from '../stack/test-postgres'

const PORT = 16_681
const SETTLE_SECONDS = 120

type Run = { label: string; historyMinutes: number; windowMinutes: number }
const RUNS: Run[] = [
  { label: '1 h of history, 15-min windows', historyMinutes: 60, windowMinutes: 15 },
  { label: '1 h of history, 30-min windows (2× window)', historyMinutes: 60, windowMinutes: 30 },
  { label: '2 h of history, 15-min windows (2× data)', historyMinutes: 120, windowMinutes: 15 },
]

/** Peak resident set size of a process so far (Linux `VmHWM`), in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : NaN
}

async function syncOnce(run: Run, serverUrl: string) {
  const databaseUrl = await recreateDatabase(serverUrl, 'spanlens_bench_sync')
  await migrateDeploy(databaseUrl, true)
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const children: Managed[] = []
  try {
    children.push(startProcess('jaeger', process.execPath, ['--import', 'tsx', 'demo/server.ts', '--port', String(PORT)], { quiet: true }))
    await waitForHttp(`http://127.0.0.1:${PORT}/api/v3/services`, 30_000)
    const services = ((await (await fetch(`http://127.0.0.1:${PORT}/api/v3/services`)).json()) as { services: string[] }).services.length
    const started = performance.now()
    const worker = startProcess('worker', process.execPath, ['--import', 'tsx', 'lib/worker/worker.ts'], {
      quiet: true,
      extraEnv: {
        DATABASE_URL: databaseUrl,
        JAEGER_URL: `http://127.0.0.1:${PORT}`,
        SYNC_BACKFILL_DAYS: String(run.historyMinutes / 1440),
        SYNC_WINDOW_MINUTES: String(run.windowMinutes),
        SYNC_SETTLE_SECONDS: String(SETTLE_SECONDS),
        SYNC_INTERVAL_SECONDS: '0.5',
        LOG_LEVEL: 'warn',
      },
    })
    children.push(worker)
    for (;;) {
      const { rows } = await client.query<{ total: number; behind: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE watermark < now() - make_interval(secs => $1))::int AS behind FROM sync_state`,
        [SETTLE_SECONDS + run.windowMinutes * 60],
      )
      if (rows[0]!.total >= services && rows[0]!.behind === 0) break
      if (performance.now() - started > 600_000) throw new Error(`${run.label}: not caught up in 10 minutes`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const wallMs = performance.now() - started
    const rssMb = peakRssMb(worker.child.pid!)
    const { rows } = await client.query<{ spans: number; windows: number }>(
      `SELECT (SELECT coalesce(sum(span_count), 0) FROM span_rollups)::int AS spans, (SELECT count(*) FROM sync_windows)::int AS windows`,
    )
    return { wallMs, rssMb, spans: rows[0]!.spans, windows: rows[0]!.windows, services }
  } finally {
    for (const child of children) child.child.kill('SIGTERM')
    await Promise.all(children.map((child) => child.exited))
    await client.end()
  }
}

export async function benchSync(context: BenchContext): Promise<BenchReport> {
  const results = []
  for (const run of RUNS) results.push({ run, ...(await syncOnce(run, context.serverUrl)) })
  const [base, widerWindow, moreData] = results as [(typeof results)[number], (typeof results)[number], (typeof results)[number]]
  const rate = (r: typeof base) => r.spans / (r.wallMs / 1000)
  const figures: Figure[] = [
    { name: `synced, ${base.run.label}`, value: rate(base), unit: 'spans/s', target: '≥ 200 spans/s', met: rate(base) >= 200 },
    { name: '  wall time', value: base.wallMs / 1000, unit: 's' },
    { name: '  peak RSS of the worker', value: base.rssMb, unit: 'MB' },
    {
      name: `peak RSS, ${widerWindow.run.label}`,
      value: widerWindow.rssMb,
      unit: 'MB',
      reference: { name: 'at 1× window', value: base.rssMb, unit: 'MB' },
      ratio: widerWindow.rssMb / base.rssMb,
      target: 'flat (ratio ≤ 1.25)',
      met: widerWindow.rssMb / base.rssMb <= 1.25,
    },
    {
      name: `peak RSS, ${moreData.run.label}`,
      value: moreData.rssMb,
      unit: 'MB',
      reference: { name: 'at 1 h', value: base.rssMb, unit: 'MB' },
      ratio: moreData.rssMb / base.rssMb,
      target: 'flat (ratio ≤ 1.25)',
      met: moreData.rssMb / base.rssMb <= 1.25,
    },
  ]
  return {
    title: 'End to end: worker syncing the demo fleet from a demo Jaeger process into Postgres',
    figures,
    notes: results.map(
      (r) =>
        `${r.run.label}: ${r.spans.toLocaleString('en')} spans of ${r.services} services in ${r.windows} windows, ${(r.wallMs / 1000).toFixed(1)} s, ${Math.round(rate(r)).toLocaleString('en')} spans/s, peak RSS ${r.rssMb.toFixed(0)} MB`,
    ),
  }
}
