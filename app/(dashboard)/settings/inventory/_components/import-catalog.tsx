'use client'

import { FileUp } from 'lucide-react'
import { useActionState, useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, Td, Th } from '@/components/ui/table'
import type { FormState } from '@/lib/http/form-state'
import type { CatalogImportResult, FieldChange, PlannedChange } from '@/lib/inventory/catalog-import'
import { importInventoryAction, previewInventoryImportAction } from '../actions'

/** What a server action accepts (Next's default body limit for server actions is 1 MB). */
const MAX_UPLOAD_BYTES = 1024 * 1024

type ChosenFile = { name: string; content: string; version: number }

/** Import: choose a file → preview of what changes (or its problems, by line) → apply. */
export function ImportCatalog() {
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [retireMissing, setRetireMissing] = useState(false)
  const [readError, setReadError] = useState<string | null>(null)
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="space-y-1.5">
          <label htmlFor="catalog-file" className="block text-xs font-medium">
            Catalog file
          </label>
          <input
            id="catalog-file"
            type="file"
            accept=".yaml,.yml,.csv,text/yaml,text/csv"
            className="block text-sm file:mr-3 file:h-9 file:cursor-pointer file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:text-foreground hover:file:bg-surface-muted"
            onChange={async (event) => {
              const chosen = event.currentTarget.files?.[0]
              setFile(null)
              setReadError(null)
              if (!chosen) return
              if (chosen.size > MAX_UPLOAD_BYTES)
                return setReadError(`${chosen.name} is larger than 1 MB; import it through the API in parts.`)
              setFile({ name: chosen.name, content: await chosen.text(), version: Date.now() })
            }}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            checked={retireMissing}
            onChange={(event) => setRetireMissing(event.currentTarget.checked)}
            className="size-4 accent-accent"
          />
          Retire inventory services missing from the file
        </label>
      </div>
      {readError && (
        <p role="alert" className="text-sm text-bad">
          {readError}
        </p>
      )}
      {file && <ImportSteps key={`${file.version}-${retireMissing}`} file={file} retireMissing={retireMissing} />}
    </div>
  )
}

type ImportState = FormState<CatalogImportResult>

function ImportSteps({ file, retireMissing }: { file: ChosenFile; retireMissing: boolean }) {
  const [preview, previewAction, previewing] = useActionState<ImportState, FormData>(previewInventoryImportAction, {})
  const [applied, applyAction, applying] = useActionState<ImportState, FormData>(importInventoryAction, {})
  const fields = (
    <>
      <input type="hidden" name="content" value={file.content} />
      <input type="hidden" name="fileName" value={file.name} />
      {retireMissing && <input type="hidden" name="retireMissing" value="on" />}
    </>
  )
  const shown = applied.data ?? preview.data
  const failure = applied.error ?? preview.error ?? applied.fieldErrors?.content?.[0] ?? preview.fieldErrors?.content?.[0]
  return (
    <div className="space-y-4" data-testid="catalog-import">
      <div className="flex flex-wrap items-center gap-3">
        <form action={previewAction}>
          {fields}
          <Button type="submit" variant="secondary" disabled={previewing || applying}>
            <FileUp className="size-4" aria-hidden />
            {previewing ? 'Reading…' : `Preview ${file.name}`}
          </Button>
        </form>
        {preview.data?.ok && !applied.data && (
          <form action={applyAction}>
            {fields}
            <Button type="submit" disabled={applying}>
              {applying ? 'Applying…' : 'Apply'}
            </Button>
          </form>
        )}
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {failure && <p className="text-bad">{failure}</p>}
        {!failure && (applied.ok ?? preview.ok) && (
          <p className={shown?.ok ? (applied.data ? 'text-ok' : 'text-foreground') : 'text-bad'}>{applied.ok ?? preview.ok}</p>
        )}
      </div>
      {shown && !shown.ok && <ImportProblems result={shown} />}
      {shown?.ok && <ImportChanges result={shown} />}
    </div>
  )
}

function ImportProblems({ result }: { result: Extract<CatalogImportResult, { ok: false }> }) {
  return (
    <Table aria-label="Problems in the catalog file" data-testid="import-errors">
      <thead>
        <tr>
          <Th className="text-right">Line</Th>
          <Th>Field</Th>
          <Th>Problem</Th>
        </tr>
      </thead>
      <tbody>
        {result.errors.map((error, index) => (
          <tr key={index}>
            <Td className="text-right font-mono text-xs">{error.line ?? '—'}</Td>
            <Td className="font-mono text-xs">{error.field ?? '—'}</Td>
            <Td>{error.message}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

const KIND_LABELS = { add: ['added', 'ok'], update: ['updated', 'accent'], retire: ['retired', 'warn'] } as const

const formatValue = (value: unknown) =>
  value === null || value === undefined ? '—' : Array.isArray(value) ? value.join(', ') || '—' : String(value)

function describeChange(change: PlannedChange): string {
  if (change.kind === 'add')
    return Object.entries(change.fields)
      .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
      .map(([field, value]) => `${field}: ${formatValue(value)}`)
      .join(' · ')
  return Object.entries(change.changes)
    .map(([field, { from, to } = {} as FieldChange]) => {
      if (field === 'retired') return to ? 'retired' : 'back from retirement'
      if (field === 'origin') return 'discovered → inventory'
      return `${field}: ${formatValue(from)} → ${formatValue(to)}`
    })
    .join(' · ')
}

function ImportChanges({ result }: { result: Extract<CatalogImportResult, { ok: true }> }) {
  const skipped = Object.entries(result.skipped)
  return (
    <div className="space-y-2">
      <p className="text-xs text-muted">
        Read as {result.format === 'backstage' ? 'a Backstage catalog' : `our ${result.format.toUpperCase()}`}
        {skipped.length > 0 && ` · skipped (not a Component): ${skipped.map(([kind, count]) => `${count} ${kind}`).join(', ')}`}
      </p>
      {result.changes.length > 0 && (
        <Table aria-label={result.dryRun ? 'What the import changes' : 'What the import changed'} data-testid="import-changes">
          <thead>
            <tr>
              <Th>Service</Th>
              <Th>Change</Th>
              <Th>Fields</Th>
            </tr>
          </thead>
          <tbody>
            {result.changes.map((change) => (
              <tr key={change.name}>
                <Td className="font-mono text-xs font-medium">{change.name}</Td>
                <Td>
                  <Badge tone={KIND_LABELS[change.kind][1]}>{KIND_LABELS[change.kind][0]}</Badge>
                </Td>
                <Td className="text-xs text-muted">{describeChange(change)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  )
}
