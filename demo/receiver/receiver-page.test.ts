import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { alertmanagerWebhookSchema, ZERO_TIME, type AlertmanagerWebhook } from '@/lib/alerts/notify/alertmanager-payload'
import { REFRESH_SECONDS, renderReceiverPage } from './receiver-page'
import type { ReceivedNotification } from './schemas'

const SAMPLES = path.resolve(import.meta.dirname, '../../fixtures/formats/alertmanager-webhook')
const sample = (file: string) => alertmanagerWebhookSchema.parse(JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')))

const received = (id: number, payload: AlertmanagerWebhook): ReceivedNotification => ({
  id,
  receivedAt: new Date(Date.parse('2026-12-06T12:00:00Z') + id * 1000).toISOString(),
  payload,
})
const page = (...notifications: ReceivedNotification[]) =>
  renderReceiverPage({ received: notifications.length, notifications }, { capacity: 500 })

/** A notification whose every field tries to break out of the markup. */
const HOSTILE: AlertmanagerWebhook = {
  receiver: '<script>alert("receiver")</script>',
  status: 'firing',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: '<img src=x onerror=alert(1)>', service: '"><b>bold</b>' },
      annotations: { summary: "</td></tr><script>alert('summary')</script>" },
      startsAt: '2026-12-06T12:00:00Z',
      endsAt: ZERO_TIME,
      generatorURL: 'javascript:alert(document.cookie)',
    },
    {
      labels: { alertname: 'Quoted' },
      annotations: {},
      startsAt: '2026-12-06T12:00:00Z',
      endsAt: ZERO_TIME,
      generatorURL: 'http://spanlens.example/alerts?a="><script>x</script>',
    },
  ],
  externalURL: 'http://spanlens.example',
  version: '4',
  groupKey: '{}/{}:{alertname="<i>"}',
}

describe('renderReceiverPage', () => {
  test('says when nothing was received yet', () => {
    expect(page()).toContain('Nothing received yet')
    expect(page()).toContain('<title>Demo receiver: 0 notifications</title>')
  })

  test('lists notifications in the order given (the store gives newest first), with their status, receiver and group key', () => {
    const markup = page(received(2, sample('with_common_items.json')), received(1, sample('alert.json')))
    const resolved = markup.indexOf('<strong>echo</strong>')
    const firing = markup.indexOf('<strong>ops-zulip</strong>')
    expect(resolved).toBeGreaterThan(0)
    expect(firing).toBeGreaterThan(resolved)
    expect(markup).toContain('<span class="badge resolved">resolved</span> <strong>echo</strong>')
    expect(markup).toContain('<span class="badge firing">firing</span> <strong>ops-zulip</strong>')
    expect(markup).toContain('group key <code>{}/{alertname=&quot;CPUThrottlingHigh&quot;}:{}</code>')
    expect(markup).toContain('#2 · received <time datetime="2026-12-06T12:00:02.000Z">')
  })

  test("shows each alert's name, labels, summary, start, end and source link (alert.json)", () => {
    const markup = page(received(1, sample('alert.json')))
    expect(markup).toContain('<td><strong>High CPU Temperature</strong></td>')
    expect(markup).toContain('<span class="chip mono">host=andromeda</span><span class="chip mono">severity=critical</span>')
    expect(markup).not.toContain('alertname=')
    expect(markup).toContain('<td>High CPU core temperature</td>')
    expect(markup).toContain('<td class="mono">2020-02-06T00:17:58.432911368Z</td>')
    expect(markup).toContain('— (firing)') // Go's zero time: not resolved
    // The real generatorURL carries & and %-escapes: the href is that URL, & written as &amp;.
    expect(markup).toContain(
      '<a href="http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&amp;g0.tab=1"',
    )
    expect(markup).toContain('rel="noreferrer">http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensor…</a>') // cut short
  })

  test('a resolved alert shows when it ended; an address that is not a URL stays text (all_ok_multiple.json)', () => {
    const markup = page(received(1, sample('all_ok_multiple.json')))
    expect(markup).toContain('<td class="mono">2017-05-09T07:08:37.818Z</td>')
    expect(markup).toContain('<td class="link mono">my.prometheusserver.url</td>')
    expect(markup).toContain('group key <code>(none sent)</code>')
  })

  test('an alert without a status (older senders: prom_post_request.json) shows a dash, the notification its status', () => {
    const markup = page(received(1, sample('prom_post_request.json')))
    expect(markup).toContain('<td><span class="meta">—</span></td>\n<td><strong>high_memory_load</strong></td>')
    expect(markup).toContain('<span class="badge firing">firing</span> <strong>teams_proxy</strong>')
  })

  test('says how many alerts Alertmanager left out', () => {
    expect(page(received(1, { ...sample('alert.json'), truncatedAlerts: 3 }))).toContain('2 alerts (3 more left out)')
  })

  test('escapes every value from a notification, and links only http(s) addresses', () => {
    const markup = page(received(1, HOSTILE))
    expect(markup).not.toMatch(/<script|<img|<b>|<i>|javascript:[^<]*<\/a>/)
    expect(markup).toContain('&lt;script&gt;alert(&quot;receiver&quot;)&lt;/script&gt;')
    expect(markup).toContain('<span class="chip mono">service=&quot;&gt;&lt;b&gt;bold&lt;/b&gt;</span>')
    expect(markup).toContain('<td class="link mono">javascript:alert(document.cookie)</td>')
    const hostileUrl = 'http://spanlens.example/alerts?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;'
    expect(markup).toContain(`<a href="${hostileUrl}" title="${hostileUrl}" rel="noreferrer">`)
  })

  test('is self-contained: no script, no outside asset; light and dark; refreshes itself', () => {
    const markup = page(received(1, sample('alert.json')))
    expect(markup).not.toMatch(/<script|<link|<img|src=|@import|url\(/i)
    expect(markup).toContain(`<meta http-equiv="refresh" content="${REFRESH_SECONDS}">`)
    expect(markup).toContain('color-scheme: light dark')
    expect(markup).toContain('@media (prefers-color-scheme: dark)')
  })
})
