// Pipeline throughput without network: the bytes of real searches (the demo Jaeger's api/v3 answers
// for busy services at a busy hour) through JSON.parse → validation → normalisation → quality,
// histograms and rollups, against JSON.parse alone of the same bytes, measured in the same run.
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import type { BenchReport } from './figures'
import { computeWindowRollups } from '@/lib/metrics/rollup'
import { rfc3339Micros } from '@/lib/jaeger/client'
import { normalizeV3 } from '@/lib/jaeger/normalize-v3'
import { parseV3Traces } from '@/lib/jaeger/parse'

const SERVICES = ['api-gateway', 'payment-gateway', 'ledger-service', 'fraud-detection', 'auth-service']
const ROUNDS = 40
const WARMUP = 10

export async function benchPipeline(): Promise<BenchReport> {
  const anchorMs = Date.UTC(2026, 10, 20, 15, 0) // mid-afternoon: the demo's busiest hour
  const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(anchorMs), now: () => anchorMs + 3_600_000 })
  const windowUs = 15 * 60_000_000
  const startUs = (anchorMs - 30 * 60_000) * 1000
  const payloads: { service: string; text: string }[] = []
  try {
    for (const service of SERVICES) {
      const query = new URLSearchParams({
        'query.service_name': service,
        'query.start_time_min': rfc3339Micros(startUs),
        'query.start_time_max': rfc3339Micros(startUs + windowUs),
        'query.num_traces': '10000',
      })
      payloads.push({ service, text: await (await fetch(`${jaeger.url}/api/v3/traces?${query}`)).text() })
    }
  } finally {
    await jaeger.close()
  }
  const bytes = payloads.reduce((sum, p) => sum + p.text.length, 0)
  const stages = { 'JSON.parse': 0, 'validation (in-place checks)': 0, normalisation: 0, 'quality + histograms + rollups': 0 }
  let spans = 0
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const { service, text } of payloads) {
      const t0 = performance.now()
      const json = JSON.parse(text)
      const t1 = performance.now()
      const parsed = parseV3Traces(json)
      const t2 = performance.now()
      const normalized = normalizeV3(parsed.records)
      const t3 = performance.now()
      computeWindowRollups(normalized.traces, { service, startUs, endUs: startUs + windowUs })
      const t4 = performance.now()
      if (round < WARMUP) continue
      stages['JSON.parse'] += t1 - t0
      stages['validation (in-place checks)'] += t2 - t1
      stages.normalisation += t3 - t2
      stages['quality + histograms + rollups'] += t4 - t3
      spans += parsed.records.length
    }
  }
  const totalMs = Object.values(stages).reduce((a, b) => a + b, 0)
  const pipelineRate = spans / (totalMs / 1000)
  const parseRate = spans / (stages['JSON.parse'] / 1000)
  return {
    title: 'Pipeline throughput (one core, no network)',
    figures: [
      {
        name: 'pipeline',
        value: pipelineRate,
        unit: 'spans/s',
        reference: { name: 'JSON.parse alone', value: parseRate, unit: 'spans/s' },
        ratio: pipelineRate / parseRate,
        target: '≥ 100,000 spans/s and ratio ≥ 0.5',
        met: pipelineRate >= 100_000 && pipelineRate / parseRate >= 0.5,
      },
      ...Object.entries(stages).map(([name, ms]) => ({ name: `  time in ${name}`, value: (ms / totalMs) * 100, unit: '%' })),
    ],
    notes: [
      `${payloads.length} real api/v3 search answers (${SERVICES.join(', ')}; 15 min each), ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(spans / ROUNDS).toLocaleString('en')} spans per round, ${Math.round(bytes / (spans / ROUNDS))} bytes per span; ${ROUNDS} rounds after ${WARMUP} warm-up`,
      "garbage collection is counted in whichever stage it interrupts (much of it is JSON.parse's own objects)",
    ],
  }
}
