// A mergeable latency histogram over span durations in microseconds, with DDSketch's logarithmic
// buckets (Masson, Rim, Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with
// Relative-Error Guarantees", VLDB 2019). Keys are bit-identical to `LogarithmicMapping(0.01)` in
// `@datadog/sketches-js` 2.1.1, so a histogram can be exported to a real DDSketch. Unlike DDSketch
// the bucket store never collapses: merges stay exact. Sum and max are kept by callers.

/** Promised bound on |quantile(q) − exact| / exact (DDSketch's relative accuracy α). */
export const MAX_RELATIVE_ERROR = 0.01

// γ = (1 + α) / (1 − α), written as 1 + 2α/(1 − α) and the multiplier 1/log₂γ computed in the same
// operation order as sketches-js (KeyMapping + LogarithmicMapping), so the floats match bit for bit.
const GAMMA_MANTISSA = (2 * MAX_RELATIVE_ERROR) / (1 - MAX_RELATIVE_ERROR)
const GAMMA = 1 + GAMMA_MANTISSA
const MULTIPLIER = (1 / Math.log1p(GAMMA_MANTISSA)) * Math.LN2
/** Values at or below this go to the zero bucket (sketches-js `minPossible`: 2^−1023·γ). */
const MIN_INDEXABLE_US = 2 ** -1023 * GAMMA
/** Larger values are rejected: their representative value would overflow (sketches-js `maxPossible`). */
const MAX_INDEXABLE_US = Number.MAX_VALUE / GAMMA

/**
 * Bucket key of a value > MIN_INDEXABLE_US: ceil(log_γ v). 1 µs → 0, 1 ms → 346, 10 s → 806.
 * `| 0` makes the −0 of values in (1/γ, 1) a 0, as sketches-js's `+ offset` does; keys fit in int32.
 */
export function bucketKey(valueUs: number): number {
  return Math.ceil(Math.log2(valueUs) * MULTIPLIER) | 0
}

/**
 * Representative value of a key: 2γ^key/(1 + γ), the point of (γ^(key−1), γ^key] within relative
 * error α = (γ − 1)/(γ + 1) of both ends.
 */
export function bucketValueUs(key: number): number {
  return Math.pow(2, key / MULTIPLIER) * (2 / (1 + GAMMA))
}

// Bounds on any key `add` can produce (about ±35,500); decoding rejects keys outside them.
const MIN_KEY = bucketKey(MIN_INDEXABLE_US)
const MAX_KEY = bucketKey(MAX_INDEXABLE_US)
const ENCODING_VERSION = 1

export type HistogramBucket = { key: number; count: number }

export class LatencyHistogram {
  private zeros = 0
  private total = 0
  /** counts[i] is the count of key `offset + i`; 0 means absent. Grows, never shrinks. */
  private counts = new Float64Array(0)
  private offset = 0
  /** Smallest and largest key with a count; minKey > maxKey while no bucket has one. */
  private minKey = MAX_KEY + 1
  private maxKey = MIN_KEY - 1

  /** Adds `count` spans of `valueUs`. Zero, negative (clock skew) and subnormal values count as 0. */
  add(valueUs: number, count = 1): void {
    if (!(Math.abs(valueUs) <= MAX_INDEXABLE_US))
      throw new RangeError(`Histogram value must be finite and ≤ ${MAX_INDEXABLE_US}, got ${valueUs}`)
    if (!(count >= 1 && Number.isSafeInteger(count))) throw new RangeError(`Histogram count must be a positive integer, got ${count}`)
    this.total += count
    if (valueUs > MIN_INDEXABLE_US) this.addToKey(bucketKey(valueUs), count)
    else this.zeros += count
  }

  /** Empties the histogram, keeping its storage: a scratch histogram merged into over and over allocates once. */
  clear(): void {
    if (this.minKey <= this.maxKey) this.counts.fill(0, this.minKey - this.offset, this.maxKey - this.offset + 1)
    this.zeros = 0
    this.total = 0
    this.minKey = MAX_KEY + 1
    this.maxKey = MIN_KEY - 1
  }

