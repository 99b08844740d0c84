// URLs from the environment may carry credentials (`https://user:secret@jaeger.example.com`). They
// must never be shown or logged, nor end up in links: these are the ways to take them out.

/** The URL with any user name and password replaced by `***`; unparseable input is hidden whole. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.username && !parsed.password) return url
    parsed.username = '***'
    parsed.password = ''
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

/** The URL without its credentials (unchanged when it has none). */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url)
  if (!parsed.username && !parsed.password) return url
  parsed.username = ''
  parsed.password = ''
  return parsed.toString()
}

/** The `Authorization: Basic …` value a URL's credentials stand for, or null. */
export function basicAuthorizationOf(url: string): string | null {
  const { username, password } = new URL(url)
  if (!username && !password) return null
  return `Basic ${Buffer.from(`${decodeURIComponent(username)}:${decodeURIComponent(password)}`).toString('base64')}`
}
