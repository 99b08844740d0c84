// API tokens in the database: created (the secret returned once, only its hash kept), listed, revoked,
// and authenticated on every machine request. Creation, revocation and every use are audited.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import {
  API_TOKEN_SCOPES,
  apiTokenPrefix,
  generateApiToken,
  hashApiToken,
  isApiTokenShaped,
  type ApiTokenInput,
  type ApiTokenScope,
} from './api-tokens'

export type ApiTokenRow = {
  id: string
  name: string
  scopes: ApiTokenScope[]
  prefix: string
  createdAt: Date
  createdByEmail: string | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** Who made a machine request: an active token, with what it may do. */
export type ApiTokenIdentity = { id: string; name: string; prefix: string; scopes: ApiTokenScope[] }

type Actor = { by: string | null }

const ROW_FIELDS = {
  id: true,
  name: true,
  scopes: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdById: true,
} as const

/** Scopes as stored, in the list's order; one this version does not know (written by a newer one) grants nothing. */
const knownScopes = (scopes: string[]): ApiTokenScope[] => API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope))

async function creatorEmails(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (!wanted.length) return new Map()
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } })
  return new Map(users.map((user) => [user.id, user.email]))
}

type StoredToken = {
  id: string
  name: string
  scopes: string[]
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  createdById: string | null
}
const toRow = ({ createdById, scopes, ...token }: StoredToken, emails: Map<string, string>): ApiTokenRow => ({
  ...token,
  scopes: knownScopes(scopes),
  createdByEmail: createdById ? (emails.get(createdById) ?? null) : null,
})

/** Creates a token, audited; the token itself is in the answer and nowhere else, ever. */
export async function createApiToken(input: ApiTokenInput, { by }: Actor): Promise<{ token: string; apiToken: ApiTokenRow }> {
  const token = generateApiToken()
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: input.name, scopes: input.scopes, tokenHash: hashApiToken(token), prefix: apiTokenPrefix(token), createdById: by },
      select: ROW_FIELDS,
    })
    await saveAuditEntry(tx, by, {
      action: 'token.create',
      subjectType: 'api_token',
      subjectId: row.id,
      details: { name: row.name, prefix: row.prefix, scopes: row.scopes },
    })
    return row
  })
  return { token, apiToken: toRow(created, await creatorEmails([by])) }
}

/** Active tokens first, then revoked ones; newest first within each. */
export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const tokens = await db.apiToken.findMany({
    select: ROW_FIELDS,
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  })
  const emails = await creatorEmails(tokens.map((token) => token.createdById))
  return tokens.map((token) => toRow(token, emails))
}

/** Revokes a token, audited; revoking a revoked one changes nothing (and is not audited again). */
export async function revokeApiToken(tokenId: string, { by }: Actor): Promise<ApiTokenRow> {
  const revoked = await db.$transaction(async (tx) => {
    const now = new Date()
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } })
    const row = await tx.apiToken.findUnique({ where: { id: tokenId }, select: ROW_FIELDS })
    if (!row) throw new NotFoundError('no such token')
    if (count)
      await saveAuditEntry(tx, by, {
        action: 'token.revoke',
        subjectType: 'api_token',
        subjectId: row.id,
        details: { name: row.name, prefix: row.prefix },
      })
    return row
  })
  return toRow(revoked, await creatorEmails([revoked.createdById]))
}

/**
 * The active token a request presents, or null (unknown, revoked, or not shaped like one). A use
 * stamps last_used_at and is audited with the route it called, in one transaction; a token revoked
 * at the same moment is refused (the stamp is conditional on it being active).
 */
export async function authenticateApiToken(token: string, { route }: { route: string }): Promise<ApiTokenIdentity | null> {
  if (!isApiTokenShaped(token)) return null
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, name: true, prefix: true, scopes: true, revokedAt: true },
  })
  if (!found || found.revokedAt) return null
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: found.id, revokedAt: null }, data: { lastUsedAt: new Date() } })
    if (!count) return null
    await saveAuditEntry(tx, null, {
      action: 'token.use',
      subjectType: 'api_token',
      subjectId: found.id,
      details: { name: found.name, prefix: found.prefix, route: route.slice(0, 300) },
    })
    return { id: found.id, name: found.name, prefix: found.prefix, scopes: knownScopes(found.scopes) }
  })
}
