// What a signed-in staff member may see and do. The API enforces all of this anyway; the UI only
// hides what would be refused. Roles add up: a member with several roles may do what any of them may.

export const ROLE = Object.freeze({
  SUPER_ADMIN: 'SUPER_ADMIN',
  ORG_ADMIN: 'ORG_ADMIN',
  DISPATCHER: 'DISPATCHER',
  VIEWER: 'VIEWER',
})

/** Fallback labels; the API's /staff/roles labels win where loaded. */
export const ROLE_LABELS = Object.freeze({
  SUPER_ADMIN: '超级管理员',
  ORG_ADMIN: '组织管理员',
  DISPATCHER: '派单员',
  VIEWER: '查看员',
})

const ALL = Object.values(ROLE)
const ADMINS = [ROLE.SUPER_ADMIN, ROLE.ORG_ADMIN]
/** Roles that work with personal data: admins and dispatchers (viewers only see masked lists). */
const HANDLERS = [ROLE.SUPER_ADMIN, ROLE.ORG_ADMIN, ROLE.DISPATCHER]

export const PERMISSIONS = Object.freeze({
  'dashboard:view': ALL,
  'org:view': ALL,
  'org:manage': ADMINS,
  'staff:view': ALL,
  'staff:manage': ADMINS,
  'audit:view': ADMINS,
  // the embedded default's message log (消息记录（演示）)
  'stand-in:messages': ADMINS,
  // registry: hospitals and teams are kept by admins; workers also by dispatchers
  'hospital:view': ALL,
  'hospital:manage': ADMINS,
  'team:view': ALL,
  'team:manage': ADMINS,
  'team:reveal': HANDLERS,
  // the daily prompt's time, switch and WeCom robot (the API lets handlers change them)
  'team:prompt': HANDLERS,
  'worker:view': ALL,
  'worker:manage': HANDLERS, // create, edit, edit family
  'worker:reveal': HANDLERS,
  'worker:import': HANDLERS,
  'worker:export': HANDLERS,
  'statistics:view': ALL,
  // the district table holds head counts only, and the API serves its Excel to every role
  'statistics:export': ALL,
  'personal-data-access:view': ADMINS,
  // help requests: everybody reads the board and its alerts; handlers move requests and see them in clear
  'ticket:view': ALL,
  'ticket:handle': HANDLERS, // accept, reject, open, complete, close
  'ticket:reveal': HANDLERS,
  // 热线受理, 申请转办 and the follow-up calls are handlers' work; everybody reads the lists
  'ticket:intake': HANDLERS,
  'takeover:view': ALL,
  'follow-up:view': ALL,
  // the daily ledger holds counts and masked rows: everybody reads and downloads it
  'ledger:view': ALL,
  'ledger:export': ALL,
  // 先进典型: everybody reads; handlers write, publish and withdraw
  'story:view': ALL,
  'story:manage': HANDLERS,
  'alert:view': ALL,
  'duty-expert:view': ALL,
  'duty-expert:manage': HANDLERS,
  // family binding: who is bound is shown to all; invite codes are issued by handlers
  'family:invite': HANDLERS,
  // volunteers: everybody reads the masked list, hours and certificates; handlers review, insure and reveal
  'volunteer:view': ALL,
  'volunteer:manage': HANDLERS, // approve, reject, record insurance
  'volunteer:reveal': HANDLERS,
  // the protection quiz holds the answers: handlers read it, admins change it
  'training:view': HANDLERS,
  'training:manage': ADMINS,
  // 手拉手 and 一家一策: everybody reads; handlers pair, end, add and stop plans
  'pairing:view': ALL,
  'pairing:manage': HANDLERS,
  'care-plan:view': ALL,
  'care-plan:manage': HANDLERS,
})

/** Whether any of the roles grants the permission. Unknown permissions are refused. */
export function can(roles, permission) {
  const allowed = PERMISSIONS[permission]
  if (!allowed || !Array.isArray(roles)) return false
  return roles.some((r) => allowed.includes(r))
}

/**
 * The side menu, in order; `permission` decides who sees an item. A group (`children`) shows when
 * at least one of its items does.
 */
