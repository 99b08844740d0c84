import { cn } from '@/lib/cn'

export function StatusDot({ ok, label }: { ok: boolean | null; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-sm">
      <span aria-hidden className={cn('size-2 rounded-full', ok === null ? 'bg-muted' : ok ? 'bg-ok' : 'bg-bad')} />
      {label}
    </span>
  )
}
