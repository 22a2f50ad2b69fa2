import { describe, expect, it } from 'vitest'
import {
  can,
  canEditRolesOf,
  canManageStaff,
  canResetPasswordOf,
  canToggleStaff,
  grantableRoles,
} from '@/utils/permission'
import { menuFor } from '@/router/menu'

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
/** Items as the side menu shows them: a group as "组 > 项, 项". */
const menuOutline = (roles) =>
  menuFor(roles).map((m) => (m.children ? `${m.title} > ${m.children.map((c) => c.title).join(', ')}` : m.title))

describe('menu per role', () => {
  it('admins see every item, in order, the registry pages grouped', () => {
    const all = [
      '工作台', '求助办理 > 求助工单, 热线受理, 转办申请, 回访, 工作台账', '值班心理专家',
      '志愿服务 > 志愿者, 服务时长核实, 手拉手结对, 防护培训题库', '先进典型', '组织机构', '工作人员',
      '登记管理 > 医院, 医疗队, 医护人员', '统计表', '个人信息查看记录', '操作日志', '消息记录（演示）',
    ]
    expect(menuOutline(['SUPER_ADMIN'])).toEqual(all)
    expect(menuOutline(['ORG_ADMIN'])).toEqual(all)
  })

  it('dispatchers and viewers see the registry and statistics but not the access or audit logs; viewers not the quiz', () => {
    const readers = (ticketPages, volunteerPages) => [
      '工作台', `求助办理 > ${ticketPages}`, '值班心理专家', `志愿服务 > ${volunteerPages}`, '先进典型', '组织机构', '工作人员',
      '登记管理 > 医院, 医疗队, 医护人员', '统计表',
    ]
    expect(menuOutline(['DISPATCHER'])).toEqual(readers('求助工单, 热线受理, 转办申请, 回访, 工作台账', '志愿者, 服务时长核实, 手拉手结对, 防护培训题库'))
    // the quiz holds its answers: read by handlers only; viewers take no needs in
    expect(menuOutline(['VIEWER'])).toEqual(readers('求助工单, 转办申请, 回访, 工作台账', '志愿者, 服务时长核实, 手拉手结对'))
  })

  it('roles add up', () => {
    expect(menuTitles(['VIEWER', 'ORG_ADMIN'])).toContain('操作日志')
    expect(menuTitles(['VIEWER', 'ORG_ADMIN'])).toContain('个人信息查看记录')
  })

  it('no roles or unknown roles see nothing, not even an empty group', () => {
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

  // the registry matrix: [permission, SUPER_ADMIN, ORG_ADMIN, DISPATCHER, VIEWER]
  it.each([
    ['hospital:view', true, true, true, true],
    ['hospital:manage', true, true, false, false],
    ['team:view', true, true, true, true],
    ['team:manage', true, true, false, false],
    ['team:reveal', true, true, true, false],
    ['worker:view', true, true, true, true],
    ['worker:manage', true, true, true, false],
    ['worker:reveal', true, true, true, false],
    ['worker:import', true, true, true, false],
    ['worker:export', true, true, true, false],
    ['statistics:view', true, true, true, true],
    ['statistics:export', true, true, true, true],
    ['personal-data-access:view', true, true, false, false],
    ['ticket:view', true, true, true, true],
    ['ticket:handle', true, true, true, false],
    ['ticket:reveal', true, true, true, false],
    ['alert:view', true, true, true, true],
    ['duty-expert:view', true, true, true, true],
    ['duty-expert:manage', true, true, true, false],
    ['family:invite', true, true, true, false],
    ['volunteer:view', true, true, true, true],
    ['volunteer:manage', true, true, true, false],
    ['volunteer:reveal', true, true, true, false],
    ['volunteer:certificate', true, true, true, false],
    ['training:view', true, true, true, false],
    ['training:manage', true, true, false, false],
    ['pairing:view', true, true, true, true],
    ['pairing:manage', true, true, true, false],
    ['care-plan:view', true, true, true, true],
    ['care-plan:manage', true, true, true, false],
  ])('%s: super admin %s, org admin %s, dispatcher %s, viewer %s', (permission, superAdmin, orgAdmin, dispatcher, viewer) => {
    expect(can(['SUPER_ADMIN'], permission)).toBe(superAdmin)
    expect(can(['ORG_ADMIN'], permission)).toBe(orgAdmin)
    expect(can(['DISPATCHER'], permission)).toBe(dispatcher)
    expect(can(['VIEWER'], permission)).toBe(viewer)
  })

  it('a viewer who is also a dispatcher may reveal and import', () => {
    expect(can(['VIEWER', 'DISPATCHER'], 'worker:reveal')).toBe(true)
    expect(can(['VIEWER', 'DISPATCHER'], 'worker:import')).toBe(true)
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
