// The pooled two-proportion z-test between the canary's and the baseline's error rates: is the
// canary's rate higher than chance allows? Normal approximation, as Kayenta's error-rate metrics use.
import { normalTail } from './normal-tail'

export type ProportionSample = { requests: number; errors: number }

export type TwoProportions = {
  /** errors / requests (0..1); null without requests. */
  canaryRate: number | null
  baselineRate: number | null
  /** canaryRate − baselineRate; null when either rate is. */
  difference: number | null
  /** (p₁ − p₂) / √(p(1 − p)(1/n₁ + 1/n₂)), p the pooled rate; 0 when there is nothing to test. */
  z: number
  /** One-sided: the canary's rate is higher. 1 when there is nothing to test. */
  pValueWorse: number
}

function rateOf({ requests, errors }: ProportionSample, label: string): number | null {
  if (!(Number.isSafeInteger(requests) && Number.isSafeInteger(errors) && errors >= 0 && errors <= requests))
    throw new RangeError(`${label} errors must be integers within [0, requests], got ${errors} of ${requests}`)
  return requests > 0 ? errors / requests : null
}

export function computeTwoProportions(canary: ProportionSample, baseline: ProportionSample): TwoProportions {
  const canaryRate = rateOf(canary, 'Canary')
  const baselineRate = rateOf(baseline, 'Baseline')
  if (canaryRate === null || baselineRate === null) return { canaryRate, baselineRate, difference: null, z: 0, pValueWorse: 1 }
  const difference = canaryRate - baselineRate
  const pooledRate = (canary.errors + baseline.errors) / (canary.requests + baseline.requests)
  const variance = pooledRate * (1 - pooledRate) * (1 / canary.requests + 1 / baseline.requests)
  // No errors on either side, or nothing but errors: both rates equal, and no spread to test against.
  if (!(variance > 0)) return { canaryRate, baselineRate, difference, z: 0, pValueWorse: 1 }
  const z = difference / Math.sqrt(variance)
  return { canaryRate, baselineRate, difference, z, pValueWorse: normalTail(z) }
}
