// Seeded uniform numbers for the bootstrap, so a confidence interval is the same every time it is
// computed from the same incidents. (lib/metrics/testing has the same generator, for tests only.)

/** mulberry32 (Tommy Ettinger): a uniform [0, 1) source from a 32-bit seed. */
export function uniformSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** A seed for one named stream (FNV-1a of the name, mixed with the seed): each service's interval depends only on its own incidents. */
export function seedFor(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (let index = 0; index < name.length; index++) {
    hash ^= name.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
