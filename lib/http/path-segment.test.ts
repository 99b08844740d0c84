import { expect, test } from 'vitest'
import { decodePathSegment } from './path-segment'

test.each([
  ['an encoded operation name', 'GET%20%2Ftransactions', 'GET /transactions'],
  ['a plain service name', 'transactions-service', 'transactions-service'],
  ['not valid percent-encoding: kept as it came', '100%', '100%'],
  ['unicode', 'caf%C3%A9', 'café'],
])('%s', (_label, raw, decoded) => expect(decodePathSegment(raw)).toBe(decoded))