export const MENU = Object.freeze([
  { name: 'dashboard', path: '/dashboard', title: '工作台', icon: 'House', permission: 'dashboard:view' },
  {
    name: 'ticket-work',
    title: '求助办理',
    icon: 'Tickets',
    children: [
      { name: 'tickets', path: '/tickets', title: '求助工单', permission: 'ticket:view' },
      { name: 'intake', path: '/intake', title: '热线受理', permission: 'ticket:intake' },
      { name: 'takeovers', path: '/takeovers', title: '转办申请', permission: 'takeover:view' },
      { name: 'follow-ups', path: '/follow-ups', title: '回访', permission: 'follow-up:view' },
      { name: 'ledger', path: '/ledger', title: '工作台账', permission: 'ledger:view' },
    ],
  },
  { name: 'duty-experts', path: '/duty-experts', title: '值班心理专家', icon: 'Headset', permission: 'duty-expert:view' },
  {
    name: 'volunteer-service',
    title: '志愿服务',
    icon: 'Avatar',
    children: [
      { name: 'volunteers', path: '/volunteers', title: '志愿者', permission: 'volunteer:view' },
      { name: 'pairings', path: '/pairings', title: '手拉手结对', permission: 'pairing:view' },
      { name: 'training-questions', path: '/training-questions', title: '防护培训题库', permission: 'training:view' },
    ],
  },
  { name: 'stories', path: '/stories', title: '先进典型', icon: 'Medal', permission: 'story:view' },
  { name: 'orgs', path: '/orgs', title: '组织机构', icon: 'OfficeBuilding', permission: 'org:view' },
  { name: 'staff', path: '/staff', title: '工作人员', icon: 'User', permission: 'staff:view' },
  {
    name: 'registry',
    title: '登记管理',
    icon: 'Notebook',
    children: [
      { name: 'hospitals', path: '/hospitals', title: '医院', permission: 'hospital:view' },
      { name: 'medical-teams', path: '/medical-teams', title: '医疗队', permission: 'team:view' },
      { name: 'medical-workers', path: '/medical-workers', title: '医护人员', permission: 'worker:view' },
    ],
  },
  { name: 'statistics', path: '/statistics', title: '统计表', icon: 'DataAnalysis', permission: 'statistics:view' },
  {
    name: 'personal-data-access',
    path: '/personal-data-access',
    title: '个人信息查看记录',
    icon: 'View',
    permission: 'personal-data-access:view',
  },
  { name: 'audit-logs', path: '/audit-logs', title: '操作日志', icon: 'Document', permission: 'audit:view' },
])

export function menuFor(roles) {
  return MENU.flatMap((item) => {
    if (!item.children) return can(roles, item.permission) ? [item] : []
    const children = item.children.filter((child) => can(roles, child.permission))
    return children.length ? [{ ...item, children }] : []
  })
}

/** The roles `me` may put on an account: only a super admin grants SUPER_ADMIN. */
export function grantableRoles(me, roleOptions) {
  const myRoles = me?.roles || []
  if (!can(myRoles, 'staff:manage')) return []
  const isSuper = myRoles.includes(ROLE.SUPER_ADMIN)
  return roleOptions.filter((o) => isSuper || o.value !== ROLE.SUPER_ADMIN)
}

/** Whether `me` may edit, reset or (dis)able `target`: admins only, and a super admin's account only by a super admin. */
export function canManageStaff(me, target) {
  const myRoles = me?.roles || []
  if (!can(myRoles, 'staff:manage') || !target) return false
  if ((target.roles || []).includes(ROLE.SUPER_ADMIN) && !myRoles.includes(ROLE.SUPER_ADMIN)) return false
  return true
}

/** Nobody disables or enables themselves. */
export function canToggleStaff(me, target) {
  return canManageStaff(me, target) && me.id !== target.id
}

/** Nobody changes their own roles (the name stays editable). */
export function canEditRolesOf(me, target) {
  return canManageStaff(me, target) && me.id !== target.id
}

/** Resetting one's own password would sign oneself out everywhere: use 修改密码 instead. */
export function canResetPasswordOf(me, target) {
  return canManageStaff(me, target) && me.id !== target.id
}
