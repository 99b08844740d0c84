// API tokens (DESIGN.md: a scoped, revocable secret for machine posts), pure: how a token looks, how it
// is stored (only its SHA-256), what it may do, and how it arrives (`Authorization: Bearer spl_…`).
import crypto from 'node:crypto'
import { z } from 'zod'
import { singleLineText } from '@/lib/text/plain-text'

/** What a token may do; a route names the one scope it accepts (lib/http/define-route.ts). */
export const API_TOKEN_SCOPES = [
  'overhead.write',
  'incidents.write',
  'inventory.write',
  'alerts.write',
  'slos.write',
  'deployments.write',
  'verdicts.read',
] as const
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES)
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = {
  'overhead.write': 'Post overhead measurements',
  'incidents.write': 'Post incidents',
  'inventory.write': 'Change the service inventory',
  'alerts.write': 'Import, create, replace and delete alert rules (rules kept in git)',
  'slos.write': 'Import, create, replace and delete SLOs and their corrections (OpenSLO kept in git)',
  'deployments.write': 'Post deployments (CI: service, version, time, link)',
  'verdicts.read': 'Read canary verdicts (Argo Rollouts, Flagger)',
}

/** `spl_` + 32 random bytes in base64url (43 characters): 256 bits, so one unsalted SHA-256 suffices to store it. */
export const API_TOKEN_PATTERN = /^spl_[A-Za-z0-9_-]{43}$/
const TOKEN_BYTES = 32
/** Characters kept in clear to recognise a token in the list: `spl_` + 8 of the secret (48 bits, not enough to guess the rest). */
export const API_TOKEN_PREFIX_LENGTH = 12

export const generateApiToken = (): string => `spl_${crypto.randomBytes(TOKEN_BYTES).toString('base64url')}`

/** Hex SHA-256: what the database keeps (api_tokens.token_hash). */
export const hashApiToken = (token: string): string => crypto.createHash('sha256').update(token, 'utf8').digest('hex')

export const apiTokenPrefix = (token: string): string => token.slice(0, API_TOKEN_PREFIX_LENGTH)

export const isApiTokenShaped = (token: string): boolean => API_TOKEN_PATTERN.test(token)

/**
 * The credentials of an `Authorization: Bearer <token>` header (RFC 6750 §2.1; the scheme is
 * case-insensitive), '' for a bearer header without one, null when the request carries no bearer
 * credentials at all (no header, or another scheme).
 */
export function bearerCredentials(authorization: string | null): string | null {
  const match = /^\s*bearer(?:\s+(.*))?$/i.exec(authorization ?? '')
  return match ? (match[1] ?? '').trim() : null
}

export const apiTokenInput = z.object({
  name: singleLineText({ max: 100, what: 'a name' }),
  scopes: z
    .array(apiTokenScopeSchema, { error: 'choose at least one scope' })
    .min(1, 'choose at least one scope')
    .transform((scopes) => API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope))),
})
export type ApiTokenInput = z.infer<typeof apiTokenInput>

/** The form's checkbox of a scope (a form posts one field per checked box). */
export const scopeField = (scope: ApiTokenScope) => `scope.${scope}`

/** The create form's fields (`name`, one `scope.<scope>` per checked box) as apiTokenInput. */
export const apiTokenFormInput = z.preprocess((fields) => {
  if (typeof fields !== 'object' || fields === null) return fields
  const form = fields as Record<string, unknown>
  return { name: form.name, scopes: API_TOKEN_SCOPES.filter((scope) => form[scopeField(scope)] !== undefined) }
}, apiTokenInput)

export const apiTokenReferenceInput = z.object({ tokenId: z.uuid({ error: 'not a token id' }) })
