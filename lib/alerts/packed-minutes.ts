// One operation series' rollup rows as samples-repository.ts reads them: packed by Postgres into one
// bytea per series and segment, so a pass receives ~900 values instead of ~55,000 rows of seven (whose
// parsing, and the garbage collection of what it left behind, were most of a pass).
//
//   per row, in any order:  float8 bucket start (epoch ms) · int4 spans · int4 errors · int4 n · n bytes of histogram
//   big-endian, as Postgres' float8send and int4send write them
import type { OperationMinute } from './rule-values'

const HEADER_BYTES = 8 + 4 + 4 + 4

/** The rows of one packed series, in the order packed; each histogram a view into `bytes`. Throws on a truncated row. */
export function unpackMinutes(bytes: Uint8Array, into: OperationMinute[] = []): OperationMinute[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 0
  while (offset < bytes.length) {
    if (offset + HEADER_BYTES > bytes.length) throw new Error(`packed minutes: a row header is cut short at byte ${offset}`)
    const bucketStartMs = view.getFloat64(offset)
    const spans = view.getInt32(offset + 8)
    const errors = view.getInt32(offset + 12)
    const histogramBytes = view.getInt32(offset + 16)
    offset += HEADER_BYTES
    if (histogramBytes < 0 || offset + histogramBytes > bytes.length)
      throw new Error(`packed minutes: a histogram of ${histogramBytes} bytes runs past the end at byte ${offset}`)
    into.push({ bucketStartMs, spans, errors, histogram: bytes.subarray(offset, offset + histogramBytes) })
    offset += histogramBytes
  }
  return into
}
