import type { Metadata } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { Providers } from '@/components/shell/providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Spanlens', template: '%s · Spanlens' },
  description: 'Tracing rollout, latency baselines and SLOs over Jaeger',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts made for this request: the theme's inline script needs it. Reading a header
  // renders every page per request, which a nonce requires anyway (a prerendered page has none).
  const nonce = (await headers()).get('x-nonce') ?? undefined
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  )
}
