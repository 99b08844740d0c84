import { expect, test } from 'vitest'
import { jaegerEndpoint } from './jaeger-endpoint'

test('credentials become a Basic Authorization header and leave the URL', () => {
  const endpoint = jaegerEndpoint('https://reader:s3cr%40t@jaeger.example.com:16686/')
  expect(endpoint.baseUrl).toBe('https://jaeger.example.com:16686')
  expect(endpoint.authorization).toBe(`Basic ${Buffer.from('reader:s3cr@t').toString('base64')}`)
  expect(endpoint.display).toBe('https://***@jaeger.example.com:16686/')
})

test('a URL without credentials is used as it is', () => {
  expect(jaegerEndpoint('http://127.0.0.1:16686/')).toEqual({
    baseUrl: 'http://127.0.0.1:16686',
    authorization: null,
    display: 'http://127.0.0.1:16686/',
  })
})
