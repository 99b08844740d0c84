// Broken bodies for the truncate and corrupt faults. They work on characters, which are bytes for the
// ASCII JSON the API serves (the UTF-8 HTML pages are cut between characters, not mid-character);
// the server derives Content-Length from the result, so it always matches.
import type { DemoResponse } from '../http/demo-response'

/** The first half of the body: JSON that ends mid-value. */
export const truncateBody = (body: string): string => body.slice(0, Math.floor(body.length / 2))

/** Valid JSON that no Jaeger endpoint answers (each answers an object): the body inside an array. */
export function reshapeBody(body: string): string {
  try {
    JSON.parse(body)
    return `[${body}]`
  } catch {
    return JSON.stringify([body])
  }
}

/** Bit 0 flipped at the first, middle and last byte; the first ('{' → 'z', '[' → 'Z') breaks any JSON. */
export function flipBytes(body: string): string {
  const chars = [...body]
  for (const index of new Set([0, Math.floor(chars.length / 2), chars.length - 1])) {
    if (index >= 0) chars[index] = String.fromCharCode(chars[index]!.charCodeAt(0) ^ 0x01)
  }
  return chars.join('')
}

/** Corrupt first, then truncate, when both are on. */
export function damageBody(
  response: DemoResponse,
  { corrupt, truncate }: { corrupt?: 'shape' | 'bytes'; truncate: boolean },
): DemoResponse {
  let body = response.body
  if (corrupt === 'shape') body = reshapeBody(body)
  if (corrupt === 'bytes') body = flipBytes(body)
  if (truncate) body = truncateBody(body)
  return body === response.body ? response : { ...response, body }
}
