'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'

type Outcome =
  | { kind: 'result'; dryRun: boolean; created: string[]; updated: string[]; unchanged: string[] }
  | { kind: 'problems'; message: string; issues: { line?: number; column?: number; path: string; message: string }[] }

/**
 * A file (rules, SLOs: kept in git) checked, then imported, all or nothing: through the same import endpoint
 * a CI job posts to, so what the page says is what the API says.
 */
export function ImportFileForm({
  endpoint,
  id,
  label,
  placeholder,
}: {
  /** POST { content, dryRun } → { created, updated, unchanged } or 422 { message, issues[] with line } */
  endpoint: string
  id: string
  label: string
  placeholder: string
}) {
  const router = useRouter()
  const [content, setContent] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)

  async function send(dryRun: boolean) {
    setBusy(true)
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ content, dryRun }),
      })
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
      if (response.ok) {
        setOutcome({ kind: 'result', dryRun, ...(body as { created: string[]; updated: string[]; unchanged: string[] }) })
        if (!dryRun) router.refresh()
      } else
        setOutcome({
          kind: 'problems',
          message: typeof body.message === 'string' ? body.message : `the import was refused (${response.status})`,
          issues: Array.isArray(body.issues) ? (body.issues as Extract<Outcome, { kind: 'problems' }>['issues']) : [],
        })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3 px-5 py-4">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept=".yaml,.yml,text/yaml"
        className="block text-sm"
        onChange={async (event) => {
          const file = event.target.files?.[0]
          if (file) setContent(await file.text())
          setOutcome(null)
        }}
      />
      <textarea
        aria-label={`${label}: content`}
        rows={8}
        value={content}
        onChange={(event) => {
          setContent(event.target.value)
          setOutcome(null)
        }}
        placeholder={placeholder}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs"
      />
      <div className="flex gap-2">
        <Button variant="secondary" disabled={busy || !content.trim()} onClick={() => send(true)}>
          Check
        </Button>
        <Button disabled={busy || !content.trim() || outcome?.kind !== 'result' || !outcome.dryRun} onClick={() => send(false)}>
          Import
        </Button>
      </div>
      {outcome?.kind === 'result' && (
        <p role="status" className="text-sm">
          {outcome.dryRun ? 'Would create' : 'Created'} {outcome.created.length}, {outcome.dryRun ? 'replace' : 'replaced'}{' '}
          {outcome.updated.length}, {outcome.unchanged.length} unchanged.
          {[...outcome.created, ...outcome.updated].length > 0 && (
            <span className="block text-xs text-muted">{[...outcome.created, ...outcome.updated].join(', ')}</span>
          )}
        </p>
      )}
      {outcome?.kind === 'problems' && (
        <div role="alert" className="text-sm text-bad">
          <p>{outcome.message}</p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {outcome.issues.map((issue, index) => (
              <li key={index}>
                {issue.line ? `line ${issue.line}${issue.column ? `:${issue.column}` : ''} · ` : ''}
                {issue.path}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
