import { CloudOff, ExternalLink, SearchX } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { SpanWaterfall } from '@/components/traces/span-waterfall'
import { TraceHeader } from '@/components/traces/trace-header'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { requirePermission } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { UnavailableError } from '@/lib/errors'
import { askJaeger } from '@/lib/jaeger/page-client'
import { operationNameParam, serviceNameParam } from '@/lib/latency/schemas'
import { spanIdParam, traceIdParam } from '@/lib/traces/schemas'

type Props = { params: Promise<{ traceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Trace ${(await params).traceId.slice(0, 16)}` }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** One trace, opened live from Jaeger: the page's one live call. Jaeger down or the trace gone is said plainly. */
export default async function TracePage({ params, searchParams }: Props) {
  await requirePermission('dashboard.read')
  const traceId = traceIdParam.safeParse((await params).traceId)
  if (!traceId.success) notFound()
  const query = await searchParams
  const span = spanIdParam.safeParse(first(query.span))
  const service = serviceNameParam.safeParse(first(query.service))
  const operation = operationNameParam.safeParse(first(query.operation))
  const jaegerUiUrl = env().JAEGER_UI_URL.replace(/\/+$/, '')
  const jaegerLink = `${jaegerUiUrl}/trace/${traceId.data}${span.success ? `?uiFind=${span.data}` : ''}`
  const back =
    service.success && operation.success
      ? {
          href: `/services/${encodeURIComponent(service.data)}/${encodeURIComponent(operation.data)}`,
          label: `${service.data} · ${operation.data}`,
        }
      : { href: '/services', label: 'Services' }
  const backLink = (
    <Link href={back.href} className="hover:text-accent hover:underline">
      ← {back.label}
    </Link>
  )

  let lookup
  try {
    lookup = await askJaeger((jaeger) => jaeger.getTrace(traceId.data))
  } catch (error) {
    if (!(error instanceof UnavailableError)) throw error
    return (
      <>
        <PageHeader title={`Trace ${traceId.data}`} description={backLink} />
        <PageBody>
          <EmptyState
            icon={CloudOff}
            title="Jaeger is not answering"
            action={
              <a href={jaegerLink} target="_blank" rel="noreferrer" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Try it in the Jaeger UI <ExternalLink className="size-3.5" aria-hidden />
              </a>
            }
          >
            Spanlens opens traces live from Jaeger, and Jaeger did not answer ({error.message}). The latency pages still work: they read the
            summary store.
          </EmptyState>
        </PageBody>
      </>
    )
  }
  if (!lookup) {
    return (
      <>
        <PageHeader title={`Trace ${traceId.data}`} description={backLink} />
        <PageBody>
          <EmptyState icon={SearchX} title="Jaeger has no such trace">
            It may have aged out of Jaeger&apos;s storage retention, or the id is mistyped. Summaries in Spanlens outlive the raw traces.
          </EmptyState>
        </PageBody>
      </>
    )
  }
  const { trace, rejected } = lookup
  const root = trace.spans.find((candidate) => candidate.parentSpanId === null)
  return (
    <>
      <PageHeader title={root ? `${root.service}: ${root.operation}` : `Trace ${traceId.data.slice(0, 16)}`} description={backLink} />
      <PageBody>
        <TraceHeader trace={trace} jaegerUiUrl={jaegerUiUrl} />
        {rejected.length > 0 && (
          <p role="status" className="rounded-md bg-warn-soft px-3 py-2 text-xs text-warn">
            {rejected.length} span{rejected.length === 1 ? '' : 's'} of this trace could not be read and{' '}
            {rejected.length === 1 ? 'is' : 'are'} left out: {rejected[0]!.message}
          </p>
        )}
        <SpanWaterfall trace={trace} highlightSpanId={span.success ? span.data : undefined} jaegerUiUrl={jaegerUiUrl} />
      </PageBody>
    </>
  )
}
