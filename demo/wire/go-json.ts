// JSON text as Go's encoding/json writes it: like JSON.stringify, but '<', '>', '&', U+2028 and
// U+2029 are escaped as \u003c … (Go's default HTML-safe escaping). Safe to apply to the whole
// text because those characters can only occur inside strings.

const GO_ESCAPED = /[<>&\u2028\u2029]/g
const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** json.Marshal; with `indent`, json.MarshalIndent(value, "", indent). */
export function goJson(value: unknown, indent?: string): string {
  return JSON.stringify(value, null, indent).replace(GO_ESCAPED, escapeChar)
}
