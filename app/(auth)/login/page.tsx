import { ScanSearch } from 'lucide-react'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { AuthPage } from '@/components/shell/auth-page'
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
    <AuthPage icon={ScanSearch} title="Sign in to Spanlens" description="Tracing rollout, latency baselines and SLOs">
      <LoginForm callbackUrl={callbackUrl} initialError={error} />
    </AuthPage>
  )
}
