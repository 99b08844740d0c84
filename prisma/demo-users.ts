import type { Role } from '@/lib/auth/schemas'

/** Demo sign-ins, printed by `npm run demo`. Demo mode only: a real deployment seeds no users. */
export const DEMO_USERS: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: 'engineer@spanlens.demo', name: 'Erin Engineer', role: 'engineer', password: 'spanlens-engineer' },
  { email: 'manager@spanlens.demo', name: 'Morgan Manager', role: 'manager', password: 'spanlens-manager' },
  { email: 'admin@spanlens.demo', name: 'Ada Admin', role: 'admin', password: 'spanlens-admin' },
]
