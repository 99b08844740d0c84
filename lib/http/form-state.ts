// What a server action answers its form with (useActionState). One type for every form. Browser-safe.

export type FormState<D = undefined> = {
  /** Saved: a sentence saying what changed. */
  ok?: string
  /** Not saved, for a reason that is not one field's (a conflict, a vanished record). */
  error?: string
  /** Not saved: per field, what to fix. */
  fieldErrors?: Record<string, string[] | undefined>
  /** What the saved change produced that the form shows once (e.g. a temporary password). */
  data?: D
}
