import { defineRoute } from '@/lib/http/define-route'
import { getSyncStatus } from '@/lib/sync/sync-status-repository'

export const GET = defineRoute({
  permission: 'dashboard.read',
  run: () => getSyncStatus(),
})
