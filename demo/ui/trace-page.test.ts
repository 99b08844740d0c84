// The simulator never names a span with markup, so escaping on the trace page is tested here, on a
// hand-built trace, rather than over HTTP.
import { describe, expect, test } from 'vitest'
import { fleetIndex } from '../simulator/fleet-index'
import { RESOURCES } from '../simulator/resources'
import type { SimSpan, SimTrace } from '../simulator/simulated-trace'
import { renderTracePage } from './trace-page'

const gateway = RESOURCES[fleetIndex('payment-gateway')]![0]!
const HOSTILE = '<script>alert(1)</script>'
const span = (spanId: string, parentSpanId: string, name: string): SimSpan => ({
  spanId,
  parentSpanId,
  resource: gateway,
  scope: { name: 's', version: '1' },
  name,
  kind: 2,
  startUs: 1_000,
  durationUs: 500,
  statusCode: 2,
  statusMessage: HOSTILE,
  attributes: [{ key: '"><img src=x onerror=alert(2)>', type: 'string', value: HOSTILE }],
  events: [{ timeUs: 1_100, name: HOSTILE, attributes: [{ key: 'k', type: 'string', value: HOSTILE }] }],
})
const trace: SimTrace = {
  traceId: 'd'.padEnd(32, '0'),
  minute: 0,
  slot: 0,
  startUs: 1_000,
  visibleFromUs: 0,
  spans: [span('00000000000000aa', '', HOSTILE), span('00000000000000bb', '00000000000000aa', 'child')],
}

describe('renderTracePage escapes everything that comes from data', () => {
  const page = renderTracePage(trace, `00000000000000bb ${HOSTILE}`).body

  test.each([
    ['span name', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['attribute key', '&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'],
    ['uiFind echoed back', `uiFind <code>00000000000000bb &lt;script&gt;alert(1)&lt;/script&gt;</code>`],
  ])('%s', (_label, escaped) => expect(page).toContain(escaped))

  test('no markup from data survives: the one script is the scroll to the uiFind span', () => {
    expect(page).not.toContain('alert(1)</script>')
    expect(page).not.toContain('<img')
    expect(page.match(/<script>/g)).toEqual(['<script>'])
    expect(page).toContain('document.getElementById("span-00000000000000bb")')
  })
})
