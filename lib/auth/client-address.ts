// The client address a sign-in is counted against. Pure.
// Next's server fills X-Forwarded-For with the socket's address only when the request has none, and
// reverse proxies (nginx `$proxy_add_x_forwarded_for`, cloud load balancers) append the address they
// saw: so the entry `hops` from the right is the one written by something we trust. Anything left of
// it was written by the client and may be forged.

/** The `hops`-th entry from the right of X-Forwarded-For (1 = the last), or 'unknown'. */
export function computeClientAddress(forwardedFor: string | string[] | null | undefined, hops: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const entry = entries[entries.length - hops] ?? entries[0]
  // Keep the key short and printable whatever the header held.
  return entry && /^[0-9a-fA-F.:[\]%a-zA-Z-]{1,64}$/.test(entry) ? entry.replace(/^::ffff:/, '') : 'unknown'
}
