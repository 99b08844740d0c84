import { describe, expect, test } from 'vitest'
import { BUSY, HashSlots } from './hash-slots'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('HashSlots', () => {
  test('never runs more than `limit` at once, queues up to `maxWaiting`, refuses the rest without running them', async () => {
    const slots = new HashSlots(2, 1)
    let active = 0
    let peak = 0
    let ran = 0
    const gate = deferred()
    const work = async () => {
      ran++
      active++
      peak = Math.max(peak, active)
      await gate.promise
      active--
      return 'done'
    }
    const results = [slots.run(work), slots.run(work), slots.run(work), slots.run(work), slots.run(work)]
    await Promise.resolve()
    gate.resolve()
    const settled = await Promise.all(results)
    expect(settled.filter((r) => r === BUSY)).toHaveLength(2)
    expect(settled.filter((r) => r === 'done')).toHaveLength(3)
    expect(peak).toBe(2)
    expect(ran).toBe(3)
  })

  test('a failing job frees its slot', async () => {
    const slots = new HashSlots(1, 0)
    await expect(slots.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await slots.run(async () => 'next')).toBe('next')
  })
})
