// The server-action twin of define-route.ts: authorize → parse the form → run → form state, with
// lib/errors mapped once (error-mapping.ts). Next itself refuses actions posted from another origin
// (it compares Origin with the host); the browser suite proves it for ours.
//
//   export const saveThingAction = defineAction({ permission: 'things.write', input: thingInput,
//     run: ({ input, user }) => saveThing(input, { by: user.id }), ok: (thing) => `Saved ${thing.name}.`,
//     after: [() => revalidatePath('/things')] })
//
// Steps in `after` follow a change that is already saved (revalidating pages, judging again): their
// failure is logged, never reported as a failed save.
import { redirect } from 'next/navigation'
import { z } from 'zod'
import type { Permission } from '@/lib/auth/permissions'
import type { ActiveUser } from '@/lib/auth/schemas'
import { requirePermission } from '@/lib/auth/session'
import type { FieldIssue } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { mapError } from './error-mapping'
import type { FormState } from './form-state'

type Definition<S extends z.ZodType, R, D> = {
  permission: Permission
  /** The password-change form itself must work while a reset is pending. */
  allowPasswordReset?: boolean
  input: S
  run: (args: { input: z.output<S>; user: ActiveUser }) => Promise<R>
  ok: (result: R, input: z.output<S>) => string | { message: string; data: D }
  after?: ((result: R, input: z.output<S>) => unknown)[]
  /** Where to go once saved (after the follow-ups). */
  redirectTo?: (result: R, input: z.output<S>) => string
}

/** A form's fields as strings (files and React's internal `$ACTION_` fields left out). */
function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [name, value] of form.entries()) if (!name.startsWith('$ACTION_')) fields[name] = value
  return fields
}

export function defineAction<S extends z.ZodType, R, D = undefined>(definition: Definition<S, R, D>) {
  return async (_previous: FormState<D>, form: FormData): Promise<FormState<D>> => {
    const user = await requirePermission(definition.permission, { allowPasswordReset: definition.allowPasswordReset })
    if (!(form instanceof FormData)) return { error: 'expected a form' }
    const parsed = definition.input.safeParse(formFields(form))
    if (!parsed.success)
      return { fieldErrors: z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>).fieldErrors as Record<string, string[]> }
    let result: R
    try {
      result = await definition.run({ input: parsed.data, user })
    } catch (error) {
      const mapped = mapError(error)
      if (!mapped) throw error
      const fieldErrors = (issues: FieldIssue[]) => ({
        fieldErrors: Object.fromEntries(issues.map((issue) => [issue.path, [issue.message]])),
      })
      if (mapped.status === 400) return fieldErrors(mapped.issues)
      // A conflict about fields (a name taken) is shown beside them too.
      if (mapped.status === 409 && mapped.issues) return fieldErrors(mapped.issues)
      return { error: mapped.message }
    }
    for (const step of definition.after ?? []) {
      try {
        await step(result, parsed.data)
      } catch (error) {
        logger('action').warn({ err: error, permission: definition.permission }, 'a follow-up step failed after the change was saved')
      }
    }
    if (definition.redirectTo) {
      redirect(definition.redirectTo(result, parsed.data))
    }
    const ok = definition.ok(result, parsed.data)
    return typeof ok === 'string' ? { ok } : { ok: ok.message, data: ok.data }
  }
}
