import { KeyRound } from 'lucide-react'
import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { listApiTokens } from '@/lib/auth/api-token-repository'
import { API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES, scopeField } from '@/lib/auth/api-tokens'
import { requirePermission } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format/date'
import { listInventory } from '@/lib/inventory/repository'
import { CreateTokenForm } from './_components/create-token-form'
import { RevokeTokenButton } from './_components/revoke-token-button'

export const metadata: Metadata = { title: 'API tokens' }

const SCOPES = API_TOKEN_SCOPES.map((scope) => ({ scope, field: scopeField(scope), label: API_TOKEN_SCOPE_LABELS[scope] }))

export default async function ApiTokensPage() {
  await requirePermission('tokens.manage')
  const [tokens, inventory] = await Promise.all([listApiTokens(), listInventory()])
  const exampleService = inventory.find((service) => service.origin === 'inventory')?.name ?? 'checkout'
  const active = tokens.filter((token) => !token.revokedAt).length
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Secrets for machines that post to Spanlens (load tests, incident tools): scoped, revocable, stored hashed, every use audited."
      />
      <PageBody>
        <Card>
          <CardHeader title="Create a token" description="It is shown once, right after it is created. Spanlens keeps only its hash." />
          <CardBody>
            <CreateTokenForm scopes={SCOPES} exampleService={exampleService} />
          </CardBody>
        </Card>
        {tokens.length ? (
          <Card>
            <CardHeader title={`${active} active ${active === 1 ? 'token' : 'tokens'}`} description="Times in UTC" />
            <Table aria-label="API tokens">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Token</Th>
                  <Th>Scopes</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} data-testid={`api-token-${token.name}`}>
                    <Td className="font-medium">{token.name}</Td>
                    <Td className="font-mono text-xs whitespace-nowrap text-muted">{token.prefix}…</Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        {token.scopes.map((scope) => (
                          <Badge key={scope} tone="accent" className="font-mono">
                            {scope}
                          </Badge>
                        ))}
                      </div>
                    </Td>
                    <Td className="text-xs whitespace-nowrap text-muted">
                      {formatDateTime(token.createdAt)}
                      {token.createdByEmail && <span className="block">by {token.createdByEmail}</span>}
                    </Td>
                    <Td className="text-xs whitespace-nowrap text-muted">
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}
                    </Td>
                    <Td>
                      {token.revokedAt ? (
                        <Badge tone="bad">revoked {formatDateTime(token.revokedAt)}</Badge>
                      ) : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ) : (
          <EmptyState icon={KeyRound} title="No API tokens yet">
            Create one above for a load-test job to post overhead measurements.
          </EmptyState>
        )}
      </PageBody>
    </>
  )
}
