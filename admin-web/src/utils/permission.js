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
  // withdraw and restore are handlers' work; deleting an entry made by mistake is for admins
  'worker:withdraw': HANDLERS,
  'worker:delete': ADMINS,
  // the export in clear records every exported person like a reveal
  'worker:export-clear': HANDLERS,
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
  // photos WeChat has not judged (审核中, 待人工审核): handlers pass or hide them
  'photo:decide': HANDLERS,
  'alert:view': ALL,
  'duty-expert:view': ALL,
  'duty-expert:manage': HANDLERS,
  // family binding: who is bound is shown to all; invite codes are issued by handlers
  'family:invite': HANDLERS,
  // volunteers: everybody reads the masked list, hours and certificates; handlers review, insure and reveal
  'volunteer:view': ALL,
  'volunteer:manage': HANDLERS, // approve, reject, record insurance
  'volunteer:reveal': HANDLERS,
  'volunteer:certificate': HANDLERS, // the PDF carries the full name: not for viewers
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
