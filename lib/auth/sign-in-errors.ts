// The codes the credentials provider throws and the login page turns into messages. Browser-safe.

export const SIGN_IN_INVALID = 'invalid_credentials'
export const SIGN_IN_THROTTLED = 'throttled'

/** `throttled:12` → wait 12 s. */
export const throttledCode = (retryAfterMs: number) => `${SIGN_IN_THROTTLED}:${Math.ceil(retryAfterMs / 1000)}`

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null
  if (code.startsWith(`${SIGN_IN_THROTTLED}:`)) {
    const seconds = Number(code.split(':')[1]) || 1
    return `Too many sign-in attempts. Try again in ${seconds} s.`
  }
  if (code === SIGN_IN_INVALID || code === 'CredentialsSignin') return 'Wrong e-mail or password.'
  if (code === 'SessionRequired') return null
  return 'Sign-in failed. Try again.'
}
