// Who may do what. Pure: the table is the policy; every page, handler and action asks `can`.
import type { Role } from './schemas'

export const ROLE_RANK: Record<Role, number> = { engineer: 0, manager: 1, admin: 2 }

const GRANTS = {
  /** Read dashboards, services, traces, rollout, alerts, SLOs, incidents. */
  'dashboard.read': ['engineer', 'manager', 'admin'],
  /** Override a service's rollout status (with a reason; audited). */
  'rollout.override': ['manager', 'admin'],
  /** Set when the rollout began and what verifies a service; clear managers' overrides (audited). */
  'rollout.configure': ['admin'],
  /** Record incidents and overhead measurements. */
  'incidents.write': ['engineer', 'manager', 'admin'],
  /** Record a deployment (CI does it with a token). */
  'deployments.write': ['engineer', 'manager', 'admin'],
  'alerts.write': ['admin'],
  'slos.write': ['admin'],
  'inventory.write': ['admin'],
  'targets.write': ['admin'],
  'jaeger.configure': ['admin'],
  /** Add users and change roles (audited). */
  'users.manage': ['admin'],
  /** Change one's own password and end one's own sessions. */
  'account.write': ['engineer', 'manager', 'admin'],
  /** Read the audit log. */
  'audit.read': ['manager', 'admin'],
  /** Create and revoke API tokens (machine posts; audited). */
  'tokens.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof GRANTS
export const PERMISSIONS = Object.keys(GRANTS) as Permission[]

export const can = (role: Role, permission: Permission): boolean => (GRANTS[permission] as readonly Role[]).includes(role)

/** The roles holding a permission, for "ask an admin" hints in the UI. */
export const rolesWith = (permission: Permission): readonly Role[] => GRANTS[permission]
