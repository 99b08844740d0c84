// Seeded, order-independent randomness: every value the simulator draws comes from a generator
// seeded by hashing (seed, minute, slot, …), so any trace can be regenerated on its own.

/** 32-bit avalanche mix (murmur3 fmix32). */
function fmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Hashes a list of integers (each taken modulo 2^32, larger ones split in two) to a uint32. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    const low = part >>> 0
    const high = Math.floor(part / 0x1_0000_0000) >>> 0
    h = fmix32(h ^ low) + 0x7f4a7c15
    h = fmix32(h ^ high) + 0x7f4a7c15
  }
  return fmix32(h)
}

export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [0, bound). */
  int(bound: number): number
  /** Standard normal (Box–Muller). */
  normal(): number
  /** True with the given probability. */
  chance(probability: number): boolean
  /** 16 lowercase hex digits, the first never 0 (so unpadded and padded renderings agree). */
  hex64(): string
  pick<T>(items: readonly T[]): T
}

/** mulberry32: small, fast, good enough for simulation (not for cryptography). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000
  }
  const uint32 = () => Math.floor(next() * 0x1_0000_0000) >>> 0
  return {
    next,
    int: (bound) => Math.floor(next() * bound),
    normal: () => {
      const u = 1 - next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())
    },
    chance: (probability) => next() < probability,
    hex64: () => {
      const high = (uint32() | 0x1000_0000) >>> 0
      return high.toString(16).padStart(8, '0') + uint32().toString(16).padStart(8, '0')
    },
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
  }
}
