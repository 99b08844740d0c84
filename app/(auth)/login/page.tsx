import { ScanSearch } from 'lucide-react'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { getCurrentUser } from '@/lib/auth/session'
import { safeLocalPath } from '@/lib/http/safe-local-path'
import { LoginForm } from './login-form'

export const metadata: Metadata = { title: 'Sign in' }

const loginParams = z.object({
  // Only paths on this site: an open redirect through ?callbackUrl= would be a phishing aid.
  callbackUrl: z.unknown().transform((url) => safeLocalPath(url)),
  error: z.string().max(200).optional().catch(undefined),
})

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = loginParams.safeParse(await searchParams)
  const { callbackUrl, error } = params.success ? params.data : { callbackUrl: '/', error: undefined }
  if (await getCurrentUser()) redirect(callbackUrl)
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="mb-3 rounded-lg bg-accent p-2 text-accent-foreground">
            <ScanSearch className="size-6" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Sign in to Spanlens</h1>
          <p className="mt-1 text-sm text-muted">Tracing rollout, latency baselines and SLOs</p>
        </div>
        <LoginForm callbackUrl={callbackUrl} initialError={error} />
      </div>
    </main>
  )
}
