// The only memory the simulator keeps: the traces of the most recently used minutes, at most
// `capacity` of them (a Map iterates in insertion order, so its first key is the least recent).

export type MinuteCache<T> = {
  get(minute: number, generate: (minute: number) => T): T
  peek(minute: number): T | undefined
  readonly size: number
  readonly capacity: number
  /** Minutes generated since creation (hits excluded). */
  readonly generated: number
}

export function createMinuteCache<T>(capacity: number): MinuteCache<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`minute cache capacity must be a positive integer, got ${capacity}`)
  const entries = new Map<number, T>()
  let generated = 0
  return {
    get(minute, generate) {
      const hit = entries.get(minute)
      if (hit !== undefined) {
        entries.delete(minute)
        entries.set(minute, hit)
        return hit
      }
      const value = generate(minute)
      generated++
      entries.set(minute, value)
      if (entries.size > capacity) entries.delete(entries.keys().next().value!)
      return value
    },
    peek: (minute) => entries.get(minute),
    get size() {
      return entries.size
    },
    capacity,
    get generated() {
      return generated
    },
  }
}
