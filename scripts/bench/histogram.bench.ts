// Speed and size of the latency histogram, on seeded synthetic durations. Run:
//   npx tsx -e "import { benchHistogram } from './scripts/bench/histogram.bench'; benchHistogram().then(console.table)"
import { LatencyHistogram, histogramOf, mergeEncoded } from '@/lib/metrics/histogram'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'

export type BenchResult = { name: string; value: number; unit: string }

/** Integer durations spread evenly in log scale over [lowUs, highUs]: the widest realistic histogram. */
function logUniformUs(count: number, lowUs: number, highUs: number, seed: number): number[] {
  const uniform = uniformSource(seed)
  const span = Math.log(highUs / lowUs)
  return Array.from({ length: count }, () => Math.round(lowUs * Math.exp(uniform() * span)))
}

/** Integer durations around meanUs (Irwin–Hall sum of 12 uniforms ≈ normal, sd = sdUs). */
function unimodalUs(count: number, meanUs: number, sdUs: number, seed: number): number[] {
  const uniform = uniformSource(seed)
  return Array.from({ length: count }, () => {
    let sum = 0
    for (let i = 0; i < 12; i++) sum += uniform()
    return Math.max(1, Math.round(meanUs + sdUs * (sum - 6)))
  })
}

function bestOf(runs: number, run: () => void): number {
  let bestMs = Infinity
  for (let i = 0; i < runs; i++) {
    const startMs = performance.now()
    run()
    bestMs = Math.min(bestMs, performance.now() - startMs)
  }
  return bestMs
}

export async function benchHistogram(): Promise<BenchResult[]> {
  const durations = logUniformUs(2_000_000, 50, 8_000_000, 1)
  const addMs = bestOf(5, () => {
    const histogram = new LatencyHistogram()
    for (const durationUs of durations) histogram.add(durationUs)
  })

  // A page over 6,720 stored rows (4 weeks of 6-minute rows, or 4.7 days of minutes), ~160 buckets each.
  const rows = Array.from({ length: 6_720 }, (_, row) => histogramOf(logUniformUs(200, 200, 2_000_000, row + 2)).encode())
  const mergeMs = bestOf(5, () => {
    const merged = mergeEncoded(rows)
    for (const q of [0.5, 0.95, 0.99]) merged.quantile(q)
  })

  return [
    { name: 'add, log-uniform 50 µs–8 s', value: Math.round(durations.length / (addMs / 1000)), unit: 'values/s' },
    {
      name: 'encoded size, 1,000 log-uniform 50 µs–8 s',
      value: histogramOf(logUniformUs(1_000, 50, 8_000_000, 3)).encode().length,
      unit: 'bytes',
    },
    {
      name: 'encoded size, 1,000 unimodal 2 ms ± 0.3 ms',
      value: histogramOf(unimodalUs(1_000, 2_000, 300, 4)).encode().length,
      unit: 'bytes',
    },
    {
      name: 'encoded size, one row of the merge below (mean)',
      value: Math.round(rows.reduce((sum, bytes) => sum + bytes.length, 0) / rows.length),
      unit: 'bytes',
    },
    { name: 'mergeEncoded 6,720 rows + p50/p95/p99', value: Number(mergeMs.toFixed(2)), unit: 'ms' },
  ]
}
