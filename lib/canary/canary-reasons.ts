// The sentences a canary judgement gives as its reasons, figures included. Display only: the judge
// decides, these only word it.
import { formatDurationUs } from '@/lib/format/duration-us'
import { formatPercent } from '@/lib/format/percent'

const US_PER_MS = 1000

const formatCount = (value: number) => value.toLocaleString('en')

/** "182 ms", "1.42 s", "850 µs": three significant digits. */
const formatMs = (ms: number) => formatDurationUs(ms * US_PER_MS)

/** "p = 0.042", "p = 3.1e-9": two significant digits, in exponent form below 0.001. */
export function formatPValue(pValue: number): string {
  if (pValue >= 0.001) return `p = ${Number(pValue.toPrecision(2))}`
  return pValue > 0 ? `p = ${pValue.toExponential(1)}` : 'p < 1e-300'
}

/** "p95 is 31 % higher on the canary (182 ms vs 139 ms)". */
export function describeLatencyChange(label: string, canaryMs: number, baselineMs: number): string {
  const figures = `(${formatMs(canaryMs)} vs ${formatMs(baselineMs)})`
  if (baselineMs === 0)
    return canaryMs > 0 ? `${label} is higher on the canary ${figures}` : `${label} is unchanged on the canary ${figures}`
  const change = canaryMs / baselineMs - 1
  const percent = formatPercent(Math.abs(change), 0)
  if (percent === formatPercent(0, 0)) return `${label} is unchanged on the canary ${figures}`
  return `${label} is ${percent} ${change > 0 ? 'higher' : 'lower'} on the canary ${figures}`
}

/** "A canary request is slower than a baseline request 64 % of the time (p = 2.1e-9)": ties count half. */
export const describeProbabilitySlower = (probabilitySlower: number, pValueSlower: number) =>
  `A canary request is slower than a baseline request ${formatPercent(probabilitySlower, 0)} of the time (${formatPValue(pValueSlower)})`

/** "Error rate is 7.00 percentage points higher on the canary (8.00 % vs 1.00 %)". */
export function describeErrorRateChange(canaryRate: number, baselineRate: number): string {
  if (canaryRate === baselineRate) return `Error rate is the same on both versions (${formatPercent(canaryRate, 2)})`
  const points = (Math.abs(canaryRate - baselineRate) * 100).toFixed(2)
  const direction = canaryRate > baselineRate ? 'higher' : 'lower'
  return `Error rate is ${points} percentage points ${direction} on the canary (${formatPercent(canaryRate, 2)} vs ${formatPercent(baselineRate, 2)})`
}

/** "The canary serves 9.1 % of requests (100 of 1,100)". */
export function describeThroughputShare(canaryRequests: number, totalRequests: number): string {
  if (totalRequests === 0) return 'No requests on either version yet'
  const share = formatPercent(canaryRequests / totalRequests, 1)
  return `The canary serves ${share} of requests (${formatCount(canaryRequests)} of ${formatCount(totalRequests)})`
}

/** "Not enough data yet: the canary has 20 requests and the baseline 30; each version needs at least 50". */
export const describeShortSample = (canaryRequests: number, baselineRequests: number, minRequests: number) =>
  `Not enough data yet: the canary has ${formatCount(canaryRequests)} requests and the baseline ${formatCount(baselineRequests)}; each version needs at least ${formatCount(minRequests)}`
