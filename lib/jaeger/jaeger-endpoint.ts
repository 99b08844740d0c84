// JAEGER_URL may carry credentials for a Jaeger behind basic auth. fetch refuses such URLs: requests
// go to the bare base URL with an Authorization header, and only the redacted form is ever shown.
import { basicAuthorizationOf, redactUrl, withoutCredentials } from '@/lib/url/credentials'

export type JaegerEndpoint = { baseUrl: string; authorization: string | null; display: string }

export function jaegerEndpoint(url: string): JaegerEndpoint {
  return { baseUrl: withoutCredentials(url).replace(/\/+$/, ''), authorization: basicAuthorizationOf(url), display: redactUrl(url) }
}
