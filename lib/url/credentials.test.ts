import { describe, expect, test } from 'vitest'
import { basicAuthorizationOf, redactUrl, withoutCredentials } from './credentials'

describe('redactUrl', () => {
  test.each([
    ['user and password', 'http://u:p@host/x', 'http://***@host/x'],
    ['a token as user name', 'http://tok3n@host/', 'http://***@host/'],
    ['none: unchanged', 'http://host:1', 'http://host:1'],
    ['junk is hidden whole', 'not a url', '(unparseable URL)'],
  ])('%s', (_label, url, expected) => expect(redactUrl(url)).toBe(expected))
})

test('withoutCredentials', () => {
  expect(withoutCredentials('https://a:b@h.example/ui')).toBe('https://h.example/ui')
  expect(withoutCredentials('http://127.0.0.1:16686')).toBe('http://127.0.0.1:16686')
})

test('basicAuthorizationOf decodes percent-encoded credentials', () => {
  expect(basicAuthorizationOf('https://reader:s3cr%40t@jaeger.example.com')).toBe(
    `Basic ${Buffer.from('reader:s3cr@t').toString('base64')}`,
  )
  expect(basicAuthorizationOf('https://jaeger.example.com')).toBeNull()
})
