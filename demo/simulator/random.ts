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

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
const hex32 = (value: number) =>
  HEX_BYTES[value >>> 24]! + HEX_BYTES[(value >>> 16) & 0xff]! + HEX_BYTES[(value >>> 8) & 0xff]! + HEX_BYTES[value & 0xff]!

/** mulberry32: small, fast, good enough for simulation (not for cryptography). A class rather than
 * closures: one is created per generated trace. */
class Mulberry32 implements Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000
  }

  int(bound: number): number {
    return Math.floor(this.next() * bound)
  }

  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  hex64(): string {
    const high = (Math.floor(this.next() * 0x1_0000_0000) | 0x1000_0000) >>> 0
    const low = Math.floor(this.next() * 0x1_0000_0000) >>> 0
    return hex32(high) + hex32(low)
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
}

export function createRandom(seed: number): Random {
  return new Mulberry32(seed)
}
