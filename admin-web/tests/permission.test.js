import { describe, expect, it } from 'vitest'
import {
  can,
  canEditRolesOf,
  canManageStaff,
  canResetPasswordOf,
  canToggleStaff,
  grantableRoles,
  menuFor,
} from '@/utils/permission'

const ROLE_OPTIONS = [
  { value: 'SUPER_ADMIN', label: '超级管理员' },
  { value: 'ORG_ADMIN', label: '组织管理员' },
  { value: 'DISPATCHER', label: '派单员' },
  { value: 'VIEWER', label: '查看员' },
]
const superAdmin = { id: 1, roles: ['SUPER_ADMIN'] }
const orgAdmin = { id: 2, roles: ['ORG_ADMIN'] }
const dispatcher = { id: 3, roles: ['DISPATCHER'] }
const viewer = { id: 4, roles: ['VIEWER'] }

const menuTitles = (roles) => menuFor(roles).map((m) => m.title)

describe('menu per role', () => {
  it('admins see every item, in order', () => {
    expect(menuTitles(['SUPER_ADMIN'])).toEqual(['工作台', '组织机构', '工作人员', '操作日志'])
    expect(menuTitles(['ORG_ADMIN'])).toEqual(['工作台', '组织机构', '工作人员', '操作日志'])
  })

  it('dispatchers and viewers do not see the audit log', () => {
    expect(menuTitles(['DISPATCHER'])).toEqual(['工作台', '组织机构', '工作人员'])
    expect(menuTitles(['VIEWER'])).toEqual(['工作台', '组织机构', '工作人员'])
  })

  it('roles add up', () => {
    expect(menuTitles(['VIEWER', 'ORG_ADMIN'])).toContain('操作日志')
  })

  it('no roles or unknown roles see nothing', () => {
    expect(menuFor([])).toEqual([])
    expect(menuFor(['SOMETHING_NEW'])).toEqual([])
    expect(menuFor(undefined)).toEqual([])
  })
})

describe('actions per role', () => {
  it.each([
    ['SUPER_ADMIN', true],
    ['ORG_ADMIN', true],
    ['DISPATCHER', false],
    ['VIEWER', false],
  ])('%s may manage orgs and staff and read the audit log: %s', (role, expected) => {
    expect(can([role], 'org:manage')).toBe(expected)
    expect(can([role], 'staff:manage')).toBe(expected)
    expect(can([role], 'audit:view')).toBe(expected)
    // everybody reads
    expect(can([role], 'org:view')).toBe(true)
    expect(can([role], 'staff:view')).toBe(true)
  })

  it('refuses unknown permissions', () => {
    expect(can(['SUPER_ADMIN'], 'org:delete')).toBe(false)
  })
})

describe('granting roles', () => {
  it('only a super admin may grant SUPER_ADMIN', () => {
    expect(grantableRoles(superAdmin, ROLE_OPTIONS).map((o) => o.value)).toEqual([
      'SUPER_ADMIN',
      'ORG_ADMIN',
      'DISPATCHER',
      'VIEWER',
    ])
    expect(grantableRoles(orgAdmin, ROLE_OPTIONS).map((o) => o.value)).toEqual(['ORG_ADMIN', 'DISPATCHER', 'VIEWER'])
  })

  it('read-only roles grant nothing', () => {
    expect(grantableRoles(dispatcher, ROLE_OPTIONS)).toEqual([])
    expect(grantableRoles(viewer, ROLE_OPTIONS)).toEqual([])
    expect(grantableRoles(null, ROLE_OPTIONS)).toEqual([])
  })
})

describe('managing one account', () => {
  const plainAccount = { id: 20, roles: ['DISPATCHER'] }
  const superAccount = { id: 21, roles: ['SUPER_ADMIN', 'ORG_ADMIN'] }

  it("an org admin manages ordinary accounts but not a super admin's", () => {
    expect(canManageStaff(orgAdmin, plainAccount)).toBe(true)
    expect(canManageStaff(orgAdmin, superAccount)).toBe(false)
    expect(canToggleStaff(orgAdmin, superAccount)).toBe(false)
    expect(canResetPasswordOf(orgAdmin, superAccount)).toBe(false)
  })

  it("a super admin manages a super admin's account", () => {
    expect(canManageStaff(superAdmin, superAccount)).toBe(true)
    expect(canToggleStaff(superAdmin, superAccount)).toBe(true)
  })

  it('read-only roles manage nothing', () => {
    expect(canManageStaff(viewer, plainAccount)).toBe(false)
    expect(canManageStaff(dispatcher, plainAccount)).toBe(false)
  })

  it('nobody disables themselves, changes their own roles or resets their own password here', () => {
    const self = { ...superAdmin }
    expect(canManageStaff(superAdmin, self)).toBe(true) // the name stays editable
    expect(canToggleStaff(superAdmin, self)).toBe(false)
    expect(canEditRolesOf(superAdmin, self)).toBe(false)
    expect(canResetPasswordOf(superAdmin, self)).toBe(false)
    expect(canEditRolesOf(superAdmin, plainAccount)).toBe(true)
  })
})
