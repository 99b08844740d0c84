'use client'

import { LoaderCircle } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Card, CardBody } from '@/components/ui/card'
import { Field, Input } from '@/components/ui/field'
import { signInErrorMessage } from '@/lib/auth/sign-in-errors'
import { safeLocalPath } from '@/lib/http/safe-local-path'

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError))
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(null)
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false })
    if (result?.ok && !result.error) {
      // Checked again here: the prop came from the URL, and this is where the browser is sent.
      router.replace(safeLocalPath(callbackUrl))
      router.refresh()
      return
    }
    setPending(false)
    setError(signInErrorMessage(result?.error ?? 'failed'))
  }

  return (
    <Card>
      <CardBody className="px-6 py-6">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Field label="E-mail" htmlFor="email">
            <Input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={Boolean(error)} />
          </Field>
          <Field label="Password" htmlFor="password">
            <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(error)} />
          </Field>
          {error && (
            <p role="status" aria-live="polite" data-testid="login-error" className="rounded-md bg-bad-soft px-3 py-2 text-sm text-bad">
              {error}
            </p>
          )}
          <Button type="submit" className="w-full" disabled={pending}>
            {pending && <LoaderCircle className="size-4 animate-spin" aria-hidden />}
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </CardBody>
    </Card>
  )
}
