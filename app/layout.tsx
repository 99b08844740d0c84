import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { Providers } from '@/components/shell/providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Spanlens', template: '%s · Spanlens' },
  description: 'Tracing rollout, latency baselines and SLOs over Jaeger',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  )
}
