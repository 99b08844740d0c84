// Cuts text to a receiver's length limit without breaking a character: never inside a surrogate pair
// or a grapheme cluster (an emoji with its skin tone, a keycap "1️⃣", a flag). Length is counted in
// UTF-16 code units (String.length), which is never less than the count in code points, so the result
// fits a limit counted either way (Slack's and PagerDuty's docs say "characters" without saying which).

export const ELLIPSIS = '…'

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** `text` when it fits, else the longest run of whole graphemes that fits with "…" after it. */
export function truncateText(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`expected a length of at least 1, got ${maxLength}`)
  if (text.length <= maxLength) return text
  const budget = maxLength - ELLIPSIS.length
  let end = 0
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > budget) break
    end = index + segment.length
  }
  return text.slice(0, end) + ELLIPSIS
}

/**
 * The longest prefix of `raw` (in whole graphemes, "…" added when cut) whose rendering fits
 * `maxLength`: for text that grows when escaped (Slack's &amp;), so an escape is never cut in half.
 */
export function fitRendered(raw: string, maxLength: number, render: (text: string) => string): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`expected a length of at least 1, got ${maxLength}`)
  const whole = render(raw)
  if (whole.length <= maxLength) return whole
  const ends = [0]
  for (const { segment, index } of segmenter.segment(raw)) ends.push(index + segment.length)
  let low = 0 // ends[low] fits (an empty prefix plus "…" always does for maxLength ≥ 1)
  let high = ends.length - 1 // ends[high] does not
  while (high - low > 1) {
    const middle = (low + high) >> 1
    if (render(raw.slice(0, ends[middle])).length + ELLIPSIS.length <= maxLength) low = middle
    else high = middle
  }
  return render(raw.slice(0, ends[low])) + ELLIPSIS
}
