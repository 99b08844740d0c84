import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { createUser } = await import('@/lib/users/repository')
const { signInWithPassword } = await import('./sign-in')
const { FREE_FAILURES, RESET_AFTER_MS } = await import('./login-throttle')

await createUser({ email: 'erin@example.com', name: 'Erin', role: 'engineer', password: 'right password here' }, { by: null })
const at = (ms: number) => new Date(Date.UTC(2026, 5, 1) + ms)

describe('signInWithPassword', () => {
  test('the right password signs in and returns the user without its hash', async () => {
    const result = await signInWithPassword({ email: 'erin@example.com', password: 'right password here' }, at(0))
    expect(result).toEqual({ ok: true, user: { id: expect.any(String), email: 'erin@example.com', name: 'Erin', role: 'engineer' } })
  })

  test('a wrong password and an unknown address fail the same way', async () => {
    const wrongPassword = await signInWithPassword({ email: 'erin@example.com', password: 'nope' }, at(0))
    const unknownEmail = await signInWithPassword({ email: 'nobody@example.com', password: 'nope' }, at(0))
    expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' })
    expect(unknownEmail).toEqual(wrongPassword)
  })

  test('repeated failures are slowed down, even the right password must wait, and a quiet period forgives', async () => {
    const email = 'erin@example.com'
    for (let i = 0; i < FREE_FAILURES + 2; i++) await signInWithPassword({ email, password: `wrong ${i}` }, at(1000 + i))
    const throttled = await signInWithPassword({ email, password: 'right password here' }, at(2000))
    expect(throttled).toMatchObject({ ok: false, reason: 'throttled' })
    expect((throttled as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0)
    const later = await signInWithPassword({ email, password: 'right password here' }, at(2000 + RESET_AFTER_MS))
    expect(later.ok).toBe(true)
    // success cleared the count: the next failure is free again
    expect(await signInWithPassword({ email, password: 'wrong again' }, at(3000 + RESET_AFTER_MS))).toEqual({ ok: false, reason: 'invalid' })
  })

  test('an unknown address is throttled too, so the delay reveals nothing', async () => {
    for (let i = 0; i < FREE_FAILURES + 1; i++) await signInWithPassword({ email: 'ghost@example.com', password: 'x' }, at(i))
    expect(await signInWithPassword({ email: 'ghost@example.com', password: 'x' }, at(10))).toMatchObject({ reason: 'throttled' })
  })
})
