import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createUser, setUserDisabled } = await import('@/lib/users/repository')
const { signInWithPassword } = await import('./sign-in')
const { FREE_FAILURES, RESET_AFTER_MS } = await import('./login-backoff')

const PASSWORD = 'right password here'
const erin = await createUser({ email: 'erin@example.com', name: 'Erin', role: 'engineer', password: PASSWORD }, { by: null })
await createUser({ email: 'dora@example.com', name: 'Dora', role: 'engineer', password: PASSWORD }, { by: null })
const at = (ms: number) => new Date(Date.now() + ms)
let addresses = 0
/** Each test signs in from addresses of its own, so the per-address budget of one never touches another. */
const newAddress = () => `192.0.2.${++addresses}`

describe('signInWithPassword', () => {
  test('the right password signs in and returns the user without its hash', async () => {
    const result = await signInWithPassword({ email: 'erin@example.com', password: PASSWORD }, { address: newAddress() })
    expect(result).toEqual({
      ok: true,
      user: { id: erin.id, email: 'erin@example.com', name: 'Erin', role: 'engineer', sessionVersion: 0 },
    })
  })

  test('a wrong password, an unknown address and a disabled account fail the same way', async () => {
    const address = newAddress()
    const wrongPassword = await signInWithPassword({ email: 'erin@example.com', password: 'nope' }, { address })
    const unknownEmail = await signInWithPassword({ email: 'nobody@example.com', password: 'nope' }, { address })
    const dora = await db.user.findUniqueOrThrow({ where: { email: 'dora@example.com' } })
    await setUserDisabled(dora.id, true, { by: null })
    const disabled = await signInWithPassword({ email: 'dora@example.com', password: PASSWORD }, { address })
    expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' })
    expect(unknownEmail).toEqual(wrongPassword)
    expect(disabled).toEqual(wrongPassword)
  })

  test('parallel guesses are counted before the hash: only the free ones are checked, the rest wait', async () => {
    const address = newAddress()
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signInWithPassword({ email: 'erin@example.com', password: `guess ${i}` }, { address })),
    )
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(FREE_FAILURES)
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(12 - FREE_FAILURES)
    // even the right password waits now, from this address
    expect(await signInWithPassword({ email: 'erin@example.com', password: PASSWORD }, { address })).toMatchObject({
      ok: false,
      reason: 'throttled',
    })
  })

  test('a guesser elsewhere cannot lock the owner out', async () => {
    const attacker = newAddress()
    for (let i = 0; i < FREE_FAILURES + 3; i++)
      await signInWithPassword({ email: 'erin@example.com', password: `guess ${i}` }, { address: attacker })
    expect(await signInWithPassword({ email: 'erin@example.com', password: PASSWORD }, { address: attacker })).toMatchObject({
      reason: 'throttled',
    })
    expect(await signInWithPassword({ email: 'erin@example.com', password: PASSWORD }, { address: newAddress() })).toMatchObject({
      ok: true,
    })
  })

  test('a quiet period forgives, and a success clears the count', async () => {
    const address = newAddress()
    const email = 'erin@example.com'
    for (let i = 0; i < FREE_FAILURES + 1; i++) await signInWithPassword({ email, password: `wrong ${i}` }, { address, now: at(i) })
    expect(await signInWithPassword({ email, password: PASSWORD }, { address, now: at(100) })).toMatchObject({ reason: 'throttled' })
    expect(await signInWithPassword({ email, password: PASSWORD }, { address, now: at(100 + RESET_AFTER_MS) })).toMatchObject({ ok: true })
    expect(await db.loginBackoff.count({ where: { key: `${email} ${address}` } })).toBe(0)
    expect(await signInWithPassword({ email, password: 'wrong again' }, { address, now: at(200 + RESET_AFTER_MS) })).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  test('one address guessing across many accounts runs out of its budget', async () => {
    const address = newAddress()
    const results = []
    for (let i = 0; i < 62; i++) results.push(await signInWithPassword({ email: `user${i}@example.com`, password: 'x' }, { address }))
    expect(results.slice(0, 60).every((r) => !r.ok && r.reason === 'invalid')).toBe(true)
    expect(results.slice(60)).toEqual([expect.objectContaining({ reason: 'throttled' }), expect.objectContaining({ reason: 'throttled' })])
    // and a different address is unaffected
    expect(await signInWithPassword({ email: 'erin@example.com', password: PASSWORD }, { address: newAddress() })).toMatchObject({
      ok: true,
    })
  })
})
