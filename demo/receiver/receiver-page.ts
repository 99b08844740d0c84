// GET / of the demo receiver: what it was sent, newest first, as one self-contained page (no script,
// no outside asset; light and dark follow the system). Every value from a notification is escaped, and
// only an http(s) generatorURL becomes a link.
import { ZERO_TIME, type AlertmanagerAlert } from '@/lib/alerts/notify/alertmanager-payload'
import { Html, html } from '../ui/html'
import type { NotificationsResponse, ReceivedNotification } from './schemas'

/** The page reloads itself this often (a meta refresh: no script needed). */
export const REFRESH_SECONDS = 5
/** A longer generatorURL is shown cut short (PromQL in a query string runs to hundreds of characters). */
const LINK_TEXT_CHARS = 60

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d1d1f; --muted: #5b5e66; --border: #d8dae0; --card: #f6f7f9;
  --link: #0b57d0; --firing-bg: #fde3e2; --firing-fg: #9b1c1f; --resolved-bg: #ddf3e4; --resolved-fg: #1b6334; --chip: #eceef2; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #131417; --fg: #e6e7ea; --muted: #a3a7b0; --border: #34373f; --card: #1c1e23;
    --link: #8ab4f8; --firing-bg: #4d1719; --firing-fg: #ffb4b0; --resolved-bg: #143a23; --resolved-fg: #9fe0b4; --chip: #2a2d34; }
}
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; background: var(--bg); color: var(--fg); }
header.page, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; }
a { color: var(--link); }
code, .mono { font-family: ui-monospace, monospace; font-size: 12.5px; }
.meta { color: var(--muted); }
.empty { padding: 24px; border: 1px dashed var(--border); border-radius: 8px; color: var(--muted); }
article { border: 1px solid var(--border); border-radius: 8px; background: var(--card); margin: 16px 0; padding: 12px 16px; }
article > p { margin: 0 0 8px; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-weight: 600; font-size: 12px; }
.firing { background: var(--firing-bg); color: var(--firing-fg); }
.resolved { background: var(--resolved-bg); color: var(--resolved-fg); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px 4px 0; border-top: 1px solid var(--border); }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
.chip { display: inline-block; background: var(--chip); border-radius: 4px; padding: 0 6px; margin: 0 4px 2px 0; }
.link { overflow-wrap: anywhere; }
`

export function renderReceiverPage({ received, notifications }: NotificationsResponse, { capacity }: { capacity: number }): string {
  const list = notifications.length
    ? notifications.map(renderNotification)
    : html`<p class="empty">Nothing received yet. Spanlens posts here when an alert of a rule with the channel
<code>demo-receiver</code> fires or resolves (after the channel's group wait).</p>`
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Demo receiver: ${received} ${received === 1 ? 'notification' : 'notifications'}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header class="page">
<h1>Demo notification receiver</h1>
<p class="meta">An Alertmanager webhook receiver (<code>POST /alerts</code>, webhook version 4), started by the Spanlens demo:
what Spanlens sent it, newest first. ${received} received; the last ${capacity} are kept, in memory only.
This page refreshes every ${REFRESH_SECONDS} s; the same list as JSON: <a href="/api/notifications">/api/notifications</a>.</p>
</header>
<main>
${list}
</main>
</body>
</html>
`.markup
}

function renderNotification({ id, receivedAt, payload }: ReceivedNotification): Html {
  const truncated = payload.truncatedAlerts ? html` (${payload.truncatedAlerts} more left out)` : null
  return html`<article aria-labelledby="notification-${id}">
<p id="notification-${id}">${statusBadge(payload.status)} <strong>${payload.receiver}</strong>
<span class="meta">· #${id} · received <time datetime="${receivedAt}">${receivedAt}</time>
· ${payload.alerts.length} ${payload.alerts.length === 1 ? 'alert' : 'alerts'}${truncated}</span></p>
<p class="meta">group key <code>${payload.groupKey ?? '(none sent)'}</code></p>
<table>
<thead><tr><th>status</th><th>alertname</th><th>labels</th><th>summary</th><th>starts</th><th>ends</th><th>source</th></tr></thead>
<tbody>
${payload.alerts.map(renderAlert)}
</tbody>
</table>
</article>
`
}

function renderAlert(alert: AlertmanagerAlert): Html {
  const labels = Object.entries(alert.labels)
    .filter(([name]) => name !== 'alertname')
    .sort(([a], [b]) => a.localeCompare(b))
  return html`<tr>
<td>${alert.status ? statusBadge(alert.status) : html`<span class="meta">—</span>`}</td>
<td><strong>${alert.labels.alertname ?? '—'}</strong></td>
<td>${labels.map(([name, value]) => html`<span class="chip mono">${name}=${value}</span>`)}</td>
<td>${alert.annotations.summary ?? html`<span class="meta">—</span>`}</td>
<td class="mono">${alert.startsAt}</td>
<td class="mono">${alert.endsAt === ZERO_TIME ? html`<span class="meta">— (firing)</span>` : alert.endsAt}</td>
<td class="link mono">${generatorLink(alert.generatorURL)}</td>
</tr>
`
}

const statusBadge = (status: 'firing' | 'resolved') => html`<span class="badge ${status}">${status}</span>`

/** A link only to an http(s) address: a `javascript:` URL in a notification must not become one. */
function generatorLink(url: string | undefined): Html | string {
  if (!url) return html`<span class="meta">—</span>`
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    return url
  }
  if (protocol !== 'http:' && protocol !== 'https:') return url
  const shown = url.length > LINK_TEXT_CHARS ? `${url.slice(0, LINK_TEXT_CHARS - 1)}…` : url
  return html`<a href="${url}" title="${url}" rel="noreferrer">${shown}</a>`
}
