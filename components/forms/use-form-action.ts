'use client'

import { useActionState, useEffect, useRef } from 'react'
import type { FormState } from '@/lib/http/form-state'

type Action<D> = (previous: FormState<D>, form: FormData) => Promise<FormState<D>>

/**
 * A form posting to a server action (lib/http/define-action.ts): its state, the first error of a
 * field, and a ref that clears the form once a change is saved.
 */
export function useFormAction<D = undefined>(submit: Action<D>) {
  const [state, action, pending] = useActionState<FormState<D>, FormData>(submit, {})
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (state.ok) formRef.current?.reset()
  }, [state])
  const fieldError = (field: string) => state.fieldErrors?.[field]?.[0]
  return { state, action, pending, formRef, fieldError }
}
