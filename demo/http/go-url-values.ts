// Query strings read the way Go's net/url does (ParseQuery): '&'-separated pairs, a pair with a ';'
// or a bad %-escape is dropped, '+' is a space, and Get returns the first value of a key.

export type UrlValues = { get(key: string): string; all(key: string): string[] }

/** url.QueryUnescape, or null if an escape is malformed. */
export function goQueryUnescape(text: string): string | null {
  const bytes: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = String.fromCodePoint(text.codePointAt(index)!)
    if (char.length === 2) index++
    if (char === '%') {
      const hex = text.slice(index + 1, index + 3)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null
      bytes.push(Number.parseInt(hex, 16))
      index += 2
    } else if (char === '+') {
      bytes.push(0x20)
    } else {
      bytes.push(...new TextEncoder().encode(char))
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

export function parseGoQuery(rawQuery: string): UrlValues {
  const values = new Map<string, string[]>()
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue
    const separator = pair.indexOf('=')
    const key = goQueryUnescape(separator < 0 ? pair : pair.slice(0, separator))
    const value = goQueryUnescape(separator < 0 ? '' : pair.slice(separator + 1))
    if (key === null || value === null) continue
    values.set(key, [...(values.get(key) ?? []), value])
  }
  return { get: (key) => values.get(key)?.[0] ?? '', all: (key) => values.get(key) ?? [] }
}