  /** Adds every count of `other` to this histogram; `other` is not changed. */
  merge(other: LatencyHistogram): void {
    if (other.minKey <= other.maxKey) {
      this.reserve(other.minKey, other.maxKey)
      const source = other.counts
      for (let i = other.minKey - other.offset, end = other.maxKey - other.offset; i <= end; i++) {
        const count = source[i]!
        if (count !== 0) this.counts[other.offset + i - this.offset]! += count
      }
      if (other.minKey < this.minKey) this.minKey = other.minKey
      if (other.maxKey > this.maxKey) this.maxKey = other.maxKey
    }
    this.zeros += other.zeros
    this.total += other.total
  }

  get count(): number {
    return this.total
  }

  /** Spans in the zero bucket (durations ≤ 0). */
  get zeroCount(): number {
    return this.zeros
  }

  /**
   * The value at rank floor(q·(count − 1)) in ascending order, as the representative value of its
   * bucket (0 in the zero bucket); null when empty. Rank as in DDSketch's `getValueAtQuantile`: it
   * picks an element that exists, so the bucket bound carries over to the quantile unchanged.
   * For integer durations below 8e12 µs the result is within MAX_RELATIVE_ERROR of the exact element.
   */
  quantile(q: number): number | null {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`Quantile must be within [0, 1], got ${q}`)
    if (this.total === 0) return null
    const rank = Math.floor(q * (this.total - 1))
    if (rank < this.zeros) return 0
    let seen = this.zeros
    for (let key = this.minKey; key < this.maxKey; key++) {
      seen += this.counts[key - this.offset]!
      if (seen > rank) return bucketValueUs(key)
    }
    return bucketValueUs(this.maxKey)
  }

  /** Non-empty buckets, keys ascending (the zero bucket is `zeroCount`). */
  buckets(): HistogramBucket[] {
    const buckets: HistogramBucket[] = []
    for (let key = this.minKey; key <= this.maxKey; key++) {
      const count = this.counts[key - this.offset]!
      if (count !== 0) buckets.push({ key, count })
    }
    return buckets
  }

  /**
   * Canonical bytes (equal histograms give equal bytes), every integer an LEB128 varint:
   *   version (1) · zeroCount · bucketCount · zigzag(firstKey) · count ( · keyDelta ≥ 1 · count )*
   * zigzag(k) = 2k for k ≥ 0 and −2k − 1 below (keys of values under 1 µs are negative).
   * Counts are ≥ 1; an empty histogram is 3 bytes, a bucket usually 2.
   */
  encode(): Uint8Array {
    let nonEmpty = 0
    for (let i = this.minKey - this.offset, end = this.maxKey - this.offset; i <= end; i++) if (this.counts[i] !== 0) nonEmpty++
    // A key delta or zigzag key is < 2^17 (keys lie within ±35,500): 3 bytes.
    const writer = new VarintWriter(1 + 2 * MAX_VARINT_BYTES + nonEmpty * (3 + MAX_VARINT_BYTES))
    writer.byte(ENCODING_VERSION)
    writer.unsigned(this.zeros)
    writer.unsigned(nonEmpty)
    let previousKey = NaN
    for (let key = this.minKey; key <= this.maxKey; key++) {
      const count = this.counts[key - this.offset]!
      if (count === 0) continue
      if (Number.isNaN(previousKey)) writer.unsigned(key >= 0 ? 2 * key : -2 * key - 1)
      else writer.unsigned(key - previousKey)
      writer.unsigned(count)
      previousKey = key
    }
    return writer.bytes()
  }

  /** Decodes `encode()` output; throws on anything else (truncated, trailing, overlong, out of range). */
  static decode(bytes: Uint8Array): LatencyHistogram {
    const histogram = new LatencyHistogram()
    histogram.addEncoded(bytes, new VarintReader(), 'Encoded histogram')
    return histogram
  }

  /** Sum of many encoded histograms, decoded straight into one accumulator. */
  static mergeEncoded(encodedList: Iterable<Uint8Array>): LatencyHistogram {
    const histogram = new LatencyHistogram()
    const reader = new VarintReader()
    let index = 0
    for (const bytes of encodedList) histogram.addEncoded(bytes, reader, `Encoded histogram #${index++}`)
    return histogram
  }

  /** Adds every count of an encoded histogram, decoded straight into this one. Throws as decode does, leaving this one partly merged. */
  mergeBytes(bytes: Uint8Array): void {
    this.addEncoded(bytes, new VarintReader(), 'Encoded histogram')
  }

  /** Leaves this histogram partly merged when it throws: callers discard it. */
  private addEncoded(bytes: Uint8Array, reader: VarintReader, label: string): void {
    reader.reset(bytes, label)
    const version = reader.unsigned()
    if (version !== ENCODING_VERSION) reader.fail(`unknown version ${version}`)
    const zeros = reader.unsigned()
    const bucketCount = reader.unsigned()
    // Each bucket takes ≥ 2 bytes: a larger claim is corrupt and must not drive the loop.
    if (bucketCount > (bytes.length - reader.position) / 2) reader.fail(`claims ${bucketCount} buckets in ${bytes.length} bytes`)
    let total = zeros
    let key = 0
    for (let n = 0; n < bucketCount; n++) {
      if (n === 0) {
        const zigzag = reader.unsigned()
        key = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2
        // Keys ascend strictly, so they span at least bucketCount keys: one allocation, usually.
        if (key >= MIN_KEY && key + bucketCount - 1 <= MAX_KEY) this.reserve(key, key + bucketCount - 1)
      } else {
        const delta = reader.unsigned()
        if (delta === 0) reader.fail('keys are not ascending')
        key += delta
      }
      if (key < MIN_KEY || key > MAX_KEY) reader.fail(`key ${key} is outside [${MIN_KEY}, ${MAX_KEY}]`)
      const count = reader.unsigned()
      if (count === 0) reader.fail(`bucket ${key} has count 0`)
      total += count
      this.addToKey(key, count)
    }
    if (reader.position !== bytes.length) reader.fail(`${bytes.length - reader.position} trailing bytes`)
    if (total > Number.MAX_SAFE_INTEGER) reader.fail('total count exceeds 2^53 − 1')
    this.zeros += zeros
    this.total += total
  }

  private addToKey(key: number, count: number): void {
    const index = key - this.offset
    if (index < 0 || index >= this.counts.length) this.reserve(key, key)
    this.counts[key - this.offset]! += count
    if (key < this.minKey) this.minKey = key
    if (key > this.maxKey) this.maxKey = key
  }

  /** Makes keys [low, high] addressable, growing by at least half again to keep adds amortized O(1). */
  private reserve(low: number, high: number): void {
    const length = this.counts.length
    const end = this.offset + length
    if (low >= this.offset && high < end) return
    const slack = Math.max(32, length >> 1)
    const newOffset = length === 0 || low < this.offset ? low - slack : this.offset
    const newEnd = length === 0 || high >= end ? high + 1 + slack : end
    const counts = new Float64Array(newEnd - newOffset)
    if (length > 0) counts.set(this.counts, this.offset - newOffset)
    this.counts = counts
    this.offset = newOffset
  }
}

export function histogramOf(valuesUs: Iterable<number>): LatencyHistogram {
  const histogram = new LatencyHistogram()
  for (const valueUs of valuesUs) histogram.add(valueUs)
  return histogram
}

export const decodeHistogram = (bytes: Uint8Array): LatencyHistogram => LatencyHistogram.decode(bytes)

export const mergeEncoded = (encodedList: Iterable<Uint8Array>): LatencyHistogram => LatencyHistogram.mergeEncoded(encodedList)

/** ceil(53 / 7): an unsigned LEB128 varint of a safe integer. */
const MAX_VARINT_BYTES = 8

class VarintWriter {
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

class VarintReader {
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
