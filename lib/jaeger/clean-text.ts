// Makes text from Jaeger storable in Postgres, once, where wire records become spans (and services
// are listed), so every key built on it downstream — rollup rows, service names, callers — is built on
// the text as stored.
//
// Two things cannot survive the trip as they are, and both become U+FFFD:
// - NUL (U+0000): Postgres text refuses it, so one such name would fail its window's commit forever.
// - lone UTF-16 surrogates (JSON "\ud800"): not encodable as UTF-8; the pg driver silently makes them
//   U+FFFD, so two names differing only there would collide on a rollup's primary key. Cleaning first
//   makes them one name (one row) instead. Valid pairs (emoji) are untouched.
// NUL is replaced rather than dropped so a cleaned name stays visibly cleaned and does not merge with
// a real name ("a\0b" is not "ab"). Every other character is kept, the other C0 controls included:
// Postgres stores them, and a name left as Jaeger has it can still be searched for in Jaeger (the
// sync's window search, the operation page's slow traces).

/** With the `u` flag a class of surrogates matches only lone ones: a valid pair is one code point. */
const UNSAFE = /[\0\uD800-\uDFFF]/u
const UNSAFE_ALL = /[\0\uD800-\uDFFF]/gu

/** `text` itself when it is already safe (nearly always: one regex test), else a cleaned copy. */
export function cleanText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, '\uFFFD') : text
}
