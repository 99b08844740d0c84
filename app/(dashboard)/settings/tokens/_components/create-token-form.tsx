'use client'

import { Check, Copy } from 'lucide-react'
import { useState } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import type { ApiTokenScope } from '@/lib/auth/api-tokens'
import { createApiTokenAction } from '../actions'

type Scope = { scope: string; field: string; label: string }
type Created = { token: string; name: string; scopes: ApiTokenScope[] }

/** Name and scopes in; the new token out, shown once with a copy button and an example request. */
export function CreateTokenForm({ scopes, exampleService }: { scopes: readonly Scope[]; exampleService: string }) {
  const { state, action, pending, formRef, fieldError: error } = useFormAction<Created>(createApiTokenAction)
  return (
    <div className="space-y-5">
      <form ref={formRef} action={action} className="grid gap-4 md:grid-cols-2" noValidate>
        <Field label="Name" htmlFor="token-name" error={error('name')} hint="What uses it, e.g. nightly k6 job">
          <Input id="token-name" name="name" required maxLength={100} aria-invalid={Boolean(error('name'))} />
        </Field>
        <fieldset className="space-y-1.5" aria-describedby={error('scopes') ? 'token-scopes-error' : undefined}>
          <legend className="text-xs font-medium text-foreground">Scopes</legend>
          <div className="space-y-1.5 pt-1">
            {scopes.map(({ scope, field, label }) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={field} defaultChecked={scope === 'overhead.write'} className="size-4 accent-accent" />
                <span className="font-mono text-xs">{scope}</span>
                <span className="text-muted">{label}</span>
              </label>
            ))}
          </div>
          {error('scopes') && (
            <p id="token-scopes-error" className="text-xs text-bad">
              {error('scopes')}
            </p>
          )}
        </fieldset>
        <div className="flex items-center gap-3 md:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create token'}
          </Button>
          {state.error && (
            <span role="alert" className="text-sm text-bad">
              {state.error}
            </span>
          )}
        </div>
      </form>
      <div role="status" aria-live="polite">
        {state.ok && state.data && <NewToken message={state.ok} created={state.data} exampleService={exampleService} />}
      </div>
    </div>
  )
}

function NewToken({ message, created, exampleService }: { message: string; created: Created; exampleService: string }) {
  const origin = typeof window === 'undefined' ? '' : window.location.origin
  const curl = [
    `curl -X POST ${origin}/api/v1/overhead-measurements \\`,
    `  -H 'Authorization: Bearer ${created.token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{`,
    `    "service": "${exampleService}", "environment": "staging", "method": "load_test",`,
    `    "measuredAt": "${new Date().toISOString()}",`,
    `    "p50OnMs": 41.8, "p50OffMs": 38.5, "p95OnMs": 120.4, "p95OffMs": 112.9,`,
    `    "samplesOn": 60000, "samplesOff": 60000`,
    `  }'`,
  ].join('\n')
  return (
    <div className="space-y-3 rounded-md border border-warn bg-warn-soft p-4">
      <p className="text-sm font-medium text-foreground">{message}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-api-token" className="rounded bg-surface px-2 py-1 font-mono text-sm break-all text-foreground select-all">
          {created.token}
        </code>
        <CopyButton text={created.token} label="Copy token" />
      </div>
      {created.scopes.includes('overhead.write') && (
        <div className="space-y-1">
          <div className="flex items-center justify-between gap-2">
            <p className="text-xs text-foreground">Post a measurement with it:</p>
            <CopyButton text={curl} label="Copy example" />
          </div>
          <pre className="overflow-x-auto rounded bg-surface p-3 font-mono text-xs text-foreground">{curl}</pre>
        </div>
      )}
    </div>
  )
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={async () => {
        await navigator.clipboard.writeText(text)
        setCopied(true)
        setTimeout(() => setCopied(false), 2000)
      }}
    >
      {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {copied ? 'Copied' : label}
    </Button>
  )
}
