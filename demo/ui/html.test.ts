import { describe, expect, test } from 'vitest'
import { Html, escapeHtml, html } from './html'

describe('escapeHtml', () => {
  test.each([
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an attribute breakout, double quotes', '"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['an attribute breakout, single quotes', "' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['an ampersand, escaped first so entities in the input stay literal', '&lt; & &amp;', '&amp;lt; &amp; &amp;amp;'],
    ['plain text and non-ASCII, unchanged', 'GET /v1/cards/{cardId} — 38µs', 'GET /v1/cards/{cardId} — 38µs'],
  ])('%s', (_label, text, escaped) => expect(escapeHtml(text)).toBe(escaped))
})

describe('html templates', () => {
  test.each<[string, Html, string]>([
    ['a string is escaped', html`<p>${'<b>'}</p>`, '<p>&lt;b&gt;</p>'],
    ['a number is written as text', html`<td>${42}</td>`, '<td>42</td>'],
    ['nested Html is not escaped again', html`<ul>${html`<li>${'a&b'}</li>`}</ul>`, '<ul><li>a&amp;b</li></ul>'],
    ['an array is joined, each element escaped', html`${['<a>', html`<br>`, 1]}`, '&lt;a&gt;<br>1'],
    ['false, null and undefined render as nothing', html`[${false}${null}${undefined}]`, '[]'],
    ['an attribute value cannot be left', html`<a title="${'" onclick="x'}">`, '<a title="&quot; onclick=&quot;x">'],
  ])('%s', (_label, built, markup) => expect(built.markup).toBe(markup))
})
