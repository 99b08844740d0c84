// The demo Jaeger's HTML pages: one document shell and stylesheet, with the banner saying this is
// the demo's stand-in for the Jaeger UI, answered as a DemoResponse like every other route.
import type { DemoResponse } from '../http/demo-response'
import { Html, html } from './html'

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
main { padding: 0 24px 48px; }
.banner { background: #fff4d6; border-bottom: 1px solid #e6c96b; padding: 8px 24px; }
code, .mono { font-family: ui-monospace, monospace; font-size: 13px; }
.meta { color: #555; }
.waterfall { list-style: none; padding: 0; margin: 16px 0; border-top: 1px solid #ddd; }
.span { border-bottom: 1px solid #eee; scroll-margin-top: 40vh; }
.row { display: grid; grid-template-columns: minmax(320px, 2fr) 90px 3fr 90px; gap: 8px; align-items: center; padding: 3px 4px; }
.name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.service { color: #555; }
.offset, .duration { text-align: right; color: #555; }
.track { position: relative; height: 12px; background: #f3f3f3; }
.bar { position: absolute; top: 0; bottom: 0; min-width: 2px; background: #4a90d9; }
.span.error .bar { background: #d9534f; }
.error-mark { color: #c9302c; font-weight: 600; }
.span.found, .span:target { background: #fff3a8; outline: 2px solid #e0b400; }
details { padding: 0 4px 6px; }
details table { border-collapse: collapse; margin: 4px 0 0 16px; }
details td { padding: 1px 12px 1px 0; vertical-align: top; }
.warning { color: #8a6d00; }
`

/** A complete HTML document. `title` is text; it is escaped like everything else. */
export function htmlPage(status: number, title: string, content: Html): DemoResponse {
  const body = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<div class="banner">This is the <strong>demo Jaeger</strong>'s stand-in for the Jaeger UI: a server-rendered page over the simulated fleet, not Jaeger's own UI. <a href="/">Services</a></div>
<main>
${content}
</main>
</body>
</html>
`
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: body.markup }
}

/** An error page (unknown or malformed trace id): a heading, what went wrong, and the way back. */
export function messagePage(status: number, heading: string, message: Html): DemoResponse {
  return htmlPage(
    status,
    `Demo Jaeger — ${heading}`,
    html`<h1>${heading}</h1>
<p>${message}</p>
<p><a href="/">Open another trace</a></p>`,
  )
}
