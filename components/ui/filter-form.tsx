import Link from 'next/link'
import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/field'

/**
 * A list page's filters as a plain GET form: they land in the URL, so a filtered view is a link (and
 * works without JavaScript). `summary` (how many are shown) is announced as it changes.
 */
export function FilterForm({
  action,
  label,
  filtered,
  summary,
  children,
}: {
  action: string
  label: string
  filtered: boolean
  summary: ReactNode
  children: ReactNode
}) {
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3 border-b border-border px-5 py-3"
      role="search"
      aria-label={label}
    >
      {children}
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {filtered && (
        <Link href={action} className="pb-2 text-sm text-accent underline-offset-2 hover:underline">
          Clear
        </Link>
      )}
      <p className="ml-auto pb-2 text-xs text-muted" aria-live="polite">
        {summary}
      </p>
    </form>
  )
}

/** A labelled filter: "Any" (the empty value) first, then the options. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  className,
}: {
  label: string
  name: string
  value: string | undefined
  options: readonly { value: string; label: string }[]
  className: string
}) {
  return (
    <label className="space-y-1 text-xs font-medium">
      <span className="block">{label}</span>
      <Select name={name} defaultValue={value ?? ''} className={className}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </label>
  )
}
