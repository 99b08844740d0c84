import { describe, expect, test } from 'vitest'
import { indexServiceNames, matchServiceNames } from './service-names'

const index = indexServiceNames(['api-service', 'auth-service', 'Checkout', 'fraud-detection'])

describe('matchServiceNames', () => {
  test.each([
    ['PagerDuty’s display name', ['API Service'], ['api-service'], []],
    ['another case', ['AUTH-SERVICE'], ['auth-service'], []],
    ['the inventory’s own casing wins', ['checkout'], ['Checkout'], []],
    ['underscores', ['fraud_detection'], ['fraud-detection'], []],
    [
      'unknown names are kept as given and listed',
      ['Billing Service', 'api-service'],
      ['Billing Service', 'api-service'],
      ['Billing Service'],
    ],
    ['two spellings of one service count once', ['API Service', 'api-service'], ['api-service'], []],
    ['nothing', [], [], []],
  ])('%s', (_label, given, services, unmatched) => {
    expect(matchServiceNames(given, index)).toEqual({ services, unmatched })
  })
})
