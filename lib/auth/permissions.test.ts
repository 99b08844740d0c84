import { describe, expect, test } from 'vitest'
import { can, PERMISSIONS, ROLE_RANK, type Permission } from './permissions'
import { ROLES, type Role } from './schemas'

describe('permissions', () => {
  test.each<[Role, Permission, boolean]>([
    ['engineer', 'dashboard.read', true],
    ['engineer', 'incidents.write', true],
    ['engineer', 'rollout.override', false],
    ['engineer', 'users.manage', false],
    ['engineer', 'alerts.write', false],
    ['manager', 'rollout.override', true],
    ['manager', 'audit.read', true],
    ['manager', 'users.manage', false],
    ['manager', 'targets.write', false],
    ['admin', 'users.manage', true],
    ['admin', 'alerts.write', true],
    ['engineer', 'tokens.manage', false],
    ['manager', 'tokens.manage', false],
    ['admin', 'tokens.manage', true],
  ])('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed)
  })

  test('a higher role holds every permission of a lower one (engineer < manager < admin)', () => {
    for (const permission of PERMISSIONS) {
      for (const lower of ROLES) {
        for (const higher of ROLES) {
          if (ROLE_RANK[higher] > ROLE_RANK[lower] && can(lower, permission))
            expect(can(higher, permission), `${higher} ${permission}`).toBe(true)
        }
      }
    }
  })
})
