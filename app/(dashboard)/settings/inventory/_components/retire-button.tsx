'use client'

import { Archive, ArchiveRestore } from 'lucide-react'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { retireServiceAction } from '../actions'

/** Retire an inventory service (after a confirmation), or bring a retired one back. */
export function RetireButton({ serviceName, retired }: { serviceName: string; retired: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retireServiceAction, {})
  return (
    <form
      action={action}
      className="inline-flex items-center gap-2"
      onSubmit={(event) => {
        const question = `Retire ${serviceName}? It stays in the history but leaves the rollout and the targets. You can bring it back.`
        if (!retired && !window.confirm(question)) event.preventDefault()
      }}
    >
      <input type="hidden" name="serviceName" value={serviceName} />
      <input type="hidden" name="retired" value={retired ? 'false' : 'true'} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {retired ? <ArchiveRestore className="size-3.5" aria-hidden /> : <Archive className="size-3.5" aria-hidden />}
        {retired ? 'Bring back' : 'Retire'} <span className="sr-only">{serviceName}</span>
      </Button>
      {(state.error ?? state.fieldErrors) && (
        <span role="alert" className="text-xs text-bad">
          {state.error ?? Object.values(state.fieldErrors ?? {})[0]?.[0]}
        </span>
      )}
    </form>
  )
}
