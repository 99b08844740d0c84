// Is a state-changing request from our own pages? Pure. Browsers send `Origin` on every cross-origin
// request and on same-origin POSTs, and `Sec-Fetch-Site` on all of them; a page on another site (or
// another port of this host, e.g. a Jaeger UI: "same-site" is not "same-origin") cannot forge either.
// Clients that are not browsers send neither, and carry no ambient cookie to abuse.

type HeaderSource = { get(name: string): string | null }

/** null when acceptable, else why not. The host is compared as Next's server actions do. */
export function crossSiteReason(headers: HeaderSource): string | null {
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite && fetchSite !== 'same-origin') return `Sec-Fetch-Site is ${fetchSite}`
  const origin = headers.get('origin')
  if (origin === null) return null
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    return `Origin ${origin.slice(0, 100)} is not a URL`
  }
  return host && originHost === host ? null : `Origin ${origin.slice(0, 100)} is not this site`
}
