// Zod schemas for text people type that reaches Postgres: trimmed, bounded, and free of control
// characters (Postgres refuses NUL in text; the rest are never meant and break logs and CSV) and of
// lone UTF-16 surrogates (not encodable as UTF-8). Every schema of a name, label or reason uses these.
import { z } from 'zod'

const NO_CONTROL = /^[^\p{Cc}\p{Cs}]*$/u
/** Line breaks (browsers submit a textarea's as CRLF) and tabs are allowed in multi-line text; nothing else. */
const NO_CONTROL_EXCEPT_LINES = /^(?:[^\p{Cc}\p{Cs}]|[\n\r\t])*$/u

type TextOptions = { max: number; min?: number; what?: string }

const text =
  (allowed: RegExp) =>
  ({ max, min = 1, what = 'a value' }: TextOptions) =>
    z
      .string({ error: `expected ${what} (text)` })
      .trim()
      .min(min, min === 1 ? `enter ${what}` : `at least ${min} characters`)
      .max(max, `at most ${max} characters`)
      .regex(allowed, 'no control characters or broken unicode')

/** One line of text: a name, a label, a search term. */
export const singleLineText = text(NO_CONTROL)

/** Several lines: a reason, a description, an annotation. */
export const multiLineText = text(NO_CONTROL_EXCEPT_LINES)

/** True when a string can be stored as given (used where a schema is not: path segments, headers). */
export const isPlainText = (value: string) => NO_CONTROL.test(value)

/** A list page's free-text filter from its URL: trimmed, a blank one absent (add `.catch(undefined)`: a bad one is no filter). */
export const urlFilterText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined)
