// A mergeable latency histogram over span durations in microseconds, on DDSketch's logarithmic
// buckets (bucket-mapping.ts). Unlike DDSketch the bucket store never collapses: merges stay exact.
// Sum and max are kept by callers. Encoded as varints (varint.ts) in the format `encode` documents.
import { bucketKey, bucketValueUs, MAX_INDEXABLE_US, MAX_KEY, MIN_INDEXABLE_US, MIN_KEY } from './bucket-mapping'
import { MAX_VARINT_BYTES, VarintReader, VarintWriter } from './varint'

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
