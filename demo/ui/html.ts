// HTML from tagged templates: every interpolated value is escaped unless it is Html built here, so a
// string from trace data (span names, attribute values, ids from the URL) can never open a tag.

/** Markup safe to embed: built by `html`, or a constant of this code's own (a stylesheet, a script). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe in text and in quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!)

/** null, undefined and booleans render as nothing, so `${flag && html`…`}` works; arrays are joined. */
function renderValue(value: HtmlValue): string {
  if (value instanceof Html) return value.markup
  if (Array.isArray(value)) return value.map(renderValue).join('')
  if (value === null || value === undefined || typeof value === 'boolean') return ''
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((markup, literal, index) => markup + renderValue(values[index - 1]) + literal))
}
