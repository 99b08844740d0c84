// An audit row's details as one readable line: `email: sam@x · from: engineer · to: manager`. Display only.
export function formatAuditDetails(details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return details === undefined ? '' : JSON.stringify(details)
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
}
