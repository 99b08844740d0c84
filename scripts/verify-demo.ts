// `npm run demo:verify [-- --hour 2026-11-24T10:00Z]`: while the demo runs, compares the spans the
// sync committed for one hour, per service (a SQL sum over the rollups), with the demo simulator's own
// exact counts for that hour (the simulator rebuilt from the demo's anchor: same seed, same traffic).
// Default: the last 60 minutes every service has committed (minute-aligned, so no clock hour needed).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_SEED, DEFAULT_TRACES_PER_MINUTE } from '../demo/start-demo-jaeger'
import { createSimulator } from '../demo/simulator/simulator'
import { db, disconnectDb } from '@/lib/db/client'
import { LOCAL_DIR, loadEnvOrExit } from '@/lib/env'
import { HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { committedRanges } from '@/lib/sync/sync-progress'
import { fromMicros } from '@/lib/time/micros'

async function main() {
  loadEnvOrExit()
  const { values } = parseArgs({ options: { hour: { type: 'string' } } })
  const anchorFile = path.join(LOCAL_DIR, 'demo-anchor')
  if (!fs.existsSync(anchorFile)) throw new Error('no demo anchor in .local/: start the demo first (npm run demo)')
  const anchor = new Date(fs.readFileSync(anchorFile, 'utf8').trim())
  const simulator = createSimulator({
    anchorMs: anchor.getTime(),
    seed: DEFAULT_SEED,
    tracesPerMinute: DEFAULT_TRACES_PER_MINUTE,
    now: Date.now,
  })

  const states = await db.syncState.findMany({ orderBy: { serviceName: 'asc' } })
  if (states.length === 0) throw new Error('nothing synced yet: give the worker a minute')
  let hourUs: number
  if (values.hour) {
    const parsed = Date.parse(values.hour)
    if (Number.isNaN(parsed)) throw new Error('--hour: expected an ISO time such as 2026-11-24T10:00Z')
    hourUs = Math.floor((parsed * 1000) / HOUR_US) * HOUR_US
  } else {
    const ends = states.map((state) => Math.max(...committedRanges(state).map((range) => range.endUs)))
    hourUs = Math.floor(Math.min(...ends) / MINUTE_US) * MINUTE_US - HOUR_US
  }
  const inside = (state: (typeof states)[number]) =>
    committedRanges(state).some((range) => range.startUs <= hourUs && range.endUs >= hourUs + HOUR_US)

  console.log(`${fromMicros(hourUs).toISOString()} – ${fromMicros(hourUs + HOUR_US).toISOString()} (demo anchor ${anchor.toISOString()})\n`)
  console.log(`${'service'.padEnd(30)} ${'committed'.padStart(10)} ${'simulator'.padStart(10)}`)
  let matches = 0
  let compared = 0
  for (const state of states) {
    if (!inside(state)) {
      console.log(`${state.serviceName.padEnd(30)} ${'(not synced for this hour yet)'.padStart(21)}`)
      continue
    }
    const range = { gte: fromMicros(hourUs), lt: fromMicros(hourUs + HOUR_US) }
    // Minute rows while they are kept (48 h), else the hour row compaction built from them.
    let resolution: 'minute' | 'hour' = 'minute'
    if (
      hourUs % HOUR_US === 0 &&
      (await db.spanRollup.count({ where: { service: state.serviceName, resolution, bucketStart: range } })) === 0
    )
      resolution = 'hour'
    const committed =
      (await db.spanRollup.aggregate({ where: { service: state.serviceName, resolution, bucketStart: range }, _sum: { spanCount: true } }))
        ._sum.spanCount ?? 0
    const exact = simulator.exactCounts({ service: state.serviceName, startUs: hourUs, endUs: hourUs + HOUR_US }).spans
    compared++
    if (committed === exact) matches++
    console.log(
      `${state.serviceName.padEnd(30)} ${String(committed).padStart(10)} ${String(exact).padStart(10)}  ${committed === exact ? '✓' : '✗'}`,
    )
  }
  console.log(`\n${matches} of ${compared} services match the simulator exactly`)
  if (matches !== compared) process.exitCode = 1
}

main()
  .catch((error: unknown) => {
    console.error(`spanlens demo:verify: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  })
  .finally(() => disconnectDb())
