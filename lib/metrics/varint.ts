// Unsigned LEB128 varints, the integers of the histogram encoding (histogram.ts): a writer into a
// buffer sized up front, and a strict reader that names the malformed input and why it is.

/** ceil(53 / 7): an unsigned LEB128 varint of a safe integer. */
export const MAX_VARINT_BYTES = 8

export class VarintWriter {
  private buffer: Uint8Array
  private position = 0

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity)
  }

  byte(value: number): void {
    this.buffer[this.position++] = value
  }

  /** Unsigned LEB128 of a safe integer (division, not bit operations, past 2^31). */
  unsigned(value: number): void {
    while (value >= 0x80) {
      this.buffer[this.position++] = (value % 0x80) | 0x80
      value = Math.floor(value / 0x80)
    }
    this.buffer[this.position++] = value
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.position)
  }
}

export class VarintReader {
  private buffer: Uint8Array = new Uint8Array(0)
  private label = ''
  position = 0

  reset(buffer: Uint8Array, label: string): void {
    this.buffer = buffer
    this.label = label
    this.position = 0
  }

  /** Unsigned LEB128, at most 8 bytes, minimal (no trailing 0x00 group), ≤ 2^53 − 1. */
  unsigned(): number {
    const first = this.position
    const head = this.buffer[first]
    if (head !== undefined && head < 0x80) {
      this.position = first + 1
      return head
    }
    let value = 0
    let scale = 1
    for (;;) {
      if (this.position >= this.buffer.length) this.fail('truncated')
      const byte = this.buffer[this.position++]!
      value += (byte & 0x7f) * scale
      if (byte < 0x80) {
        if (byte === 0 && this.position - first > 1) this.fail(`overlong varint at byte ${first}`)
        if (value > Number.MAX_SAFE_INTEGER) this.fail(`varint at byte ${first} exceeds 2^53 − 1`)
        return value
      }
      scale *= 0x80
      if (this.position - first >= MAX_VARINT_BYTES) this.fail(`varint at byte ${first} is longer than ${MAX_VARINT_BYTES} bytes`)
    }
  }

  fail(reason: string): never {
    throw new Error(`${this.label} is malformed: ${reason}`)
  }
}
