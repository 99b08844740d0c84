import { expect, test } from 'vitest'
import { formatAuditDetails } from './format-details'

test.each([
  ['a role change', { email: 'sam@example.com', from: 'engineer', to: 'manager' }, 'email: sam@example.com · from: engineer · to: manager'],
  ['numbers and nested values keep their JSON form', { services: 23, tags: ['a'] }, 'services: 23 · tags: ["a"]'],
  ['no details', {}, ''],
  ['not an object', 'plain', '"plain"'],
])('%s', (_label, details, text) => expect(formatAuditDetails(details)).toBe(text))
