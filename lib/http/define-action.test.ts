// defineAction's answers to a form: a refusal about fields (invalid input, or a conflict naming them, such
// as a rule name taken) comes back beside those fields; any other refusal as the form's error.
import { describe, expect, test, vi } from 'vitest'
import { z } from 'zod'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'

vi.mock('@/lib/auth/session', () => ({
  requirePermission: vi.fn(async () => ({ id: 'u1', email: 'a@example.com', name: 'A', role: 'admin' })),
}))
vi.mock('next/navigation', () => ({ redirect: vi.fn() }))
const { defineAction } = await import('./define-action')

const submit = (error: Error) =>
  defineAction({
    permission: 'alerts.write',
    input: z.object({}),
    run: async () => {
      throw error
    },
    ok: () => 'saved',
  })({}, new FormData())

describe('defineAction refusals', () => {
  test.each<[string, Error, object]>([
    ['invalid input', new InvalidInputError([{ path: 'window', message: 'at least 1m' }]), { fieldErrors: { window: ['at least 1m'] } }],
    [
      'a conflict naming a field',
      new ConflictError('a rule named X already exists', [{ path: 'name', message: 'a rule named X already exists' }]),
      { fieldErrors: { name: ['a rule named X already exists'] } },
    ],
    ['a conflict about no field', new ConflictError('this is the last active admin'), { error: 'this is the last active admin' }],
    ['a record gone', new NotFoundError('no alert rule 1'), { error: 'no alert rule 1' }],
  ])('%s', async (_label, error, state) => expect(await submit(error)).toEqual(state))
})
