// The Content-Security-Policy of every page, with this request's nonce. Next puts the nonce on its own
// scripts when it finds it in the request's policy (proxy.ts passes it on); 'strict-dynamic' lets
// those scripts load the chunks they need. Styles: recharts and React set `style` attributes, which a
// nonce cannot cover, so inline styles stay allowed (styles cannot run code). Pure.

export function contentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates source maps and error overlays with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** JSON answers are never documents to render: nothing may load from them or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** Two years, subdomains included: once a site is served over TLS it should never be asked for without. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains'

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}
