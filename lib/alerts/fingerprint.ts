// An alert's identity: a hash of its label set that does not depend on key order, shaped like
// Prometheus' labels.Hash (sorted name 0xff value 0xff, over UTF-8 bytes) but with FNV-1a 64 in
// place of xxhash, so values differ from Prometheus' own fingerprints.
import type { Labels } from './schemas'

// FNV-1a 64 (Fowler–Noll–Vo, draft-eastlake-fnv): offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3.
// Kept in four 16-bit limbs so every product is a small exact integer and no BigInt is allocated per byte:
// this runs per series per rule at every evaluation.
const OFFSET = [0x2325, 0x8422, 0x9ce4, 0xcbf2] // low limb first
const PRIME_LOW = 0x1b3
// Never part of valid UTF-8, so no name or value can contain it: "a"="bc" and "ab"="c" hash different bytes.
const SEPARATOR = 0xff

// The bytes being hashed; reused across calls (it never escapes one), grown when a label set needs more.
let scratch = new Uint8Array(256)

/** Writes `text` as UTF-8 at `offset` (a lone surrogate as U+FFFD, as TextEncoder does); returns the end. */
function writeUtf8(text: string, offset: number): number {
  if (scratch.length < offset + text.length * 3 + 1) {
    const grown = new Uint8Array(Math.max(scratch.length * 2, offset + text.length * 3 + 1))
    grown.set(scratch)
    scratch = grown
  }
  let end = offset
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code < 0x80) {
      scratch[end++] = code
      continue
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1)
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)
        i++
      } else code = 0xfffd
    }
    if (code < 0x800) {
      scratch[end++] = 0xc0 | (code >> 6)
    } else if (code < 0x10000) {
      scratch[end++] = 0xe0 | (code >> 12)
      scratch[end++] = 0x80 | ((code >> 6) & 0x3f)
    } else {
      scratch[end++] = 0xf0 | (code >> 18)
      scratch[end++] = 0x80 | ((code >> 12) & 0x3f)
      scratch[end++] = 0x80 | ((code >> 6) & 0x3f)
    }
    scratch[end++] = 0x80 | (code & 0x3f)
  }
  return end
}

const hex16 = (limb: number) => limb.toString(16).padStart(4, '0')

/** 16 lower-case hex characters; equal label sets (in any key order) give equal fingerprints. */
export function fingerprintOf(labels: Labels): string {
  let length = 0
  // Label names are ASCII (LABEL_NAME), so sort()'s UTF-16 order is Prometheus' byte order.
  for (const name of Object.keys(labels).sort()) {
    length = writeUtf8(name, length)
    scratch[length++] = SEPARATOR
    length = writeUtf8(labels[name]!, length)
    scratch[length++] = SEPARATOR
  }
  let [l0, l1, l2, l3] = OFFSET as [number, number, number, number]
  for (let i = 0; i < length; i++) {
    l0 ^= scratch[i]!
    // × (2^40 + 0x1b3) mod 2^64: each limb × 0x1b3, plus the two low limbs shifted up 40 bits, with carries.
    const t0 = l0 * PRIME_LOW
    const t1 = l1 * PRIME_LOW + (t0 >>> 16)
    const t2 = l2 * PRIME_LOW + (l0 << 8) + (t1 >>> 16)
    const t3 = l3 * PRIME_LOW + (l1 << 8) + (t2 >>> 16)
    l0 = t0 & 0xffff
    l1 = t1 & 0xffff
    l2 = t2 & 0xffff
    l3 = t3 & 0xffff
  }
  return hex16(l3) + hex16(l2) + hex16(l1) + hex16(l0)
}
