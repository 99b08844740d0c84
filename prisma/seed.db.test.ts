import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { DEMO_USERS, seedDemoUsers, seedInventory } = await import('./seed')
const { signInWithPassword } = await import('@/lib/auth/sign-in')

const catalog = [
  {
    name: 'auth-service',
    team: 'Identity',
    owner: 'identity@example.com',
    tier: 1,
    wave: 1,
    plannedDate: '2026-03-02',
    expectedOperations: ['POST /login'],
  },
  {
    name: 'ledger-service',
    team: 'Core Banking',
    owner: 'ledger@example.com',
    tier: 1,
    wave: 2,
    plannedDate: '2026-03-05',
    expectedOperations: [],
  },
]

describe('seed', () => {
  test('demo users can sign in with the printed passwords, one per role', async () => {
    await seedDemoUsers()
    for (const user of DEMO_USERS) {
      expect(await signInWithPassword({ email: user.email, password: user.password }, { address: '198.51.100.1' })).toMatchObject({
        ok: true,
        user: { role: user.role },
      })
    }
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(['engineer', 'manager', 'admin']))
  })

  test('inventory and targets are seeded once; a rerun keeps edits', async () => {
    await seedInventory(catalog)
    await db.service.update({ where: { name: 'auth-service' }, data: { owner: 'edited@example.com' } })
    await db.target.update({ where: { key: 'tracing_overhead' }, data: { goal: 3 } })
    await seedInventory(catalog)
    await seedDemoUsers()
    expect(await db.service.count()).toBe(2)
    expect((await db.service.findUniqueOrThrow({ where: { name: 'auth-service' } })).owner).toBe('edited@example.com')
    const targets = await db.target.findMany()
    expect(targets.find((t) => t.key === 'tracing_overhead')?.goal).toBe(3)
    expect(targets.find((t) => t.key === 'services_traced')?.goal).toBe(2)
    // week 2 ends 13 days after the first planned go-live
    expect(targets[0]?.dueDate?.toISOString().slice(0, 10)).toBe('2026-03-15')
    expect(await db.user.count()).toBe(DEMO_USERS.length)
  })

  test('a bad catalog entry is refused by index and field, and nothing is written', async () => {
    const before = await db.service.count()
    await expect(seedInventory([{ ...catalog[0]!, name: 'new-service', owner: 'not an e-mail' }])).rejects.toThrow(/owner/)
    expect(await db.service.count()).toBe(before)
  })
})
