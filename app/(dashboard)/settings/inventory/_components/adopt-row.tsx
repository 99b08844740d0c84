'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/field'
import { Td } from '@/components/ui/table'
import type { FormState } from '@/lib/http/form-state'
import { adoptServiceAction } from '../actions'

/**
 * A discovered service with one-click adoption; team, wave and planned date may be filled in first.
 * The inputs sit in their own cells and belong to the row's form through the `form` attribute.
 */
export function AdoptRow({ serviceName, firstSeen }: { serviceName: string; firstSeen: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(adoptServiceAction, {})
  const formId = `adopt-${serviceName}`
  const error = state.error ?? Object.entries(state.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages?.[0]}`)[0]
  return (
    <tr data-testid={`discovered-${serviceName}`}>
      <Td className="font-mono text-xs font-medium">{serviceName}</Td>
      <Td className="whitespace-nowrap text-muted">{firstSeen}</Td>
      <Td>
        <Input form={formId} name="team" aria-label={`Team of ${serviceName}`} placeholder="team" className="h-8 w-36 text-xs" />
      </Td>
      <Td>
        <Input
          form={formId}
          name="wave"
          type="number"
          min={0}
          max={20}
          aria-label={`Wave of ${serviceName}`}
          placeholder="wave"
          className="h-8 w-20 text-xs"
        />
      </Td>
      <Td>
        <Input form={formId} name="plannedDate" type="date" aria-label={`Planned date of ${serviceName}`} className="h-8 w-40 text-xs" />
      </Td>
      <Td>
        <form id={formId} action={action} className="flex items-center gap-2">
          <input type="hidden" name="serviceName" value={serviceName} />
          <Button type="submit" size="sm" disabled={pending}>
            Adopt <span className="sr-only">{serviceName}</span>
          </Button>
          <span role="status" aria-live="polite" className={`text-xs ${error ? 'text-bad' : 'text-ok'}`}>
            {error ?? state.ok ?? ''}
          </span>
        </form>
      </Td>
    </tr>
  )
}
