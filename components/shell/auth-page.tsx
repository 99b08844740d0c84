import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

/** The centred page of signing in and of choosing a new password: an icon, a heading, a card. */
export function AuthPage({
  icon: Icon,
  title,
  description,
  width = 'max-w-sm',
  children,
}: {
  icon: LucideIcon
  title: string
  description: ReactNode
  width?: string
  children: ReactNode
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className={`w-full ${width}`}>
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="mb-3 rounded-lg bg-accent p-2 text-accent-foreground">
            <Icon className="size-6" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 text-sm text-muted">{description}</p>
        </div>
        {children}
      </div>
    </main>
  )
}
