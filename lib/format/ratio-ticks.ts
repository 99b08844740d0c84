// Ticks for an axis over ratios (SLIs, budget shares) with round percent ticks: the domain widened to whole steps,
// so an axis from 19.39 % reads 0 %, 25 %, 50 % … rather than 19.39 %, 44.39 %, 69.39 %.

const STEPS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50]

export function ratioAxis(low: number, high: number, count = 5): { domain: [number, number]; ticks: number[] } {
  const raw = Math.max(high - low, 1e-4) / (count - 1)
  const step = STEPS.find((candidate) => candidate >= raw - 1e-12) ?? STEPS.at(-1)!
  const start = Math.floor(low / step + 1e-9) * step
  const end = Math.ceil(high / step - 1e-9) * step
  const ticks: number[] = []
  for (let index = 0; start + index * step <= end + step / 1e6; index++) ticks.push(Number((start + index * step).toFixed(6)))
  // Shares top out at 100 %: an axis reaching past it stops there.
  if (high <= 1 && ticks.at(-1)! > 1) {
    while (ticks.at(-1)! > 1) ticks.pop()
    if (ticks.at(-1) !== 1) ticks.push(1)
  }
  return { domain: [ticks[0]!, ticks.at(-1)!], ticks }
}

export const formatRatioTick = (value: number) => `${Number((value * 100).toFixed(2))} %`
